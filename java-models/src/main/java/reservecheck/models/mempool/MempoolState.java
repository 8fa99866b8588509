package reservecheck.models.mempool;

import java.util.Arrays;

import reservecheck.models.lts.SpecState;

/**
 * One state of Mempool.tla: its 13 variables.  Functions over Tasks are arrays indexed by
 * task (see {@link MempoolParams}); pc and tstate hold {@link Pc} and {@link TaskState}
 * codes; waitq holds task indices in arrival order.  Immutable: the arrays are never
 * handed out, and actions build successors through {@link Builder}, which copies.
 */
public final class MempoolState extends SpecState {
    final int currNr;
    final int freePages;
    final int cleanPages;
    final int dirtyPages;
    final int[] waitq;
    final int[] pc;
    final int[] held;
    final int[] roundsLeft;
    final boolean[] fullMask;
    final int[] plugged;
    final int[] snap;
    final int[] tstate;
    final boolean[] sawEmpty;

    /** Takes ownership of the arrays: callers are {@link Builder} and the symmetry code. */
    MempoolState(int currNr, int freePages, int cleanPages, int dirtyPages, int[] waitq, int[] pc,
                 int[] held, int[] roundsLeft, boolean[] fullMask, int[] plugged, int[] snap,
                 int[] tstate, boolean[] sawEmpty) {
        super(hash(currNr, freePages, cleanPages, dirtyPages, waitq, pc, held, roundsLeft, fullMask, plugged,
                snap, tstate, sawEmpty));
        this.currNr = currNr;
        this.freePages = freePages;
        this.cleanPages = cleanPages;
        this.dirtyPages = dirtyPages;
        this.waitq = waitq;
        this.pc = pc;
        this.held = held;
        this.roundsLeft = roundsLeft;
        this.fullMask = fullMask;
        this.plugged = plugged;
        this.snap = snap;
        this.tstate = tstate;
        this.sawEmpty = sawEmpty;
    }

    /** The hash of the variables, in the spec's order (the explorer's search order rests on it). */
    private static int hash(int currNr, int freePages, int cleanPages, int dirtyPages, int[] waitq, int[] pc,
                            int[] held, int[] roundsLeft, boolean[] fullMask, int[] plugged, int[] snap,
                            int[] tstate, boolean[] sawEmpty) {
        int h = ((currNr * 31 + freePages) * 31 + cleanPages) * 31 + dirtyPages;
        h = h * 31 + Arrays.hashCode(waitq);
        h = h * 31 + Arrays.hashCode(pc);
        h = h * 31 + Arrays.hashCode(held);
        h = h * 31 + Arrays.hashCode(roundsLeft);
        h = h * 31 + Arrays.hashCode(fullMask);
        h = h * 31 + Arrays.hashCode(plugged);
        h = h * 31 + Arrays.hashCode(snap);
        h = h * 31 + Arrays.hashCode(tstate);
        h = h * 31 + Arrays.hashCode(sawEmpty);
        return h;
    }

    public int currNr() { return currNr; }

    public int freePages() { return freePages; }

    public int cleanPages() { return cleanPages; }

    public int dirtyPages() { return dirtyPages; }

    public int waitqLength() { return waitq.length; }

    /** The task index at position i (0-based) of waitq. */
    public int waitqAt(int i) { return waitq[i]; }

    public int taskCount() { return pc.length; }

    /** A {@link Pc} code. */
    public int pc(int t) { return pc[t]; }

    public int held(int t) { return held[t]; }

    public int roundsLeft(int t) { return roundsLeft[t]; }

    public boolean fullMask(int t) { return fullMask[t]; }

    public int plugged(int t) { return plugged[t]; }

    public int snap(int t) { return snap[t]; }

    /** A {@link TaskState} code. */
    public int tstate(int t) { return tstate[t]; }

    public boolean sawEmpty(int t) { return sawEmpty[t]; }

    /** Whether t is on the wait queue (the spec's t \in Range(waitq)). */
    public boolean queued(int t) {
        for (int x : waitq) {
            if (x == t) {
                return true;
            }
        }
        return false;
    }

    /** A copy to change: the primed variables of one action, unchanged unless set. */
    public Builder edit() {
        return new Builder(this);
    }

    @Override
    protected boolean sameVariables(SpecState o) {
        MempoolState s = (MempoolState) o;
        return currNr == s.currNr && freePages == s.freePages
                && cleanPages == s.cleanPages && dirtyPages == s.dirtyPages
                && Arrays.equals(waitq, s.waitq) && Arrays.equals(pc, s.pc)
                && Arrays.equals(held, s.held) && Arrays.equals(roundsLeft, s.roundsLeft)
                && Arrays.equals(fullMask, s.fullMask) && Arrays.equals(plugged, s.plugged)
                && Arrays.equals(snap, s.snap) && Arrays.equals(tstate, s.tstate)
                && Arrays.equals(sawEmpty, s.sawEmpty);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("[curr_nr=").append(currNr).append(", free_pages=").append(freePages)
                .append(", clean_pages=").append(cleanPages).append(", dirty_pages=").append(dirtyPages)
                .append(", waitq=").append(Arrays.toString(waitq)).append(", pc=[");
        for (int t = 0; t < pc.length; t++) {
            b.append(t == 0 ? "" : ", ").append(Pc.name(pc[t]));
        }
        b.append("], held=").append(Arrays.toString(held))
                .append(", rounds_left=").append(Arrays.toString(roundsLeft))
                .append(", full_mask=").append(Arrays.toString(fullMask))
                .append(", plugged=").append(Arrays.toString(plugged))
                .append(", snap=").append(Arrays.toString(snap)).append(", tstate=[");
        for (int t = 0; t < tstate.length; t++) {
            b.append(t == 0 ? "" : ", ").append(TaskState.name(tstate[t]));
        }
        return b.append("], saw_empty=").append(Arrays.toString(sawEmpty)).append(']').toString();
    }

    /**
     * The next state of one action: starts as a copy of the current state (everything
     * UNCHANGED) and the action sets what it primes.
     */
    public static final class Builder {
        public int currNr;
        public int freePages;
        public int cleanPages;
        public int dirtyPages;
        public int[] waitq;
        public final int[] pc;
        public final int[] held;
        public final int[] roundsLeft;
        public final boolean[] fullMask;
        public final int[] plugged;
        public final int[] snap;
        public int[] tstate;
        public final boolean[] sawEmpty;

        /** A builder for a state from scratch (the spec's Init), n tasks. */
        public Builder(int n) {
            waitq = new int[0];
            pc = new int[n];
            held = new int[n];
            roundsLeft = new int[n];
            fullMask = new boolean[n];
            plugged = new int[n];
            snap = new int[n];
            tstate = new int[n];
            sawEmpty = new boolean[n];
        }

        Builder(MempoolState s) {
            currNr = s.currNr;
            freePages = s.freePages;
            cleanPages = s.cleanPages;
            dirtyPages = s.dirtyPages;
            waitq = s.waitq.clone();
            pc = s.pc.clone();
            held = s.held.clone();
            roundsLeft = s.roundsLeft.clone();
            fullMask = s.fullMask.clone();
            plugged = s.plugged.clone();
            snap = s.snap.clone();
            tstate = s.tstate.clone();
            sawEmpty = s.sawEmpty.clone();
        }

        public MempoolState build() {
            return new MempoolState(currNr, freePages, cleanPages, dirtyPages, waitq.clone(), pc.clone(),
                    held.clone(), roundsLeft.clone(), fullMask.clone(), plugged.clone(), snap.clone(),
                    tstate.clone(), sawEmpty.clone());
        }
    }
}
