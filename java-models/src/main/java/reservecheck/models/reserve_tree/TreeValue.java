package reservecheck.models.reserve_tree;

/**
 * The spec's T: a value of the tree [own4, pages, limit, usage, linked, var] that the
 * mm/reserve.c operators ({@link ReserveOps}) take and return, so that a failed operation can
 * hand back the tree it was given, as the spec's operators do.  Immutable.
 */
final class TreeValue {
    final int own4;
    final int[] pages;
    final int[] limit;
    final int[] usage;
    final boolean linked;
    final int var;

    TreeValue(int own4, int[] pages, int[] limit, int[] usage, boolean linked, int var) {
        this.own4 = own4;
        this.pages = pages;
        this.limit = limit;
        this.usage = usage;
        this.linked = linked;
        this.var = var;
    }

    /** The spec's T in state s. */
    static TreeValue of(ReserveTreeState s) {
        return new TreeValue(s.own4, s.pages.clone(), s.limit.clone(), s.usage.clone(), s.netLinked, s.varFreeKbytes);
    }

    TreeValue withOwn4(int v) {
        return new TreeValue(v, pages, limit, usage, linked, var);
    }

    TreeValue withPages(int[] v) {
        return new TreeValue(own4, v, limit, usage, linked, var);
    }

    TreeValue withLinked(boolean v) {
        return new TreeValue(own4, pages, limit, usage, v, var);
    }

    TreeValue with(int[] newLimit, int[] newUsage, int newVar) {
        return new TreeValue(own4, pages, newLimit, newUsage, linked, newVar);
    }
}
