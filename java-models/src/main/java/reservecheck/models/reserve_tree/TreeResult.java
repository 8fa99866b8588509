package reservecheck.models.reserve_tree;

/**
 * What a mm/reserve.c operator of the spec returns: [ok, t, pend], where pend is the deferred
 * write of an unlocked adjust_memalloc_reserve ({@link Pending#NONE} if none), and, for
 * SetMemalloc and ClearMemalloc, the new memalloc socket count.  Immutable.
 */
final class TreeResult {
    final boolean ok;
    final TreeValue t;
    final Pending pend;
    final int count;

    TreeResult(boolean ok, TreeValue t, Pending pend) {
        this(ok, t, pend, 0);
    }

    TreeResult(boolean ok, TreeValue t, Pending pend, int count) {
        this.ok = ok;
        this.t = t;
        this.pend = pend;
        this.count = count;
    }
}
