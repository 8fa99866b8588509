package reservecheck.models.alloc_policy;

import java.util.List;

import reservecheck.models.lts.Names;

/**
 * The spec's action names, used as transition labels, and its fairness: the spec puts
 * WF_vars on every action but Terminated, each action its own group (named after it), so the
 * allocator, kswapd, writeback, the victim's exit and the reaper all run when they can.
 */
public final class Label {
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

    /** The weakly fair actions, in the order of the spec's WF conjuncts; Terminated is not fair. */
    private static final String[] FAIR = {
        GET_PAGE_FROM_FREELIST, ALLOC_FAIL_NORECLAIM, TRY_TO_FREE_PAGES, RECLAIM_RETRY, OUT_OF_MEMORY,
        ALLOC_FAIL, EXIT_MM, OOM_REAP, KSWAPD_RECLAIM, WRITEBACK_ALLOC, WRITEBACK_DONE
    };

    private Label() {
    }

    /** The fairness group of a step: the action itself when the spec has WF_vars on it, else null. */
    public static String fairnessGroup(String label) {
        return Names.contains(FAIR, label) ? label : null;
    }

    /** Every fairness group, in the spec's order. */
    public static List<String> fairnessGroups() {
        return Names.list(FAIR);
    }
}
