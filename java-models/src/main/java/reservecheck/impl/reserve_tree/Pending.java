package reservecheck.impl.reserve_tree;

/**
 * An adjuster between reading var_free_kbytes and storing what it computed (the unlocked
 * adjust_memalloc_reserve of Zupancic's 2006 report): the spec's pending[a] record.
 */
final class Pending {
    static final Pending NONE = new Pending(0, 0, 0, 0, false, Pc.NONE);

    final int var;
    final int path;
    final int dl;
    final int du;
    final boolean unlink;
    final int next;

    Pending(int var, int path, int dl, int du, boolean unlink, int next) {
        this.var = var;
        this.path = path;
        this.dl = dl;
        this.du = du;
        this.unlink = unlink;
        this.next = next;
    }

    Pending withNext(int n) {
        return new Pending(var, path, dl, du, unlink, n);
    }

    Pending withUnlink() {
        return new Pending(var, path, dl, du, true, next);
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
        return var == q.var && path == q.path && dl == q.dl && du == q.du && unlink == q.unlink && next == q.next;
    }

    @Override
    public int hashCode() {
        return ((((var * 31 + path) * 31 + dl) * 31 + du) * 31 + (unlink ? 1 : 0)) * 31 + next;
    }
}
