package reservecheck.impl.alloc_policy;

import reservecheck.impl.common.InvariantCodes;

/**
 * The spec's invariants (AllocPolicy.tla, PROTOCOLS.md section 4) on the implementation's live
 * state, checked inside the monitor after every step.
 */
final class AllocPolicyChecks {
    static final String[] NAMES = {
        "TypeOK", "NofailNeverNull", "NofailMayBlock", "AtomicBandKept", "OomOnlyWhereAllowed", "NoKillWhileReclaimable"
    };

    private AllocPolicyChecks() {
    }

    /** The codes of invariant names ({@link InvariantCodes}). */
    static int[] codes(String[] names) {
        return InvariantCodes.of(NAMES, names, "AllocPolicy.tla");
    }

    /** Null if invariant {@code code} holds, else what is wrong. */
    static String violation(int code, AllocKernel k) {
        switch (code) {
            case 0:
                return k.free < 0 || k.clean < 0 || k.dirty < 0 || k.wb < 0 || k.wb > k.policy.writebackAllocs
                        || k.lock < 0 || k.lock > 2
                        ? "free = " + k.free + ", clean = " + k.clean + ", dirty = " + k.dirty + ", wb = " + k.wb : null;
            case 1:
                return k.policy.nofail && k.pc(1) == AllocKernel.NULL ? "task 1's __GFP_NOFAIL allocation returned NULL"
                        : null;
            case 2:
                return k.policy.nofail && k.pc(1) == AllocKernel.OOM && !k.policy.mayBlock(1)
                        ? "task 1's __GFP_NOFAIL allocation reached the OOM path in a context that may not sleep" : null;
            case 3:
                return k.bandTaken ? "a page of the atomic band was taken by a caller that is not atomic" : null;
            case 4:
                return k.illegalOom ? "the OOM killer ran for a caller whose rules forbid it" : null;
            case 5:
                return k.killedReclaimable ? "task 2 was killed while page cache could still be reclaimed" : null;
            default:
                throw new IllegalArgumentException("invariant code " + code);
        }
    }
}
