package reservecheck.impl.mempool;

/**
 * A simulated page allocator with finite memory, the pool's pool->alloc/pool->free backend
 * (mempool_alloc_pages/mempool_free_pages): free pages with the min watermark, whose emergency
 * reserve below it only PF_MEMALLOC without __GFP_NOMEMALLOC may take; clean page cache that
 * direct reclaim turns into a free page; dirty pages that an IO-capable caller starts
 * writeback on.  Called only with the pool's monitor held, so each call is one step, as in
 * Mempool.tla; the counts it changes go into the calling task's trace.
 */
final class PageAllocator {
    private final Mempool pool;
    /** The min watermark: pages below it are the emergency reserve. */
    private final int minWatermark;
    private int freePages;
    private int cleanPages;
    private int dirtyPages;

    PageAllocator(Mempool pool, int freePages, int cleanPages, int dirtyPages, int emergencyPages) {
        this.pool = pool;
        this.freePages = freePages;
        this.cleanPages = cleanPages;
        this.dirtyPages = dirtyPages;
        this.minWatermark = emergencyPages;
    }

    int freePages() {
        return freePages;
    }

    int cleanPages() {
        return cleanPages;
    }

    int dirtyPages() {
        return dirtyPages;
    }

    int minWatermark() {
        return minWatermark;
    }

    /**
     * __alloc_pages for nr pages with gfp: true if the caller got them.  One page comes from
     * above the watermark, else from reclaim of clean cache (__GFP_DIRECT_RECLAIM), else from
     * the reserve (PF_MEMALLOC without __GFP_NOMEMALLOC: the dip NoReserveDip forbids pool
     * users).  Several pages at once (mempool_alloc_bulk's first try) come only from above the
     * watermark.  A failed call that may start IO but not reclaim starts writeback of a dirty
     * page, whose bio comes from the pool being allocated from and stays in the caller's plug
     * (the mempool-2.5.1-D0 deadlock).
     */
    boolean allocPages(Task t, int gfp, int nr, Trace tr) {
        if (nr > 1) {
            if (freePages - minWatermark >= nr) {
                setFree(freePages - nr, tr);
                return true;
            }
        } else if (freePages > minWatermark) {
            setFree(freePages - 1, tr);
            return true;
        } else if (Gfp.has(gfp, Gfp.DIRECT_RECLAIM) && cleanPages > 0) {
            // try_to_free_pages: the clean page is freed and handed to this caller
            setClean(cleanPages - 1, tr);
            return true;
        } else if (t.pfMemalloc && !Gfp.has(gfp, Gfp.NOMEMALLOC) && freePages > 0) {
            // ALLOC_NO_WATERMARKS
            setFree(freePages - 1, tr);
            return true;
        }
        if (Gfp.has(gfp, Gfp.IO) && !Gfp.has(gfp, Gfp.DIRECT_RECLAIM) && dirtyPages > 0 && tr.plugged == 0
                && pool.allocWritebackBio(t, tr)) {
            // writeback of a dirty page: its bio came from our own pool and waits in the plug
            setDirty(dirtyPages - 1, tr);
        }
        return false;
    }

    /** __free_pages: a page back above (or into) the watermark. */
    void freePage(Trace tr) {
        setFree(freePages + 1, tr);
    }

    /** A written-back page is clean page cache again. */
    void writebackDone(Trace tr) {
        setClean(cleanPages + 1, tr);
    }

    private void setFree(int v, Trace tr) {
        freePages = v;
        tr.delta(EventLog.FREE_PAGES, 0, v);
    }

    private void setClean(int v, Trace tr) {
        cleanPages = v;
        tr.delta(EventLog.CLEAN_PAGES, 0, v);
    }

    private void setDirty(int v, Trace tr) {
        dirtyPages = v;
        tr.delta(EventLog.DIRTY_PAGES, 0, v);
    }
}
