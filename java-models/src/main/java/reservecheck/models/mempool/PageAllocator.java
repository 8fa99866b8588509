package reservecheck.models.mempool;

/**
 * The page allocator as the spec abstracts it (Mempool.tla, "The page allocator"): pages
 * above the min watermark, clean page cache direct reclaim can free, the emergency reserve
 * below the watermark, and the dirty pages a non-blocking IO-capable call starts writeback on.
 */
final class PageAllocator {
    private final MempoolParams p;

    PageAllocator(MempoolParams p) {
        this.p = p;
    }

    /** MayUseReserve(t, m): PF_MEMALLOC ignores the watermark unless the mask says __GFP_NOMEMALLOC. */
    boolean mayUseReserve(int t, Mask m) {
        return p.pfMemalloc && p.isProc(t) && !m.nomemalloc;
    }

    /** PagesAvailable(t, m, n): can the allocator hand out n pages?  Bulk takes only free pages. */
    boolean pagesAvailable(MempoolState s, int t, Mask m, int n) {
        if (n > 1) {
            return s.freePages - p.emergencyPages >= n;
        }
        return s.freePages > p.emergencyPages
                || m.reclaim && s.cleanPages > 0
                || mayUseReserve(t, m) && s.freePages > 0;
    }

    /** TakePages(t, m, n): above the watermark first, then reclaim, then the reserve. */
    void takePages(MempoolState s, MempoolState.Builder next, Mask m, int n) {
        if (n > 1 || s.freePages > p.emergencyPages) {
            next.freePages = s.freePages - n;
        } else if (m.reclaim && s.cleanPages > 0) {
            next.cleanPages = s.cleanPages - 1;
        } else {
            // only reached through MayUseReserve: the dip NoReserveDip forbids
            next.freePages = s.freePages - 1;
        }
    }

    /**
     * StartsWriteback(t, m), gfp_nowait_keeps_io: a non-blocking call with __GFP_IO finds no
     * free page and starts writeback of a dirty page; the bio is taken from this pool and sits
     * in t's plug until t's mempool_alloc returns (the D0 deadlock).
     */
    boolean startsWriteback(MempoolState s, int t, Mask m) {
        return m.io && !m.reclaim && s.dirtyPages > 0 && s.currNr > 0 && s.plugged[t] == 0;
    }
}
