package reservecheck.impl.reserve_tree;

/**
 * The spec's program counters as the implementation keeps them: SwapPCs (also sysctl_pc and
 * pending[a].next, which add "none"), UserPCs and AllocPCs, each with the spec's strings.
 */
final class Pc {
    // SwapPCs, sysctl_pc, pending[a].next
    static final int IDLE = 0;
    static final int LIVE = 1;
    static final int DONE = 2;
    static final int SOCK_FLAG = 3;
    static final int SK_ADJUST_MEMALLOC = 4;
    static final int ATOMIC_READ = 5;
    static final int ATOMIC_ADD_RETURN = 6;
    static final int MEM_RESERVE_DISCONNECT = 7;
    static final int ADJUST_WRITE = 8;
    static final int SOCK_SET_FLAG = 9;
    static final int SET_FAILED = 10;
    static final int CLEAR_TEST = 11;
    static final int SOCK_RESET_FLAG = 12;
    static final int CLEAR_DONE = 13;
    static final int NONE = 14;
    static final String[] SWAP = {
        "idle", "live", "done", "sock_flag", "sk_adjust_memalloc", "atomic_read", "atomic_add_return",
        "mem_reserve_disconnect", "adjust_memalloc_reserve_write", "sock_set_flag", "set_failed",
        "clear_test", "sock_reset_flag", "clear_done", "none"
    };

    // UserPCs
    static final int U_IDLE = 0;
    static final int U_ALLOC = 1;
    static final int U_WAIT_CHARGE = 2;
    static final int U_WAIT_MEM = 3;
    static final int U_HOLD = 4;
    static final int U_DONE = 5;
    static final String[] USER = {"idle", "alloc", "wait_charge", "wait_mem", "hold", "done"};

    // AllocPCs
    static final int D_IDLE = 0;
    static final int D_GET_PAGE = 1;
    static final int D_TRY_TO_FREE_PAGES = 2;
    static final int D_THROTTLED = 3;
    static final int D_SHRINK = 4;
    static final int D_OUT_OF_MEMORY = 5;
    static final int D_HOLD = 6;
    static final int D_DONE = 7;
    static final String[] ALLOC = {
        "idle", "get_page", "try_to_free_pages", "throttled", "shrink", "out_of_memory", "hold", "done"
    };

    // sv[f].op
    static final int OP_NONE = 0;
    static final int OP_SET = 1;
    static final int OP_CLEAR = 2;
    static final String[] OPS = {"none", "set", "clear"};

    private Pc() {
    }

    /** The spec's QuietPCs: not inside sk_set/clear_memalloc. */
    static boolean quiet(int pc) {
        return pc == IDLE || pc == LIVE || pc == DONE;
    }

    /** The spec's InPageAlloc(d): where send_sigkill can strike. */
    static boolean inPageAlloc(int pc) {
        return pc >= D_GET_PAGE && pc <= D_OUT_OF_MEMORY;
    }
}
