package reservecheck.models.reserve_tree;

/** The spec's AllocPCs (a merged_2012 allocator's step), as int codes in the spec's order. */
public final class AllocPc {
    public static final int IDLE = 0;
    public static final int GET_PAGE = 1;
    public static final int TRY_TO_FREE_PAGES = 2;
    public static final int THROTTLED = 3;
    public static final int SHRINK = 4;
    public static final int OUT_OF_MEMORY = 5;
    public static final int HOLD = 6;
    public static final int DONE = 7;

    private static final String[] NAMES = {
        "idle", "get_page", "try_to_free_pages", "throttled", "shrink", "out_of_memory", "hold", "done"
    };

    private AllocPc() {
    }

    public static String name(int pc) {
        return NAMES[pc];
    }

    /** The names by code (a copy), for a whole function of pcs as TLA+ text. */
    public static String[] names() {
        return NAMES.clone();
    }

    public static boolean valid(int pc) {
        return pc >= IDLE && pc <= DONE;
    }

    /**
     * The spec's InPageAlloc(d): inside __alloc_pages, the steps where send_sigkill can strike
     * and where AllocReturns waits for a return.
     */
    public static boolean inPageAlloc(int pc) {
        return pc == GET_PAGE || pc == TRY_TO_FREE_PAGES || pc == THROTTLED || pc == SHRINK
                || pc == OUT_OF_MEMORY;
    }
}
