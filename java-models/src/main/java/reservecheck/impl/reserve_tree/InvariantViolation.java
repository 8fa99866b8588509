package reservecheck.impl.reserve_tree;

/**
 * A spec invariant (ReserveTree.tla) failed after a step.  The message starts with the
 * catalog's verdict, {@code invariant:<Name>}, so Lincheck's report and a plain run read the
 * same verdict; the JPF entry point rethrows a plain AssertionError whose whole message is the
 * verdict (what reservecheck.jpf.JpfOutput reads).
 */
public final class InvariantViolation extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final String invariant;

    InvariantViolation(String invariant, String detail) {
        super("invariant:" + invariant + " " + detail);
        this.invariant = invariant;
    }

    public String invariant() {
        return invariant;
    }

    public String verdict() {
        return "invariant:" + invariant;
    }
}
