package reservecheck.models.mempool;

/**
 * The values of the spec's {@code pc} variable (Mempool.tla, PCs), as small ints so states
 * hash cheaply; {@link #name} gives the spec's string.
 */
public final class Pc {
    public static final int IDLE = 0;
    public static final int DONE = 1;
    /** 2001 level 1: the allocator with gfp_nowait. */
    public static final int ALLOC_NOWAIT = 2;
    /** 2001 level 2: the allocator with the caller's full mask. */
    public static final int ALLOC_FULL = 3;
    /** modern: the page allocator call (first round reduced mask, then full mask). */
    public static final int ALLOC = 4;
    /** take from the pool under the lock. */
    public static final int REMOVE_ELEMENT = 5;
    /** 2001 level 6. */
    public static final int RUN_TASK_QUEUE = 6;
    /** 2001 level 7. */
    public static final int ADD_WAIT_QUEUE = 7;
    /** 2001: asleep in schedule(). */
    public static final int SCHEDULE = 8;
    /** modern: asleep after prepare_to_wait. */
    public static final int IO_SCHEDULE = 9;
    /** mempool_alloc returned the request's elements. */
    public static final int HOLD = 10;
    /** mempool_alloc returned NULL. */
    public static final int GOT_NULL = 11;
    /** The curr_nr_test_unlocked fault: curr_nr tested without the lock, the removal next. */
    public static final int REMOVE_UNLOCKED = 12;

    private static final String[] NAMES = {
        "idle", "done", "alloc_nowait", "alloc_full", "alloc", "remove_element",
        "run_task_queue", "add_wait_queue", "schedule", "io_schedule", "hold", "got_null",
        "remove_unlocked"
    };

    private Pc() {
    }

    /** The spec's string for a pc value. */
    public static String name(int pc) {
        return NAMES[pc];
    }

    /** Whether pc is one of the spec's PCs (TypeOK). */
    public static boolean valid(int pc) {
        return pc >= 0 && pc < NAMES.length;
    }

    /** The spec's InAlloc(t): inside mempool_alloc, i.e. called and not yet returned. */
    public static boolean inAlloc(int pc) {
        return pc != IDLE && pc != DONE && pc != HOLD && pc != GOT_NULL;
    }

    /** The spec's SleepPCs: asleep on the pool's wait queue. */
    public static boolean sleeping(int pc) {
        return pc == SCHEDULE || pc == IO_SCHEDULE;
    }
}
