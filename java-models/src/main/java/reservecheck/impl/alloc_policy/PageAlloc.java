package reservecheck.impl.alloc_policy;

/**
 * A task's allocation, mm/page_alloc.c's __alloc_pages_slowpath in its steps: mutex_lock of
 * lock L around it, get_page_from_freelist, alloc_fail_noreclaim (no direct reclaim),
 * should_reclaim_retry (the spec's reclaim_retry) and alloc_fail (the NULL return).  Each
 * {@code canX} is the action's guard, each {@code x} its body; both run holding the kernel's
 * monitor, and the part keeps no state of its own.
 */
final class PageAlloc {
    private final AllocKernel k;
    private final Policy pol;

    PageAlloc(AllocKernel k) {
        this.k = k;
        this.pol = k.policy;
    }

    /** Direct reclaim, kswapd, writeback or an exit made progress: clean cache, or a page above t's watermark. */
    boolean progress(int t) {
        return k.clean > 0 || k.free > pol.watermark(t);
    }

    /** mutex_lock(L): uninterruptible, so a killed task waiting here cannot exit (exit_mm). */
    boolean canMutexLock(int t) {
        return k.pc(t) == AllocKernel.LOCK && k.lock == 0;
    }

    void mutexLock(int t) {
        k.lock = t;
        k.setPc(t, AllocKernel.FAST);
    }

    boolean canGetPage(int t) {
        return k.pc(t) == AllocKernel.FAST;
    }

    /**
     * Takes a page if the free count is above the caller's watermark, else enters the slow
     * path's reclaim.  A page at or below atomic_band taken by anyone but a plain atomic caller
     * is the band taken (AtomicBandKept; nofail_reserve_level).
     */
    void getPageFromFreelist(int t) {
        if (k.free > pol.watermark(t)) {
            if (k.free <= pol.atomicBand && !pol.atomic(t)) {
                k.bandTaken = true;
            }
            k.free--;
            k.returns(t, AllocKernel.GOT);
        } else {
            k.setPc(t, AllocKernel.RECLAIM);
        }
    }

    boolean canFailNoreclaim(int t) {
        return k.pc(t) == AllocKernel.RECLAIM && !pol.canReclaim(t);
    }

    /**
     * No direct reclaim: return NULL, except a NOFAIL allocation that may block, which can only
     * retry (nofail_in_reclaim: a PF_MEMALLOC reclaimer loops); a NOFAIL that may not block
     * returns NULL like any atomic caller (nofail_nonblocking_null, noreclaim_scope_nofail).
     */
    void allocFailNoreclaim(int t) {
        if (pol.nofail(t) && pol.mayBlock(t)) {
            k.setPc(t, AllocKernel.FAST);
        } else {
            k.returns(t, AllocKernel.NULL);
        }
    }

    boolean canReclaimRetry(int t) {
        return k.pc(t) == AllocKernel.OOM && progress(t);
    }

    /** should_reclaim_retry: something freed memory since, so the allocation is tried again. */
    void reclaimRetry(int t) {
        k.setPc(t, AllocKernel.FAST);
    }

    /**
     * A caller that may fail gives up once there is no progress and killing cannot help: when
     * it would invoke the OOM killer, only after the victim is gone or killed (it does not wait
     * for the victim, as a too-small-to-fail caller must), and not while dirty page cache can
     * still be written back where the OOM path waits for it (seed 002).
     */
    boolean canAllocFail(int t) {
        if (k.pc(t) != AllocKernel.OOM || progress(t) || !pol.mayFail(t)) {
            return false;
        }
        if (pol.oomHere(t) && k.victim == AllocKernel.ALIVE) {
            return false;
        }
        return !(k.dirty > 0 && pol.oomWaitsForDirty);
    }

    void allocFail(int t) {
        k.returns(t, AllocKernel.NULL);
    }
}
