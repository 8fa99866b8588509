package reservecheck.models.reserve_tree;

/**
 * The spec's SwapPCs (a swapfile's step), as int codes in the spec's order, and the two extra
 * values a pending adjust's {@code next} takes: "none" (no adjust in flight, NoPending) and
 * "write" (Add's deferred store before its caller names where to go after it).  The sysctl
 * writer's pc uses IDLE, ADJUST_WRITE and DONE, and a pending adjust of the sysctl goes on to
 * DONE, so one table serves spc, sysctl_pc and pending[a].next.
 */
public final class SwapPc {
    public static final int IDLE = 0;
    public static final int LIVE = 1;
    public static final int DONE = 2;
    public static final int SOCK_FLAG = 3;
    public static final int SK_ADJUST_MEMALLOC = 4;
    public static final int ATOMIC_READ = 5;
    public static final int ATOMIC_ADD_RETURN = 6;
    public static final int MEM_RESERVE_DISCONNECT = 7;
    public static final int ADJUST_WRITE = 8;
    public static final int SOCK_SET_FLAG = 9;
    public static final int SET_FAILED = 10;
    public static final int CLEAR_TEST = 11;
    public static final int SOCK_RESET_FLAG = 12;
    public static final int CLEAR_DONE = 13;
    /** pending[a].next of NoPending. */
    public static final int NONE = 14;
    /** Add's pend.next before AfterTreeOp or its caller replaces it; never stored in a state. */
    public static final int WRITE = 15;

    private static final String[] NAMES = {
        "idle", "live", "done", "sock_flag", "sk_adjust_memalloc", "atomic_read", "atomic_add_return",
        "mem_reserve_disconnect", "adjust_memalloc_reserve_write", "sock_set_flag", "set_failed",
        "clear_test", "sock_reset_flag", "clear_done", "none", "write"
    };

    private SwapPc() {
    }

    public static String name(int pc) {
        return NAMES[pc];
    }

    /** The names by code (a copy), for a whole function of pcs as TLA+ text. */
    public static String[] names() {
        return NAMES.clone();
    }

    /** The spec's SwapPCs: the steps a swapfile can be at. */
    public static boolean isSwapPc(int pc) {
        return pc >= IDLE && pc <= CLEAR_DONE;
    }

    /** The spec's QuietPCs: not inside sk_set/clear_memalloc. */
    public static boolean quiet(int pc) {
        return pc == IDLE || pc == LIVE || pc == DONE;
    }
}
