package reservecheck.models.mempool;

import reservecheck.models.lts.Names;

/**
 * The spec's action names, used as transition labels, and the spec's fairness: which actions
 * make up TaskProgress(t).
 */
public final class Label {
    public static final String MEMPOOL_ALLOC = "mempool_alloc";
    public static final String POOL_ALLOC = "pool_alloc";
    public static final String REMOVE_ELEMENT = "remove_element";
    /** The curr_nr_test_unlocked fault's removal, a step after the unlocked test. */
    public static final String REMOVE_UNLOCKED = "remove_unlocked";
    public static final String RUN_TASK_QUEUE = "run_task_queue";
    public static final String ADD_WAIT_QUEUE = "add_wait_queue";
    public static final String SCHEDULE = "schedule";
    public static final String FINISH_WAIT = "finish_wait";
    public static final String IO_SCHEDULE_TIMEOUT = "io_schedule_timeout";
    public static final String MEMPOOL_FREE = "mempool_free";
    public static final String BIO_ENDIO = "bio_endio";
    public static final String RETURN_NULL = "return_null";
    public static final String TERMINATED = "Terminated";

    /**
     * TaskProgress(t) in the spec: everything a task does once it has called mempool_alloc,
     * and mempool_free.  Left out on purpose: mempool_alloc (a task may stay idle),
     * io_schedule_timeout (the timeout papers over lost wake-ups; AllocReturns must hold
     * without it) and Terminated (no task).
     */
    private static final String[] TASK_PROGRESS = {
        POOL_ALLOC, REMOVE_ELEMENT, REMOVE_UNLOCKED, RUN_TASK_QUEUE, ADD_WAIT_QUEUE, SCHEDULE, FINISH_WAIT,
        MEMPOOL_FREE, BIO_ENDIO, RETURN_NULL
    };

    private Label() {
    }

    /** Whether the action belongs to the weakly fair TaskProgress(t). */
    public static boolean isTaskProgress(String label) {
        return Names.contains(TASK_PROGRESS, label);
    }

    /** The name of the weakly fair group of task t's progress steps. */
    public static String taskProgress(String task) {
        return "TaskProgress(" + task + ")";
    }
}
