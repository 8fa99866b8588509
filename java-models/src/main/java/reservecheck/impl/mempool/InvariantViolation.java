package reservecheck.impl.mempool;

import reservecheck.impl.common.BrokenInvariant;

/** A spec invariant (PROTOCOLS.md section 1, Mempool.tla) failed after a step of the implementation. */
public final class InvariantViolation extends BrokenInvariant {
    private static final long serialVersionUID = 1L;

    InvariantViolation(String invariant, String detail) {
        super(invariant, detail);
    }
}
