package reservecheck.models.mempool;

import reservecheck.models.lts.PackedBits;
import reservecheck.models.lts.Packing;

/**
 * Mempool.tla's 13 variables packed into longs for the explorer's visited set.  Every number
 * (the pool and page counters, waitq entries, held, rounds_left, plugged, snap) takes
 * {@link #SMALL} signed bits (the fault entries drive some below zero: two tasks taking the
 * last element under curr_nr_test_unlocked leave curr_nr = -1), pc takes 4 (the spec's 13
 * PCs), tstate and the two flags one bit each; waitq is its length and then n slots, the unused
 * ones 0, so equal states encode alike and different ones differently.  At 4 tasks a state is
 * 228 bits: 4 longs, 32 bytes.  A value outside its width is refused, never truncated.
 */
public final class MempoolPacking implements Packing<MempoolState> {
    /** Bits of each counter, -128..127: the catalog's bounds are single digits. */
    static final int SMALL = 8;
    private static final int PC = 4;

    private final int n;
    private final int width;

    public MempoolPacking(int tasks) {
        this.n = tasks;
        this.width = PackedBits.words(4 * SMALL + SMALL + tasks * SMALL   // counters, waitq length and slots
                + tasks * (PC + 4 * SMALL + 3));                          // per task: pc, 4 counters, 3 bits
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
        pos = PackedBits.putSigned(into, at, pos, s.currNr, SMALL, "curr_nr");
        pos = PackedBits.putSigned(into, at, pos, s.freePages, SMALL, "free_pages");
        pos = PackedBits.putSigned(into, at, pos, s.cleanPages, SMALL, "clean_pages");
        pos = PackedBits.putSigned(into, at, pos, s.dirtyPages, SMALL, "dirty_pages");
        pos = PackedBits.putSigned(into, at, pos, s.waitq.length, SMALL, "waitq length");
        for (int i = 0; i < n; i++) {
            pos = PackedBits.putSigned(into, at, pos, i < s.waitq.length ? s.waitq[i] : 0, SMALL, "waitq");
        }
        for (int t = 0; t < n; t++) {
            pos = PackedBits.put(into, at, pos, s.pc[t], PC, "pc");
            pos = PackedBits.putSigned(into, at, pos, s.held[t], SMALL, "held");
            pos = PackedBits.putSigned(into, at, pos, s.roundsLeft[t], SMALL, "rounds_left");
            pos = PackedBits.putSigned(into, at, pos, s.plugged[t], SMALL, "plugged");
            pos = PackedBits.putSigned(into, at, pos, s.snap[t], SMALL, "snap");
            pos = PackedBits.put(into, at, pos, s.tstate[t], 1, "tstate");
            pos = PackedBits.put(into, at, pos, s.fullMask[t]);
            pos = PackedBits.put(into, at, pos, s.sawEmpty[t]);
        }
    }

    @Override
    public MempoolState decode(long[] from, int at) {
        int currNr = PackedBits.getSigned(from, at, 0, SMALL);
        int freePages = PackedBits.getSigned(from, at, SMALL, SMALL);
        int cleanPages = PackedBits.getSigned(from, at, 2 * SMALL, SMALL);
        int dirtyPages = PackedBits.getSigned(from, at, 3 * SMALL, SMALL);
        int[] waitq = new int[PackedBits.getSigned(from, at, 4 * SMALL, SMALL)];
        int pos = 5 * SMALL;
        for (int i = 0; i < n; i++) {
            if (i < waitq.length) {
                waitq[i] = PackedBits.getSigned(from, at, pos, SMALL);
            }
            pos += SMALL;
        }
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
            held[t] = PackedBits.getSigned(from, at, pos, SMALL);
            roundsLeft[t] = PackedBits.getSigned(from, at, pos + SMALL, SMALL);
            plugged[t] = PackedBits.getSigned(from, at, pos + 2 * SMALL, SMALL);
            snap[t] = PackedBits.getSigned(from, at, pos + 3 * SMALL, SMALL);
            pos += 4 * SMALL;
            tstate[t] = PackedBits.get(from, at, pos, 1);
            fullMask[t] = PackedBits.get(from, at, pos + 1, 1) == 1;
            sawEmpty[t] = PackedBits.get(from, at, pos + 2, 1) == 1;
            pos += 3;
        }
        return new MempoolState(currNr, freePages, cleanPages, dirtyPages, waitq, pc, held, roundsLeft, fullMask,
                plugged, snap, tstate, sawEmpty);
    }
}
