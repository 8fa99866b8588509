package reservecheck.models.reserve_tree;

/**
 * The spec's TaskSymmetry, Permutations(reserve_users) \cup Permutations(allocators): tasks of
 * one kind are interchangeable (nothing in the spec names a particular user or allocator; the
 * sums over them are symmetric).  A user's whole state is the tuple (upc, hn, he, charged,
 * urounds) and an allocator's (dpc, killed, memdie, drounds), so the representative of a class
 * is the state with those tuples sorted: sorting applies one permutation to every function over
 * the kind at once.  Sound for invariants only, as for TLC.
 */
final class Symmetry {
    private Symmetry() {
    }

    static ReserveTreeState canonical(ReserveTreeState s) {
        int users = s.upc.length;
        int allocs = s.dpc.length;
        if (users < 2 && allocs < 2) {
            return s;
        }
        ReserveTreeState.Builder b = s.edit();
        // insertion sort of the users' tuples: at most three of them at the catalog's bounds
        for (int i = 1; i < users; i++) {
            for (int j = i; j > 0 && compareUsers(b, j - 1, j) > 0; j--) {
                swap(b.upc, j);
                swap(b.hn, j);
                swap(b.he, j);
                swap(b.charged, j);
                swap(b.urounds, j);
            }
        }
        for (int i = 1; i < allocs; i++) {
            for (int j = i; j > 0 && compareAllocators(b, j - 1, j) > 0; j--) {
                swap(b.dpc, j);
                swap(b.killed, j);
                swap(b.memdie, j);
                swap(b.drounds, j);
            }
        }
        ReserveTreeState c = b.build();
        return c.equals(s) ? s : c;
    }

    private static int compareUsers(ReserveTreeState.Builder b, int x, int y) {
        int c = Integer.compare(b.upc[x], b.upc[y]);
        if (c == 0) { c = Integer.compare(b.hn[x], b.hn[y]); }
        if (c == 0) { c = Integer.compare(b.he[x], b.he[y]); }
        if (c == 0) { c = Integer.compare(b.charged[x], b.charged[y]); }
        if (c == 0) { c = Integer.compare(b.urounds[x], b.urounds[y]); }
        return c;
    }

    private static int compareAllocators(ReserveTreeState.Builder b, int x, int y) {
        int c = Integer.compare(b.dpc[x], b.dpc[y]);
        if (c == 0) { c = Boolean.compare(b.killed[x], b.killed[y]); }
        if (c == 0) { c = Boolean.compare(b.memdie[x], b.memdie[y]); }
        if (c == 0) { c = Integer.compare(b.drounds[x], b.drounds[y]); }
        return c;
    }

    /** Swaps entries j - 1 and j. */
    private static void swap(int[] a, int j) {
        int t = a[j - 1];
        a[j - 1] = a[j];
        a[j] = t;
    }

    private static void swap(boolean[] a, int j) {
        boolean t = a[j - 1];
        a[j - 1] = a[j];
        a[j] = t;
    }
}
