package reservecheck.models.reserve_tree;

/** The spec's AllocPCs (a merged_2012 allocator's step), as int codes in the spec's order. */
final class AllocPc {
    static final int IDLE = 0;
    static final int GET_PAGE = 1;
    static final int TRY_TO_FREE_PAGES = 2;
    static final int THROTTLED = 3;
    static final int SHRINK = 4;
    static final int OUT_OF_MEMORY = 5;
    static final int HOLD = 6;
    static final int DONE = 7;

    private static final String[] NAMES = {
        "idle", "get_page", "try_to_free_pages", "throttled", "shrink", "out_of_memory", "hold", "done"
    };

    private AllocPc() {
    }

    static String name(int pc) {
        return NAMES[pc];
    }

    static boolean valid(int pc) {
        return pc >= IDLE && pc <= DONE;
    }

    /**
     * The spec's InPageAlloc(d): inside __alloc_pages, the steps where send_sigkill can strike
     * and where AllocReturns waits for a return.
     */
    static boolean inPageAlloc(int pc) {
        return pc == GET_PAGE || pc == TRY_TO_FREE_PAGES || pc == THROTTLED || pc == SHRINK
                || pc == OUT_OF_MEMORY;
    }
}
