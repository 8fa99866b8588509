package reservecheck.impl.common;

/** A spec invariant failed after a step of the implementation (or in its final state). */
public abstract class BrokenInvariant extends SpecViolation {
    private static final long serialVersionUID = 1L;
    private final String invariant;

    protected BrokenInvariant(String invariant, String detail) {
        super("invariant:" + invariant, detail);
        this.invariant = invariant;
    }

    /** The spec's name of the invariant that failed, e.g. Conservation. */
    public String invariant() {
        return invariant;
    }
}
