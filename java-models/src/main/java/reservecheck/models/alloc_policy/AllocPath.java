package reservecheck.models.alloc_policy;

import reservecheck.models.lts.SpecActions;

/**
 * A task's allocation (mm/page_alloc.c): mutex_lock, get_page_from_freelist,
 * alloc_fail_noreclaim, try_to_free_pages, reclaim_retry and alloc_fail.  Each method returns
 * the successor of s for task t (1 or 2), or null when the action is not enabled.
 */
final class AllocPath extends SpecActions<AllocPolicyParams> {
    AllocPath(AllocPolicyParams p) {
        super(p);
    }

    /** Progress(t): kswapd, writeback or an exit made progress (clean memory left, or a page above t's level). */
    boolean progress(AllocPolicyState s, int t) {
        return s.clean > 0 || s.free > p.level(t);
    }

    private static boolean at(AllocPolicyState s, int t, String pc) {
        return pc.equals(s.pc(t));
    }

    /** Lock L before the allocation (victim_needs_lock): uninterruptible, see exit_mm. */
    AllocPolicyState mutexLock(AllocPolicyState s, int t) {
        if (!at(s, t, AllocPolicyState.LOCK) || s.lock != 0) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit().move(t, AllocPolicyState.FAST);
        b.lock = t;
        return b.build();
    }

    /**
     * Takes a page if the caller's level allows, else goes to reclaim.  Taking a page at or
     * below atomic_band as anything but a plain atomic caller breaks AtomicBandKept.
     */
    AllocPolicyState getPageFromFreelist(AllocPolicyState s, int t) {
        if (!at(s, t, AllocPolicyState.FAST)) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        if (s.free > p.level(t)) {
            b.free = s.free - 1;
            b.goTo(t, AllocPolicyState.GOT);
            b.bandTaken = s.bandTaken || (s.free <= p.atomicBand && !p.atomic(t));
        } else {
            b.move(t, AllocPolicyState.RECLAIM);
        }
        return b.build();
    }

    /**
     * No direct reclaim: fail, except a blocking NOFAIL, which can only loop (nofail_in_reclaim);
     * a non-blocking NOFAIL fails like any atomic caller (nofail_nonblocking_null).
     */
    AllocPolicyState allocFailNoreclaim(AllocPolicyState s, int t) {
        if (!at(s, t, AllocPolicyState.RECLAIM) || p.canReclaim(t)) {
            return null;
        }
        boolean loops = p.nofail(t) && p.blocking(t);
        return s.edit().goTo(t, loops ? AllocPolicyState.FAST : AllocPolicyState.NULL).build();
    }

    /** Direct reclaim frees a clean page and retries, or finds none and goes to the OOM path. */
    AllocPolicyState tryToFreePages(AllocPolicyState s, int t) {
        if (!at(s, t, AllocPolicyState.RECLAIM) || !p.canReclaim(t)) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        if (s.clean > 0) {
            b.clean = s.clean - 1;
            b.free = s.free + 1;
            b.move(t, AllocPolicyState.FAST);
        } else {
            b.move(t, AllocPolicyState.OOM);
        }
        return b.build();
    }

    /** should_reclaim_retry: kswapd, writeback or an exit made progress, so the caller retries. */
    AllocPolicyState reclaimRetry(AllocPolicyState s, int t) {
        if (!at(s, t, AllocPolicyState.OOM) || !progress(s, t)) {
            return null;
        }
        return s.edit().move(t, AllocPolicyState.FAST).build();
    }

    /**
     * A caller that may fail gives up when reclaim made no progress and killing cannot help any
     * more (nobody left, or the victim already killed: it does not wait for the victim as a
     * too-small-to-fail caller must); not while dirty cache can still be written back when the
     * OOM path waits for it.
     */
    AllocPolicyState allocFail(AllocPolicyState s, int t) {
        if (!at(s, t, AllocPolicyState.OOM) || progress(s, t) || !p.mayFail(t)) {
            return null;
        }
        if (p.oomHere(t) && AllocPolicyState.ALIVE.equals(s.victim)) {
            return null;
        }
        if (s.dirty > 0 && p.oomWaitsForDirty) {
            return null;
        }
        return s.edit().goTo(t, AllocPolicyState.NULL).build();
    }
}
