package reservecheck.models.reserve_tree;

import reservecheck.models.lts.Names;

/**
 * The spec's action names, used as transition labels, and its fairness: which actions make up
 * the weakly fair SwapProgress(f), UserProgress(u), AllocProgress(d) and KswapdProgress, and
 * which start new work.
 */
public final class Label {
    // swapfiles
    public static final String SWAPON = "swapon";
    public static final String SWAPOFF = "swapoff";
    public static final String SOCK_FLAG = "sock_flag";
    public static final String SK_ADJUST_MEMALLOC = "sk_adjust_memalloc";
    public static final String ATOMIC_READ = "atomic_read";
    public static final String ATOMIC_ADD_RETURN = "atomic_add_return";
    public static final String MEM_RESERVE_DISCONNECT = "mem_reserve_disconnect";
    public static final String ADJUST_MEMALLOC_RESERVE_WRITE = "adjust_memalloc_reserve_write";
    public static final String SOCK_SET_FLAG = "sock_set_flag";
    public static final String SET_FAILED = "set_failed";
    public static final String CLEAR_TEST = "clear_test";
    public static final String SOCK_RESET_FLAG = "sock_reset_flag";
    public static final String CLEAR_DONE = "clear_done";
    // the ipfrag sysctl
    public static final String MEM_RESERVE_PAGES_SET = "mem_reserve_pages_set";
    public static final String SYSCTL_ADJUST_MEMALLOC_RESERVE = "sysctl_adjust_memalloc_reserve";
    // reserve users
    public static final String RESERVE_REQUEST = "reserve_request";
    public static final String ALLOC_PAGES_RESERVE = "alloc_pages_reserve";
    public static final String WAKE_CHARGE = "wake_charge";
    public static final String WAKE_MEM = "wake_mem";
    public static final String FREE_PAGES_RESERVE = "free_pages_reserve";
    // the page allocator
    public static final String ALLOC_PAGES = "alloc_pages";
    public static final String SEND_SIGKILL = "send_sigkill";
    public static final String GET_PAGE_FROM_FREELIST = "get_page_from_freelist";
    public static final String TRY_TO_FREE_PAGES = "try_to_free_pages";
    public static final String THROTTLE_WAKE = "throttle_wake";
    public static final String SHRINK_ZONES = "shrink_zones";
    public static final String OUT_OF_MEMORY = "out_of_memory";
    public static final String FREE_PAGE = "free_page";
    public static final String KSWAPD_BALANCE = "kswapd_balance";
    public static final String KSWAPD_SLEEP = "kswapd_sleep";
    public static final String TERMINATED = "Terminated";

    /** The group of the spec's WF_vars(sysctl_adjust_memalloc_reserve): a group of one action. */
    public static final String SYSCTL_GROUP = SYSCTL_ADJUST_MEMALLOC_RESERVE;
    public static final String KSWAPD_GROUP = "KswapdProgress";

    /** SwapProgress(f): every swapfile step after swapon, swapoff of a live swapfile included. */
    private static final String[] SWAP_PROGRESS = {
        SWAPOFF, SOCK_FLAG, SK_ADJUST_MEMALLOC, ATOMIC_READ, ATOMIC_ADD_RETURN, MEM_RESERVE_DISCONNECT,
        ADJUST_MEMALLOC_RESERVE_WRITE, SOCK_SET_FLAG, SET_FAILED, CLEAR_TEST, SOCK_RESET_FLAG, CLEAR_DONE
    };
    private static final String[] USER_PROGRESS = {
        ALLOC_PAGES_RESERVE, WAKE_CHARGE, WAKE_MEM, FREE_PAGES_RESERVE
    };
    private static final String[] ALLOC_PROGRESS = {
        GET_PAGE_FROM_FREELIST, TRY_TO_FREE_PAGES, THROTTLE_WAKE, SHRINK_ZONES, OUT_OF_MEMORY, FREE_PAGE
    };

    private Label() {
    }

    /** Whether the action is one of SwapProgress(f)'s. */
    public static boolean isSwapProgress(String label) {
        return Names.contains(SWAP_PROGRESS, label);
    }

    /** Whether the action is one of UserProgress(u)'s. */
    public static boolean isUserProgress(String label) {
        return Names.contains(USER_PROGRESS, label);
    }

    /** Whether the action is one of AllocProgress(d)'s. */
    public static boolean isAllocProgress(String label) {
        return Names.contains(ALLOC_PROGRESS, label);
    }

    /** Whether the action is one of KswapdProgress's. */
    public static boolean isKswapdProgress(String label) {
        return KSWAPD_BALANCE.equals(label) || KSWAPD_SLEEP.equals(label);
    }

    /** The unfair steps by which an actor starts new work (a round, a request, an allocation). */
    public static boolean startsRequest(String label) {
        return SWAPON.equals(label) || RESERVE_REQUEST.equals(label) || ALLOC_PAGES.equals(label)
                || MEM_RESERVE_PAGES_SET.equals(label);
    }

    /** The group of a swapfile given by its key, as the spec writes it: SwapProgress(<<1, 1>>). */
    public static String swapProgress(String swapfileKey) {
        return "SwapProgress(" + swapfileKey + ")";
    }

    public static String userProgress(String user) {
        return "UserProgress(" + user + ")";
    }

    public static String allocProgress(String allocator) {
        return "AllocProgress(" + allocator + ")";
    }
}
