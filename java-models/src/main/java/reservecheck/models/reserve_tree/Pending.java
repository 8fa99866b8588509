package reservecheck.models.reserve_tree;

/**
 * One entry of the spec's pending: an adjuster between reading var_free_kbytes and writing it
 * back (the unlocked adjust_memalloc_reserve of Zupancic's 2006 report), as the record
 * [var, path, dl, du, next].  NoPending is {@link #NONE}.  Immutable.
 */
public final class Pending {
    /** The spec's NoPending. */
    public static final Pending NONE = new Pending(0, 0, 0, 0, SwapPc.NONE);

    /** The var_free_kbytes to store, computed from the stale read. */
    public final int var;
    /** The nodes (a {@link Node} bit mask) whose limit and usage change at the write. */
    public final int path;
    public final int dl;
    public final int du;
    /** A {@link SwapPc} code: where the adjuster goes after the write (NONE: no adjust). */
    public final int next;

    public Pending(int var, int path, int dl, int du, int next) {
        this.var = var;
        this.path = path;
        this.dl = dl;
        this.du = du;
        this.next = next;
    }

    /** [p EXCEPT !.next = next] */
    public Pending withNext(int n) {
        return new Pending(var, path, dl, du, n);
    }

    /** Whether no adjust is in flight (the spec's pending[a].next = "none"). */
    public boolean none() {
        return next == SwapPc.NONE;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Pending)) {
            return false;
        }
        Pending p = (Pending) o;
        return var == p.var && path == p.path && dl == p.dl && du == p.du && next == p.next;
    }

    @Override
    public int hashCode() {
        return (((var * 31 + path) * 31 + dl) * 31 + du) * 31 + next;
    }

    @Override
    public String toString() {
        return "[var=" + var + ", path=" + path + ", dl=" + dl + ", du=" + du
                + ", next=" + SwapPc.name(next) + "]";
    }
}
