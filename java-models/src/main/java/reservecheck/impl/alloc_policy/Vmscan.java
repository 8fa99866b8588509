package reservecheck.impl.alloc_policy;

/**
 * mm/vmscan.c: direct reclaim (try_to_free_pages) and kswapd's background reclaim, both of the
 * clean page cache only; a dirty page must be written back first (PageWriteback).
 */
final class Vmscan {
    private final AllocKernel k;

    Vmscan(AllocKernel k) {
        this.k = k;
    }

    boolean canTryToFreePages(int t) {
        return k.pc(t) == AllocKernel.RECLAIM && k.policy.canReclaim(t);
    }

    /** Frees a clean page and retries the freelist, or finds none and goes on to the OOM path. */
    void tryToFreePages(int t) {
        if (k.clean > 0) {
            k.clean--;
            k.free++;
            k.setPc(t, AllocKernel.FAST);
        } else {
            k.setPc(t, AllocKernel.OOM);
        }
    }

    /** kswapd runs while free memory is at or below the min watermark and has clean pages to free. */
    boolean canKswapdReclaim() {
        return k.free <= k.policy.minWmark && k.clean > 0;
    }

    void kswapdReclaim() {
        k.clean--;
        k.free++;
    }
}
