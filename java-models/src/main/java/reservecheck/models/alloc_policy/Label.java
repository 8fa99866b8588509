package reservecheck.models.alloc_policy;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.Names;

/**
 * The spec's action names, used as transition labels, and its fairness: the spec puts WF_vars
 * on every action of every task (mutex_lock(t) .. alloc_fail(t), one group per action and task,
 * named "action(t)") and on each background action (exit_mm, oom_reap, kswapd, writeback: one
 * group each, named after it); Terminated is not fair.
 */
public final class Label {
    public static final String MUTEX_LOCK = "mutex_lock";
    public static final String GET_PAGE_FROM_FREELIST = "get_page_from_freelist";
    public static final String ALLOC_FAIL_NORECLAIM = "alloc_fail_noreclaim";
    public static final String TRY_TO_FREE_PAGES = "try_to_free_pages";
    public static final String RECLAIM_RETRY = "reclaim_retry";
    public static final String OUT_OF_MEMORY = "out_of_memory";
    public static final String ALLOC_FAIL = "alloc_fail";
    public static final String EXIT_MM = "exit_mm";
    public static final String OOM_REAP = "oom_reap";
    public static final String KSWAPD_RECLAIM = "kswapd_reclaim";
    public static final String WRITEBACK_ALLOC = "writeback_alloc";
    public static final String WRITEBACK_DONE = "writeback_done";
    public static final String TERMINATED = "Terminated";

    /** The actions of a task, WF_vars for each task, in the order of the spec's WF conjuncts. */
    private static final String[] TASK_FAIR = {
        MUTEX_LOCK, GET_PAGE_FROM_FREELIST, ALLOC_FAIL_NORECLAIM, TRY_TO_FREE_PAGES, RECLAIM_RETRY, OUT_OF_MEMORY,
        ALLOC_FAIL
    };
    /** The background actions, each weakly fair on its own. */
    private static final String[] FAIR = {EXIT_MM, OOM_REAP, KSWAPD_RECLAIM, WRITEBACK_ALLOC, WRITEBACK_DONE};

    private Label() {
    }

    /** The task name of task t in transitions and fairness groups: the spec's number. */
    static String task(int t) {
        return Integer.toString(t);
    }

    /** The fairness group of a step of task (null for a background step), or null when not fair. */
    public static String fairnessGroup(String label, String task) {
        if (Names.contains(TASK_FAIR, label) && task != null) {
            return label + "(" + task + ")";
        }
        return Names.contains(FAIR, label) ? label : null;
    }

    /** Every fairness group, in the spec's order. */
    public static List<String> fairnessGroups() {
        List<String> l = new ArrayList<String>();
        for (int t = 1; t <= AllocPolicyState.TASKS; t++) {
            for (String a : TASK_FAIR) {
                l.add(a + "(" + task(t) + ")");
            }
        }
        l.addAll(Names.list(FAIR));
        return l;
    }
}
