package reservecheck.models.mempool;

import reservecheck.models.lts.PackedBits;
import reservecheck.models.lts.Packing;

/**
 * Mempool.tla's 13 variables packed into longs for the explorer's visited set.  Each field
 * takes only the bits of the range the parameters allow (issue 14: at most 32 bytes per stored
 * state, of which the state is 16 at 5 process tasks, 1 irq task and min_nr 3: 121 bits):
 * <ul>
 * <li>curr_nr and snap (a copy of curr_nr): from -slack to capacity+slack, slack being every
 *     task holding a whole request more than the pool had (the curr_nr_test_unlocked fault
 *     drives curr_nr below zero: two tasks taking the last element leave -1);</li>
 * <li>the page counters: 0 to every page and element there is, plus the slack;</li>
 * <li>waitq: n slots, each 0 (empty) or a task index + 1, so equal queues encode alike;</li>
 * <li>per task: pc (the spec's 13 PCs), held (TypeOK: 0..request_elements), rounds_left
 *     (0..rounds), plugged (0..1), snap, tstate and the two flags.</li>
 * </ul>
 * A value outside its range is refused (IllegalStateException), never truncated: truncating
 * would merge two states and silently cut the state space.
 */
public final class MempoolPacking implements Packing<MempoolState> {
    private static final int PC = 4;

    private final int n;
    private final int procs;
    private final int width;
    private final int currLo;
    private final int currBits;
    private final int pageBits;
    private final int slotBits;
    private final int heldBits;
    private final int roundsBits;

    public MempoolPacking(MempoolParams p) {
        this.n = p.taskCount();
        this.procs = p.procs;
        int slack = n * p.requestElements;
        int capacity = p.poolCapacity();
        int pages = p.initFreePages + p.emergencyPages + p.initCleanPages + p.initDirtyPages + capacity + slack;
        this.currLo = -slack;
        this.currBits = PackedBits.bitsFor(capacity + 2 * slack + 1);
        this.pageBits = PackedBits.bitsFor(pages + 1);
        this.slotBits = PackedBits.bitsFor(n + 1);
        this.heldBits = PackedBits.bitsFor(p.requestElements + 1);
        this.roundsBits = PackedBits.bitsFor(p.rounds + 1);
        this.width = PackedBits.words(bits());
    }

    /** Bits of one encoded state. */
    int bits() {
        return globalBits() + n * slotBits + n * taskBits();
    }

    private int globalBits() {
        return currBits + 3 * pageBits;
    }

    /** Bits of one task's fields (pc .. saw_empty), written one task after the other. */
    private int taskBits() {
        return PC + heldBits + roundsBits + 1 + currBits + 3;
    }

    @Override
    public boolean canonicalizes() {
        return globalBits() < 64 && taskBits() <= 30 && n < 256;
    }

    /**
     * The spec's TaskSymmetry on the words: within procs and within irqs, tasks sorted by their
     * fields and then their place in waitq (0: not queued), waitq's entries renamed to match.
     * Two tasks of one kind with the same fields and place are both unqueued and interchangeable,
     * so every member of a class sorts to the same words.  This representative need not be
     * {@link Symmetry}'s (the smallest state in the spec's variable order); any fixed one counts
     * the classes alike.
     */
    @Override
    public void canonicalize(long[] words, int at) {
        int g = globalBits();
        int tb = taskBits();
        int blocks = g + n * slotBits;
        int[] slot = new int[n];
        long[] key = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            slot[i] = PackedBits.get(words, at, g + i * slotBits, slotBits);
        }
        for (int t = 0; t < n; t++) {
            key[t] = (long) PackedBits.get(words, at, blocks + t * tb, tb) << 8;
            order[t] = t;
        }
        for (int i = 0; i < n; i++) {
            if (slot[i] != 0) {
                key[slot[i] - 1] |= i + 1;
            }
        }
        sort(order, key, 0, procs);
        sort(order, key, procs, n);
        int[] renamed = new int[n];
        for (int k = 0; k < n; k++) {
            renamed[order[k]] = k;
        }
        long[] out = new long[width];
        out[0] = words[at] & ((1L << g) - 1);
        int pos = g;
        for (int i = 0; i < n; i++) {
            pos = PackedBits.put(out, 0, pos, slot[i] == 0 ? 0 : renamed[slot[i] - 1] + 1, slotBits, "waitq");
        }
        for (int k = 0; k < n; k++) {
            pos = PackedBits.put(out, 0, pos, (int) (key[order[k]] >>> 8), tb, "task");
        }
        System.arraycopy(out, 0, words, at, width);
    }

    /** Insertion sort of order[from .. to) by key (at most 5 tasks of a kind). */
    private static void sort(int[] order, long[] key, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int t = order[i];
            int j = i - 1;
            while (j >= from && key[order[j]] > key[t]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = t;
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void encode(MempoolState s, long[] into, int at) {
        if (s.pc.length != n || s.waitq.length > n) {
            throw new IllegalArgumentException("a state of " + s.pc.length + " tasks, packing for " + n);
        }
        PackedBits.clear(into, at, width);
        int pos = 0;
        pos = PackedBits.putOffset(into, at, pos, s.currNr, currLo, currBits, "curr_nr");
        pos = PackedBits.put(into, at, pos, s.freePages, pageBits, "free_pages");
        pos = PackedBits.put(into, at, pos, s.cleanPages, pageBits, "clean_pages");
        pos = PackedBits.put(into, at, pos, s.dirtyPages, pageBits, "dirty_pages");
        for (int i = 0; i < n; i++) {
            pos = PackedBits.put(into, at, pos, i < s.waitq.length ? s.waitq[i] + 1 : 0, slotBits, "waitq");
        }
        for (int t = 0; t < n; t++) {
            pos = PackedBits.put(into, at, pos, s.pc[t], PC, "pc");
            pos = PackedBits.put(into, at, pos, s.held[t], heldBits, "held");
            pos = PackedBits.put(into, at, pos, s.roundsLeft[t], roundsBits, "rounds_left");
            pos = PackedBits.put(into, at, pos, s.plugged[t], 1, "plugged");
            pos = PackedBits.putOffset(into, at, pos, s.snap[t], currLo, currBits, "snap");
            pos = PackedBits.put(into, at, pos, s.tstate[t], 1, "tstate");
            pos = PackedBits.put(into, at, pos, s.fullMask[t]);
            pos = PackedBits.put(into, at, pos, s.sawEmpty[t]);
        }
    }

    @Override
    public MempoolState decode(long[] from, int at) {
        int pos = 0;
        int currNr = PackedBits.getOffset(from, at, pos, currLo, currBits);
        pos += currBits;
        int freePages = PackedBits.get(from, at, pos, pageBits);
        int cleanPages = PackedBits.get(from, at, pos + pageBits, pageBits);
        int dirtyPages = PackedBits.get(from, at, pos + 2 * pageBits, pageBits);
        pos += 3 * pageBits;
        int length = 0;
        while (length < n && PackedBits.get(from, at, pos + length * slotBits, slotBits) != 0) {
            length++;
        }
        int[] waitq = new int[length];
        for (int i = 0; i < length; i++) {
            waitq[i] = PackedBits.get(from, at, pos + i * slotBits, slotBits) - 1;
        }
        pos += n * slotBits;
        int[] pc = new int[n];
        int[] held = new int[n];
        int[] roundsLeft = new int[n];
        int[] plugged = new int[n];
        int[] snap = new int[n];
        int[] tstate = new int[n];
        boolean[] fullMask = new boolean[n];
        boolean[] sawEmpty = new boolean[n];
        for (int t = 0; t < n; t++) {
            pc[t] = PackedBits.get(from, at, pos, PC);
            pos += PC;
            held[t] = PackedBits.get(from, at, pos, heldBits);
            pos += heldBits;
            roundsLeft[t] = PackedBits.get(from, at, pos, roundsBits);
            pos += roundsBits;
            plugged[t] = PackedBits.get(from, at, pos, 1);
            pos += 1;
            snap[t] = PackedBits.getOffset(from, at, pos, currLo, currBits);
            pos += currBits;
            tstate[t] = PackedBits.get(from, at, pos, 1);
            fullMask[t] = PackedBits.get(from, at, pos + 1, 1) == 1;
            sawEmpty[t] = PackedBits.get(from, at, pos + 2, 1) == 1;
            pos += 3;
        }
        return new MempoolState(currNr, freePages, cleanPages, dirtyPages, waitq, pc, held, roundsLeft, fullMask,
                plugged, snap, tstate, sawEmpty);
    }
}
