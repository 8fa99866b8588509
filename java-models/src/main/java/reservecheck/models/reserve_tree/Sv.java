package reservecheck.models.reserve_tree;

/**
 * One entry of the spec's sv: a swapfile's sk_set/clear_memalloc in progress, the record
 * [op, old, err] (old: xprt->swapper before the swapon, which set_failed restores a single bit
 * from; err: the connect failed and swapon must fail).  NoSv is {@link #NONE}.  Immutable.
 */
public final class Sv {
    public static final int OP_NONE = 0;
    public static final int OP_SET = 1;
    public static final int OP_CLEAR = 2;

    private static final String[] OPS = {"none", "set", "clear"};

    /** The spec's NoSv. */
    public static final Sv NONE = new Sv(OP_NONE, 0, false);

    final int op;
    final int old;
    final boolean err;

    Sv(int op, int old, boolean err) {
        this.op = op;
        this.old = old;
        this.err = err;
    }

    /** [sv EXCEPT !.err = e] */
    Sv withErr(boolean e) {
        return new Sv(op, old, e);
    }

    public static String opName(int op) {
        return OPS[op];
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Sv)) {
            return false;
        }
        Sv s = (Sv) o;
        return op == s.op && old == s.old && err == s.err;
    }

    @Override
    public int hashCode() {
        return (op * 31 + old) * 31 + (err ? 1 : 0);
    }

    @Override
    public String toString() {
        return "[op=" + opName(op) + ", old=" + old + ", err=" + err + "]";
    }
}
