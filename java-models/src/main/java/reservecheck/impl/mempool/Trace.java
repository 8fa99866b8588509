package reservecheck.impl.mempool;

import java.util.Arrays;

/**
 * One task's own record of its steps, like a per-CPU trace buffer: the task's thread creates
 * it, keeps it in local variables and passes it down the call chain, so no other thread ever
 * reaches it.  Lincheck inserts a possible thread switch at every access to shared memory and
 * at every loop back-edge; a record kept in shared memory would bury the few switch points
 * between steps (the ones that change the order of steps) under hundreds inside them, and the
 * search would hardly ever reorder two steps.  Appending here is a local array write.
 *
 * <p>A step is recorded as its deltas, then a terminator: each delta is one int,
 * {@code var << 24 | task << 16 | value} (value below 2^16; for waitq 1 = the task joined the
 * tail, 0 = it left), and the terminator is two ints, {@code -(seq + 1)} and the {@link Action}'s code,
 * where seq is the step's number in the order the steps held the pool's monitor.  After each
 * step the task publishes a copy (see {@link Mempool}), so the harness can merge all tasks'
 * records at any time outside a step.  {@link RunTrace#decode} merges them into an
 * {@link EventLog}.
 */
final class Trace {
    private final boolean record;
    /** The task whose trace this is. */
    private final int task;
    private int[] words;
    private int length;
    private int hash = 17;

    /** Variables written in the current step (bit = EventLog index). */
    int written;
    /**
     * The values the current step wrote to the numbers (curr_nr, free_pages, clean_pages,
     * dirty_pages), by EventLog index; valid where {@link #written} says so.
     */
    final int[] scalars = new int[4];

    // The task's own variables.  Only its own thread writes them (a waker writes tstate, which
    // is not here), so the task reads them from this copy: the only shared accesses left in a
    // step are to state other threads write too.
    int pc;
    int held;
    int roundsLeft;
    boolean fullMask;
    int plugged;
    int snap;
    boolean sawEmpty;

    /**
     * @param task   the task's index
     * @param rounds its requests (rounds_left at the start)
     * @param record keep the deltas; false: only the per-step bookkeeping (JPF runs)
     */
    Trace(int task, int rounds, boolean record) {
        this.task = task;
        this.roundsLeft = rounds;
        this.record = record;
        this.words = record ? new int[64] : null;
    }

    /** The current step wrote element {@code t} of variable {@code var} (or the number, t = 0). */
    void delta(int var, int t, int value) {
        written |= 1 << var;
        if (var <= EventLog.DIRTY_PAGES) {
            scalars[var] = value;
        } else if (t == task) {
            switch (var) {
                case EventLog.PC: pc = value; break;
                case EventLog.HELD: held = value; break;
                case EventLog.ROUNDS_LEFT: roundsLeft = value; break;
                case EventLog.FULL_MASK: fullMask = value != 0; break;
                case EventLog.PLUGGED: plugged = value; break;
                case EventLog.SNAP: snap = value; break;
                case EventLog.SAW_EMPTY: sawEmpty = value != 0; break;
                default: break;
            }
        }
        if (record) {
            put(var << 24 | t << 16 | value & 0xFFFF);
        }
    }

    /** The step ends; it was the seq-th to hold the monitor. */
    void end(int seq, int label) {
        if (record) {
            put(-(seq + 1));
            put(label);
        }
        written = 0;
        // no residue of this step: two states that differ only in what an earlier step
        // wrote would be two states to a model checker that stores whole JVM states (JPF)
        scalars[0] = 0;
        scalars[1] = 0;
        scalars[2] = 0;
        scalars[3] = 0;
    }

    private void put(int w) {
        if (length == words.length) {
            words = Arrays.copyOf(words, length * 2);
        }
        words[length++] = w;
        hash = hash * 31 + w;
    }

    /** A copy to publish: the words so far and, last, their hash. */
    int[] snapshot() {
        int[] c = Arrays.copyOf(words, length + 1);
        c[length] = hash;
        return c;
    }
}
