package reservecheck.impl.mempool;

/**
 * A spec invariant (PROTOCOLS.md section 1, Mempool.tla) failed after a step of the
 * implementation.  The message starts with the catalog's verdict, {@code invariant:<Name>},
 * so every checker (Lincheck's report, JPF's uncaught-exception report, a plain run) maps it
 * to the same verdict by reading the message.
 */
public final class InvariantViolation extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final String invariant;

    InvariantViolation(String invariant, String detail) {
        super("invariant:" + invariant + " " + detail);
        this.invariant = invariant;
    }

    /** The spec's name of the invariant that failed, e.g. Conservation. */
    public String invariant() {
        return invariant;
    }
}
