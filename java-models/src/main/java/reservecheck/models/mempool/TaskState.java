package reservecheck.models.mempool;

/** The values of the spec's {@code tstate} variable: the scheduler state of a task. */
public final class TaskState {
    public static final int RUNNING = 0;
    /** TASK_UNINTERRUPTIBLE: schedule() does not return until a wake-up sets RUNNING. */
    public static final int UNINTERRUPTIBLE = 1;

    private TaskState() {
    }

    /** The spec's string for a tstate value. */
    public static String name(int tstate) {
        return tstate == RUNNING ? "running" : "uninterruptible";
    }
}
