package reservecheck.impl.reserve_tree;

/**
 * An adjuster between reading var_free_kbytes and storing what it computed (the unlocked
 * adjust_memalloc_reserve of Zupancic's 2006 report): the spec's pending[a] record.
 */
final class Pending {
    static final Pending NONE = new Pending(0, 0, 0, 0, Pc.NONE);

    final int var;
    final int path;
    final int dl;
    final int du;
    final int next;

    Pending(int var, int path, int dl, int du, int next) {
        this.var = var;
        this.path = path;
        this.dl = dl;
        this.du = du;
        this.next = next;
    }

    Pending withNext(int n) {
        return new Pending(var, path, dl, du, n);
    }

    boolean none() {
        return next == Pc.NONE;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Pending)) {
            return false;
        }
        Pending q = (Pending) o;
        return var == q.var && path == q.path && dl == q.dl && du == q.du && next == q.next;
    }

    @Override
    public int hashCode() {
        return (((var * 31 + path) * 31 + dl) * 31 + du) * 31 + next;
    }
}
