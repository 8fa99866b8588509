package reservecheck.impl.reserve_tree;

import reservecheck.impl.common.BrokenInvariant;

/**
 * A spec invariant (ReserveTree.tla) failed after a step.  The JPF entry point rethrows a
 * plain AssertionError whose whole message is the verdict (what reservecheck.jpf.JpfOutput
 * reads).
 */
public final class InvariantViolation extends BrokenInvariant {
    private static final long serialVersionUID = 1L;

    InvariantViolation(String invariant, String detail) {
        super(invariant, detail);
    }
}
