package reservecheck.impl.alloc_policy;

import reservecheck.impl.common.BrokenInvariant;

/** A spec invariant (AllocPolicy.tla) failed after a step. */
public final class InvariantViolation extends BrokenInvariant {
    private static final long serialVersionUID = 1L;

    InvariantViolation(String invariant, String detail) {
        super(invariant, detail);
    }
}
