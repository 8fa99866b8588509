package reservecheck.impl.alloc_policy;

/**
 * mm/page-writeback.c: writing back one dirty page allocates writeback_allocs pages first
 * (seed 000: writing out even one page can need memory); when the I/O ends the page is clean
 * and writeback's pages are freed.
 */
final class PageWriteback {
    private final AllocKernel k;

    PageWriteback(AllocKernel k) {
        this.k = k;
    }

    /**
     * Writeback's allocations are PF_MEMALLOC (down to the atomic band, not into it) with
     * writeback_reserve; without, they stop at the min watermark like everyone's
     * (writeback_needs_memory).
     */
    boolean canWritebackAlloc() {
        int keep = k.policy.writebackReserve ? k.policy.atomicBand : k.policy.minWmark;
        return k.dirty > 0 && k.wb < k.policy.writebackAllocs && k.free > keep;
    }

    void writebackAlloc() {
        if (k.free <= k.policy.atomicBand) {
            k.bandTaken = true;
        }
        k.free--;
        k.wb++;
    }

    boolean canWritebackDone() {
        return k.dirty > 0 && k.wb == k.policy.writebackAllocs;
    }

    /** end_page_writeback: the page is clean, writeback's pages come back. */
    void writebackDone() {
        k.dirty--;
        k.clean++;
        k.free += k.wb;
        k.wb = 0;
    }
}
