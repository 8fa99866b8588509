package reservecheck.models.mempool;

import java.util.ArrayList;
import java.util.List;

/**
 * The spec's TaskSymmetry, Permutations(procs) \cup Permutations(irqs): tasks of the same
 * context are interchangeable.  {@link #canonical} renames tasks everywhere (every function
 * over Tasks and the entries of waitq) under every such permutation and keeps the smallest
 * state in a fixed order: brute force, at most 5! * 3! = 720 permutations at the catalog's
 * bounds.  Sound for invariants only, as for TLC.
 */
final class Symmetry {
    /** Every permutation as perm[old task] = new task; the identity first. */
    private final List<int[]> perms;

    Symmetry(MempoolParams p) {
        List<int[]> procPerms = permutations(0, p.procs);
        List<int[]> irqPerms = permutations(p.procs, p.irqs);
        perms = new ArrayList<int[]>();
        for (int[] a : procPerms) {
            for (int[] b : irqPerms) {
                int[] perm = new int[p.taskCount()];
                for (int i = 0; i < a.length; i++) {
                    perm[i] = a[i];
                }
                for (int i = 0; i < b.length; i++) {
                    perm[p.procs + i] = b[i];
                }
                perms.add(perm);
            }
        }
    }

    int size() {
        return perms.size();
    }

    MempoolState canonical(MempoolState s) {
        MempoolState best = s;
        for (int i = 1; i < perms.size(); i++) {
            MempoolState r = rename(s, perms.get(i));
            if (compare(r, best) < 0) {
                best = r;
            }
        }
        return best;
    }

    /** s with every task t renamed to perm[t]. */
    static MempoolState rename(MempoolState s, int[] perm) {
        int n = perm.length;
        int[] waitq = new int[s.waitq.length];
        for (int i = 0; i < waitq.length; i++) {
            waitq[i] = perm[s.waitq[i]];
        }
        int[] pc = new int[n];
        int[] held = new int[n];
        int[] roundsLeft = new int[n];
        boolean[] fullMask = new boolean[n];
        int[] plugged = new int[n];
        int[] snap = new int[n];
        int[] tstate = new int[n];
        boolean[] sawEmpty = new boolean[n];
        for (int t = 0; t < n; t++) {
            int u = perm[t];
            pc[u] = s.pc[t];
            held[u] = s.held[t];
            roundsLeft[u] = s.roundsLeft[t];
            fullMask[u] = s.fullMask[t];
            plugged[u] = s.plugged[t];
            snap[u] = s.snap[t];
            tstate[u] = s.tstate[t];
            sawEmpty[u] = s.sawEmpty[t];
        }
        return new MempoolState(s.currNr, s.freePages, s.cleanPages, s.dirtyPages, waitq, pc, held,
                roundsLeft, fullMask, plugged, snap, tstate, sawEmpty);
    }

    /**
     * A total order on states that differ only by renaming: the variables in the spec's order,
     * each compared element by element (the scalars are the same for all renamings).
     */
    static int compare(MempoolState a, MempoolState b) {
        int c = compareScalars(a, b);
        if (c == 0) { c = compare(a.waitq, b.waitq); }
        if (c == 0) { c = compare(a.pc, b.pc); }
        if (c == 0) { c = compare(a.held, b.held); }
        if (c == 0) { c = compare(a.roundsLeft, b.roundsLeft); }
        if (c == 0) { c = compare(a.fullMask, b.fullMask); }
        if (c == 0) { c = compare(a.plugged, b.plugged); }
        if (c == 0) { c = compare(a.snap, b.snap); }
        if (c == 0) { c = compare(a.tstate, b.tstate); }
        if (c == 0) { c = compare(a.sawEmpty, b.sawEmpty); }
        return c;
    }

    private static int compareScalars(MempoolState a, MempoolState b) {
        int c = Integer.compare(a.currNr, b.currNr);
        if (c == 0) { c = Integer.compare(a.freePages, b.freePages); }
        if (c == 0) { c = Integer.compare(a.cleanPages, b.cleanPages); }
        if (c == 0) { c = Integer.compare(a.dirtyPages, b.dirtyPages); }
        return c;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length && i < b.length; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i] ? -1 : 1;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compare(boolean[] a, boolean[] b) {
        for (int i = 0; i < a.length && i < b.length; i++) {
            if (a[i] != b[i]) {
                return a[i] ? 1 : -1;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** All permutations of first..first+count-1, each as an array of the images, identity first. */
    private static List<int[]> permutations(int first, int count) {
        List<int[]> out = new ArrayList<int[]>();
        int[] current = new int[count];
        boolean[] used = new boolean[count];
        permute(first, count, 0, current, used, out);
        return out;
    }

    private static void permute(int first, int count, int pos, int[] current, boolean[] used, List<int[]> out) {
        if (pos == count) {
            out.add(current.clone());
            return;
        }
        for (int i = 0; i < count; i++) {
            if (!used[i]) {
                used[i] = true;
                current[pos] = first + i;
                permute(first, count, pos + 1, current, used, out);
                used[i] = false;
            }
        }
    }
}
