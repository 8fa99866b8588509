package reservecheck.models.reserve_tree;

/**
 * The spec's SwapPCs (a swapfile's step), as int codes in the spec's order, and the two extra
 * values a pending adjust's {@code next} takes: "none" (no adjust in flight, NoPending) and
 * "write" (Add's deferred store before its caller names where to go after it).  The sysctl
 * writer's pc uses IDLE, ADJUST_WRITE and DONE, and a pending adjust of the sysctl goes on to
 * DONE, so one table serves spc, sysctl_pc and pending[a].next.
 */
final class SwapPc {
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
    /** pending[a].next of NoPending. */
    static final int NONE = 14;
    /** Add's pend.next before AfterTreeOp or its caller replaces it; never stored in a state. */
    static final int WRITE = 15;

    private static final String[] NAMES = {
        "idle", "live", "done", "sock_flag", "sk_adjust_memalloc", "atomic_read", "atomic_add_return",
        "mem_reserve_disconnect", "adjust_memalloc_reserve_write", "sock_set_flag", "set_failed",
        "clear_test", "sock_reset_flag", "clear_done", "none", "write"
    };

    private SwapPc() {
    }

    static String name(int pc) {
        return NAMES[pc];
    }

    /** The spec's SwapPCs: the steps a swapfile can be at. */
    static boolean isSwapPc(int pc) {
        return pc >= IDLE && pc <= CLEAR_DONE;
    }

    /** The spec's QuietPCs: not inside sk_set/clear_memalloc. */
    static boolean quiet(int pc) {
        return pc == IDLE || pc == LIVE || pc == DONE;
    }
}
