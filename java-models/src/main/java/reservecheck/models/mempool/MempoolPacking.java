package reservecheck.models.mempool;

import reservecheck.models.lts.Packing;

/**
 * Mempool.tla's 13 variables packed into longs for the explorer's visited set.  Every number
 * (the pool and page counters, waitq entries, held, rounds_left, plugged, snap) takes
 * {@link #SMALL} bits (signed), pc takes 4 (the spec's 13 PCs), tstate and the two flags one bit each;
 * waitq is its length and then n slots, the unused ones 0, so equal states encode alike and
 * different ones differently.  At 4 tasks a state is 228 bits: 4 longs, 32 bytes.
 *
 * <p>A value outside its width is refused (IllegalStateException), never truncated: truncating
 * would merge two states and silently cut the state space.
 */
public final class MempoolPacking implements Packing<MempoolState> {
    /** Bits of each counter, -128..127: the catalog's bounds are single digits. */
    static final int SMALL = 8;
    private static final int BIAS = 1 << (SMALL - 1);
    private static final int PC = 4;

    private final int n;
    private final int width;

    public MempoolPacking(int tasks) {
        this.n = tasks;
        int bits = 4 * SMALL + SMALL + tasks * SMALL   // counters, waitq length and slots
                + tasks * (PC + 4 * SMALL + 3);          // per task: pc, 4 counters, tstate and 2 flags
        this.width = (bits + 63) / 64;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void encode(MempoolState s, long[] into, int at) {
        if (s.pc.length != n) {
            throw new IllegalArgumentException("a state of " + s.pc.length + " tasks, packing for " + n);
        }
        for (int k = 0; k < width; k++) {
            into[at + k] = 0;
        }
        int pos = 0;
        pos = putSmall(into, at, pos, s.currNr, "curr_nr");
        pos = putSmall(into, at, pos, s.freePages, "free_pages");
        pos = putSmall(into, at, pos, s.cleanPages, "clean_pages");
        pos = putSmall(into, at, pos, s.dirtyPages, "dirty_pages");
        if (s.waitq.length > n) {
            throw new IllegalStateException("waitq longer than the tasks: " + s.waitq.length);
        }
        pos = putSmall(into, at, pos, s.waitq.length, "waitq length");
        for (int i = 0; i < n; i++) {
            pos = putSmall(into, at, pos, i < s.waitq.length ? s.waitq[i] : 0, "waitq");
        }
        for (int t = 0; t < n; t++) {
            pos = put(into, at, pos, s.pc[t], PC, "pc");
            pos = putSmall(into, at, pos, s.held[t], "held");
            pos = putSmall(into, at, pos, s.roundsLeft[t], "rounds_left");
            pos = putSmall(into, at, pos, s.plugged[t], "plugged");
            pos = putSmall(into, at, pos, s.snap[t], "snap");
            pos = put(into, at, pos, s.tstate[t], 1, "tstate");
            pos = put(into, at, pos, s.fullMask[t] ? 1 : 0, 1, "full_mask");
            pos = put(into, at, pos, s.sawEmpty[t] ? 1 : 0, 1, "saw_empty");
        }
    }

    @Override
    public MempoolState decode(long[] from, int at) {
        int pos = 0;
        int currNr = getSmall(from, at, pos);
        pos += SMALL;
        int freePages = getSmall(from, at, pos);
        pos += SMALL;
        int cleanPages = getSmall(from, at, pos);
        pos += SMALL;
        int dirtyPages = getSmall(from, at, pos);
        pos += SMALL;
        int[] waitq = new int[getSmall(from, at, pos)];
        pos += SMALL;
        for (int i = 0; i < n; i++) {
            if (i < waitq.length) {
                waitq[i] = getSmall(from, at, pos);
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
            pc[t] = get(from, at, pos, PC);
            pos += PC;
            held[t] = getSmall(from, at, pos);
            pos += SMALL;
            roundsLeft[t] = getSmall(from, at, pos);
            pos += SMALL;
            plugged[t] = getSmall(from, at, pos);
            pos += SMALL;
            snap[t] = getSmall(from, at, pos);
            pos += SMALL;
            tstate[t] = get(from, at, pos, 1);
            pos += 1;
            fullMask[t] = get(from, at, pos, 1) == 1;
            pos += 1;
            sawEmpty[t] = get(from, at, pos, 1) == 1;
            pos += 1;
        }
        return new MempoolState(currNr, freePages, cleanPages, dirtyPages, waitq, pc, held, roundsLeft, fullMask,
                plugged, snap, tstate, sawEmpty);
    }

    /**
     * A counter, offset by {@link #BIAS}: the fault entries drive some below zero (two tasks
     * taking the last element under curr_nr_test_unlocked leave curr_nr = -1).
     */
    private static int putSmall(long[] into, int at, int pos, int v, String field) {
        if (v < -BIAS || v >= BIAS) {
            throw new IllegalStateException(String.format("%s = %d does not fit the packing's %d bits", field, v,
                    SMALL));
        }
        return put(into, at, pos, v + BIAS, SMALL, field);
    }

    private static int getSmall(long[] from, int at, int pos) {
        return get(from, at, pos, SMALL) - BIAS;
    }

    /** Writes v in bits [pos, pos+bits) of the words from at (already zero); returns pos+bits. */
    private static int put(long[] into, int at, int pos, int v, int bits, String field) {
        if (v < 0 || v >= 1 << bits) {
            throw new IllegalStateException(String.format("%s = %d does not fit the packing's %d bits", field, v,
                    bits));
        }
        int word = at + (pos >>> 6);
        int off = pos & 63;
        into[word] |= ((long) v) << off;
        if (off + bits > 64) {
            into[word + 1] |= ((long) v) >>> (64 - off);
        }
        return pos + bits;
    }

    private static int get(long[] from, int at, int pos, int bits) {
        int word = at + (pos >>> 6);
        int off = pos & 63;
        long v = from[word] >>> off;
        if (off + bits > 64) {
            v |= from[word + 1] << (64 - off);
        }
        return (int) (v & ((1L << bits) - 1));
    }
}
