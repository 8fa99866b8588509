package reservecheck.impl.mempool;

import reservecheck.impl.common.InvariantCodes;
import reservecheck.models.mempool.Pc;
import reservecheck.models.mempool.TaskState;

/**
 * The spec's invariants (Mempool.tla, PROTOCOLS.md section 1) evaluated on the
 * implementation's own state, after every step.  They read the pool's fields, never the
 * reference model, so a run under JPF needs nothing but the implementation.
 */
final class MempoolChecks {
    private static final String[] NAMES = {
        "TypeOK", "CurrNrBounds", "Conservation", "AtomicNullOnlyIfEmpty", "BlockingNeverNull",
        "NoReserveDip", "NoHoldAndWait"
    };

    private MempoolChecks() {
    }

    static final int TYPE_OK = 0;
    static final int CURR_NR_BOUNDS = 1;
    static final int CONSERVATION = 2;
    static final int ATOMIC_NULL_ONLY_IF_EMPTY = 3;
    static final int BLOCKING_NEVER_NULL = 4;
    static final int NO_RESERVE_DIP = 5;
    static final int NO_HOLD_AND_WAIT = 6;

    /** The codes of invariant names ({@link InvariantCodes}). */
    static int[] codes(String[] names) {
        return InvariantCodes.of(NAMES, names, "Mempool.tla");
    }

    static String name(int code) {
        return NAMES[code];
    }

    /** Null if the invariant holds in the pool's current state, else what is wrong. */
    static String violation(int code, Mempool pool) {
        Task[] tasks = pool.tasks();
        PageAllocator pages = pool.pages();
        int cap = pool.capacity();
        if (code == TYPE_OK) {
            // one past either end is still typed (CurrNrBounds reports it): Mempool.tla's TypeOK
            if (pool.currNr() < -1 || pool.currNr() > cap + 1) {
                return "curr_nr = " + pool.currNr() + " is outside -1.." + (cap + 1);
            }
            if (pages.freePages() < 0 || pages.cleanPages() < 0 || pages.dirtyPages() < 0) {
                return "a page count is negative";
            }
            for (int i = 0; i < pool.waitqLength(); i++) {
                if (pool.waitqAt(i).irq) {
                    return "an irq task is on the wait queue";
                }
            }
            for (Task t : tasks) {
                if (!Pc.valid(t.pc) || t.held < 0 || t.held > pool.requestElements()
                        || t.roundsLeft < 0 || t.roundsLeft > pool.rounds()
                        || t.plugged < 0 || t.plugged > 1 || t.snap < 0
                        || t.tstate != TaskState.RUNNING && t.tstate != TaskState.UNINTERRUPTIBLE) {
                    return "task " + t.name + " has a value outside its type";
                }
            }
            return null;
        } else if (code == CURR_NR_BOUNDS) {
            // 0 <= curr_nr <= min_nr (max(1, min_nr) with the 2025 refill)
            return pool.currNr() >= 0 && pool.currNr() <= cap ? null
                    : "curr_nr = " + pool.currNr() + " is outside 0.." + cap;
        } else if (code == CONSERVATION) {
            // the pool's elements are in the pool or in users' hands (a plugged bio is a user),
            // so the pool can always be refilled; broken by the stale free (5b990546e334)
            int sum = pool.currNr() + pool.sumHeld() + pool.sumPlugged();
            return sum >= cap ? null
                    : "curr_nr + held + plugged = " + sum + " < " + cap + " (an element went to the page allocator)";
        } else if (code == ATOMIC_NULL_ONLY_IF_EMPTY) {
            // an atomic caller gets NULL only if it saw the pool empty under the lock (D1)
            for (Task t : tasks) {
                if (t.pc == Pc.GOT_NULL && !t.sawEmpty) {
                    return t.name + " got NULL without seeing the pool empty (curr_nr = " + pool.currNr() + ")";
                }
            }
            return null;
        } else if (code == BLOCKING_NEVER_NULL) {
            for (Task t : tasks) {
                if (!t.irq && t.pc == Pc.GOT_NULL) {
                    return t.name + " may block, yet mempool_alloc returned NULL";
                }
            }
            return null;
        } else if (code == NO_RESERVE_DIP) {
            // pool users never take the emergency reserve (f9054c70d28b let them)
            return pages.freePages() >= pages.minWatermark() ? null
                    : "free_pages = " + pages.freePages() + " is below the min watermark " + pages.minWatermark();
        } else if (code == NO_HOLD_AND_WAIT) {
            for (Task t : tasks) {
                if (Pc.sleeping(t.pc) && t.held + t.plugged != 0) {
                    return t.name + " sleeps on the pool holding " + (t.held + t.plugged) + " of its elements";
                }
            }
            return null;
        }
        throw new IllegalArgumentException("no invariant with code " + code);
    }

    /**
     * The invariants among {@code mask} (bits of codes) that the step task t just took could
     * have broken, evaluated on what the step wrote.  An invariant reads only some variables;
     * a step writes its own task's variables and, of other tasks, only tstate (waking them),
     * which no invariant but TypeOK reads and which is always a valid state.  An invariant held
     * before the step, so re-checking those whose variables the step wrote is checking them all.
     * The values come from the task's own trace (its own variables and the numbers it wrote),
     * so checking costs almost no reads of shared memory: a checker that may switch threads at
     * every shared read (Lincheck) keeps its switch points where they matter, between steps.
     * Returns "Name what is wrong", or null.
     */
    static String afterStep(Mempool pool, int mask, Task t, Trace tr) {
        int w = tr.written;
        if (w == 0 || mask == 0) {
            return null;
        }
        int cap = pool.capacity();
        boolean currNrWritten = (w & bit(EventLog.CURR_NR)) != 0;
        boolean freeWritten = (w & bit(EventLog.FREE_PAGES)) != 0;
        if (on(mask, TYPE_OK)) {
            if (currNrWritten && (tr.scalars[EventLog.CURR_NR] < -1 || tr.scalars[EventLog.CURR_NR] > cap + 1)) {
                return NAMES[TYPE_OK] + " curr_nr = " + tr.scalars[EventLog.CURR_NR] + " is outside -1.." + (cap + 1);
            }
            if (freeWritten && tr.scalars[EventLog.FREE_PAGES] < 0
                    || (w & bit(EventLog.CLEAN_PAGES)) != 0 && tr.scalars[EventLog.CLEAN_PAGES] < 0
                    || (w & bit(EventLog.DIRTY_PAGES)) != 0 && tr.scalars[EventLog.DIRTY_PAGES] < 0) {
                return NAMES[TYPE_OK] + " a page count is negative";
            }
            if (!Pc.valid(tr.pc) || tr.held < 0 || tr.held > pool.requestElements()
                    || tr.roundsLeft < 0 || tr.roundsLeft > pool.rounds()
                    || tr.plugged < 0 || tr.plugged > 1 || tr.snap < 0) {
                return NAMES[TYPE_OK] + " task " + t.name + " has a value outside its type";
            }
        }
        if (on(mask, CURR_NR_BOUNDS) && currNrWritten
                && (tr.scalars[EventLog.CURR_NR] < 0 || tr.scalars[EventLog.CURR_NR] > cap)) {
            return NAMES[CURR_NR_BOUNDS] + " curr_nr = " + tr.scalars[EventLog.CURR_NR] + " is outside 0.." + cap;
        }
        if (on(mask, CONSERVATION)
                && (w & (bit(EventLog.CURR_NR) | bit(EventLog.HELD) | bit(EventLog.PLUGGED))) != 0) {
            String b = violation(CONSERVATION, pool);
            if (b != null) {
                return NAMES[CONSERVATION] + " " + b;
            }
        }
        if (on(mask, NO_RESERVE_DIP) && freeWritten
                && tr.scalars[EventLog.FREE_PAGES] < pool.pages().minWatermark()) {
            return NAMES[NO_RESERVE_DIP] + " free_pages = " + tr.scalars[EventLog.FREE_PAGES]
                    + " is below the min watermark " + pool.pages().minWatermark();
        }
        if (on(mask, ATOMIC_NULL_ONLY_IF_EMPTY) && tr.pc == Pc.GOT_NULL && !tr.sawEmpty) {
            return NAMES[ATOMIC_NULL_ONLY_IF_EMPTY] + " " + t.name
                    + " got NULL without seeing the pool empty (curr_nr = " + pool.currNr() + ")";
        }
        if (on(mask, BLOCKING_NEVER_NULL) && !t.irq && tr.pc == Pc.GOT_NULL) {
            return NAMES[BLOCKING_NEVER_NULL] + " " + t.name + " may block, yet mempool_alloc returned NULL";
        }
        if (on(mask, NO_HOLD_AND_WAIT) && Pc.sleeping(tr.pc) && tr.held + tr.plugged != 0) {
            return NAMES[NO_HOLD_AND_WAIT] + " " + t.name + " sleeps on the pool holding "
                    + (tr.held + tr.plugged) + " of its elements";
        }
        return null;
    }

    private static boolean on(int mask, int code) {
        return (mask & (1 << code)) != 0;
    }

    private static int bit(int var) {
        return 1 << var;
    }
}
