package reservecheck.models.alloc_policy;

import reservecheck.models.lts.SpecActions;

/**
 * kswapd and writeback (mm/vmscan.c): kswapd_reclaim, writeback_alloc and writeback_done.
 * Each method returns the successor of s, or null when the action is not enabled.
 */
final class Writeback extends SpecActions<AllocPolicyParams> {
    Writeback(AllocPolicyParams p) {
        super(p);
    }

    /** kswapd frees a clean page while free memory is at or below the min watermark. */
    AllocPolicyState kswapdReclaim(AllocPolicyState s) {
        if (s.free > p.minWmark || s.clean == 0) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        b.clean = s.clean - 1;
        b.free = s.free + 1;
        return b.build();
    }

    /**
     * Writeback of one dirty page allocates writeback_allocs pages first (seed 000): above the
     * atomic band with writeback_reserve, else above min like everyone (writeback_needs_memory).
     */
    AllocPolicyState writebackAlloc(AllocPolicyState s) {
        if (s.dirty == 0 || s.wb >= p.writebackAllocs
                || s.free <= (p.writebackReserve ? p.atomicBand : p.minWmark)) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        b.free = s.free - 1;
        b.wb = s.wb + 1;
        b.bandTaken = s.bandTaken || s.free <= p.atomicBand;
        return b.build();
    }

    /** The written page is clean and writeback's pages are freed. */
    AllocPolicyState writebackDone(AllocPolicyState s) {
        if (s.dirty == 0 || s.wb != p.writebackAllocs) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        b.dirty = s.dirty - 1;
        b.clean = s.clean + 1;
        b.free = s.free + s.wb;
        b.wb = 0;
        return b.build();
    }
}
