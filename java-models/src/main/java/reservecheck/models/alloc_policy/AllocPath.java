package reservecheck.models.alloc_policy;

import reservecheck.models.lts.SpecActions;

/**
 * The allocating task's slow path (mm/page_alloc.c): get_page_from_freelist,
 * alloc_fail_noreclaim, try_to_free_pages, reclaim_retry and alloc_fail.  Each method returns
 * the successor of s, or null when the action is not enabled.
 */
final class AllocPath extends SpecActions<AllocPolicyParams> {
    AllocPath(AllocPolicyParams p) {
        super(p);
    }

    /** Progress: kswapd or an exit made progress (clean memory left, or a page above the level). */
    boolean progress(AllocPolicyState s) {
        return s.clean > 0 || s.free > p.level;
    }

    /**
     * Takes a page if the caller's level allows, else goes to reclaim.  Taking a page at or
     * below atomic_band as anything but a plain atomic caller breaks AtomicBandKept.
     */
    AllocPolicyState getPageFromFreelist(AllocPolicyState s) {
        if (!AllocPolicyState.FAST.equals(s.apc)) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        if (s.free > p.level) {
            b.free = s.free - 1;
            b.apc = AllocPolicyState.GOT;
            b.bandTaken = s.bandTaken || (s.free <= p.atomicBand && !p.atomic);
        } else {
            b.apc = AllocPolicyState.RECLAIM;
        }
        return b.build();
    }

    /**
     * No direct reclaim: fail, except a blocking NOFAIL, which can only loop (nofail_in_reclaim);
     * a non-blocking NOFAIL fails like any atomic caller (nofail_nonblocking_null).
     */
    AllocPolicyState allocFailNoreclaim(AllocPolicyState s) {
        if (!AllocPolicyState.RECLAIM.equals(s.apc) || p.canReclaim) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        b.apc = p.nofail && p.blocking ? AllocPolicyState.FAST : AllocPolicyState.NULL;
        return b.build();
    }

    /** Direct reclaim frees a clean page and retries, or finds none and goes to the OOM path. */
    AllocPolicyState tryToFreePages(AllocPolicyState s) {
        if (!AllocPolicyState.RECLAIM.equals(s.apc) || !p.canReclaim) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        if (s.clean > 0) {
            b.clean = s.clean - 1;
            b.free = s.free + 1;
            b.apc = AllocPolicyState.FAST;
        } else {
            b.apc = AllocPolicyState.OOM;
        }
        return b.build();
    }

    /** should_reclaim_retry: kswapd or an exit made progress, so the caller retries. */
    AllocPolicyState reclaimRetry(AllocPolicyState s) {
        if (!AllocPolicyState.OOM.equals(s.apc) || !progress(s)) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        b.apc = AllocPolicyState.FAST;
        return b.build();
    }

    /**
     * A caller that may fail gives up when reclaim made no progress and nobody is left to kill;
     * not while dirty cache can still be written back when the OOM path waits for it.
     */
    AllocPolicyState allocFail(AllocPolicyState s) {
        if (!AllocPolicyState.OOM.equals(s.apc) || progress(s) || !p.mayFail) {
            return null;
        }
        boolean nobodyToKill = AllocPolicyState.NONE.equals(s.victim) || AllocPolicyState.EXITED.equals(s.victim)
                || AllocPolicyState.REAPED.equals(s.victim);
        if (p.oomHere && !nobodyToKill) {
            return null;
        }
        if (s.dirty > 0 && p.oomWaitsForDirty) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        b.apc = AllocPolicyState.NULL;
        return b.build();
    }
}
