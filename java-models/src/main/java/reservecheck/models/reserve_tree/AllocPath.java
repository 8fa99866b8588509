package reservecheck.models.reserve_tree;

import reservecheck.models.lts.SpecActions;

/**
 * merged_2012's page allocator: get_page_from_freelist, try_to_free_pages with
 * throttle_direct_reclaim, reclaim, the OOM killer, SIGKILL and kswapd, one method per action
 * of the spec (null: not enabled).
 */
final class AllocPath extends SpecActions<ReserveTreeParams> {
    AllocPath(ReserveTreeParams p) {
        super(p);
    }

    /**
     * WatermarkOk, pfmemalloc_watermark_ok: free pages of the zones up to ZONE_NORMAL above half
     * their min watermarks; a node without such zones has 0 of both, so it never holds there.
     */
    boolean watermarkOk(ReserveTreeState s) {
        return p.nodeHasNormalZone && s.freePages > p.minWmark / 2;
    }

    /** ThrottleNode: 675becce15f3 does not throttle on a node without ZONE_NORMAL. */
    private boolean throttleNode() {
        return p.nodeHasNormalZone || !p.throttleChecksNodeHasNormalZone;
    }

    /** ReclaimOne: a page can be swapped out; its network buffer comes from the reserve. */
    private static boolean reclaimOne(ReserveTreeState s) {
        return s.swapLeft > 0 && s.freePages > 0;
    }

    ReserveTreeState allocPages(ReserveTreeState s, int d) {
        if (s.dpc[d] != AllocPc.IDLE) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.dpc[d] = AllocPc.GET_PAGE;
        return b.build();
    }

    /**
     * get_page_from_freelist(d): above the min watermark; an OOM victim (TIF_MEMDIE) ignores
     * watermarks and gets NULL (and exits) when nothing at all is free; otherwise wake kswapd
     * and go to direct reclaim.
     */
    ReserveTreeState getPageFromFreelist(ReserveTreeState s, int d) {
        if (s.dpc[d] != AllocPc.GET_PAGE) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        if (s.memdie[d]) {
            if (s.freePages > 0) {
                b.freePages = s.freePages - 1;
                b.dpc[d] = AllocPc.HOLD;
            } else {
                b.dpc[d] = AllocPc.DONE;
            }
        } else if (s.freePages > p.minWmark) {
            b.freePages = s.freePages - 1;
            b.dpc[d] = AllocPc.HOLD;
        } else {
            b.kswapdAwake = true;
            b.dpc[d] = AllocPc.TRY_TO_FREE_PAGES;
        }
        return b.build();
    }

    /**
     * try_to_free_pages(d) begins with throttle_direct_reclaim: sleep on pfmemalloc_wait while
     * the reserves are low.  A task with a fatal signal is not throttled; with
     * killed_task_counts_as_progress (5515061d22f0) it then returns 1 every time and never
     * reaches the OOM killer (Minchan Kim's Nov 2012 report).
     */
    ReserveTreeState tryToFreePages(ReserveTreeState s, int d) {
        if (s.dpc[d] != AllocPc.TRY_TO_FREE_PAGES) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        if (throttleNode() && !watermarkOk(s) && !s.killed[d]) {
            b.dpc[d] = AllocPc.THROTTLED;
        } else if (s.killed[d] && p.killedTaskCountsAsProgress) {
            b.dpc[d] = AllocPc.GET_PAGE;
        } else {
            b.dpc[d] = AllocPc.SHRINK;
        }
        return b.build();
    }

    /**
     * throttle_wake(d): wait_event_killable(pgdat->pfmemalloc_wait, pfmemalloc_watermark_ok)
     * ends with the condition true, or by a fatal signal (then 1 is returned: no OOM kill).
     */
    ReserveTreeState throttleWake(ReserveTreeState s, int d) {
        if (s.dpc[d] != AllocPc.THROTTLED || !(watermarkOk(s) || s.killed[d])) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.dpc[d] = s.killed[d] ? AllocPc.GET_PAGE : AllocPc.SHRINK;
        return b.build();
    }

    /** shrink_zones(d), do_try_to_free_pages: swap one page out (progress) or report none. */
    ReserveTreeState shrinkZones(ReserveTreeState s, int d) {
        if (s.dpc[d] != AllocPc.SHRINK) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        if (reclaimOne(s)) {
            b.swapLeft = s.swapLeft - 1;
            b.freePages = s.freePages + 1;
            b.dpc[d] = AllocPc.GET_PAGE;
        } else {
            b.dpc[d] = AllocPc.OUT_OF_MEMORY;
        }
        return b.build();
    }

    /**
     * out_of_memory(d): a caller with a fatal signal gets TIF_MEMDIE; else the hog is killed
     * (and exits, freeing its pages); else the caller is the victim.
     */
    ReserveTreeState outOfMemory(ReserveTreeState s, int d) {
        if (s.dpc[d] != AllocPc.OUT_OF_MEMORY) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        if (s.killed[d]) {
            b.memdie[d] = true;
        } else if (s.oomVictimAlive) {
            b.oomVictimAlive = false;
            b.freePages = s.freePages + p.oomVictimPages;
        } else {
            b.killed[d] = true;
            b.memdie[d] = true;
        }
        b.dpc[d] = AllocPc.GET_PAGE;
        return b.build();
    }

    /** free_page(d): the page is used and freed; a killed task exits. */
    ReserveTreeState freePage(ReserveTreeState s, int d) {
        if (s.dpc[d] != AllocPc.HOLD) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.freePages = s.freePages + 1;
        b.drounds[d] = s.drounds[d] - 1;
        b.dpc[d] = s.killed[d] || s.drounds[d] == 1 ? AllocPc.DONE : AllocPc.IDLE;
        return b.build();
    }

    /** send_sigkill(d): a SIGKILL for a task inside the allocator (not fair: it may never come). */
    ReserveTreeState sendSigkill(ReserveTreeState s, int d) {
        if (!p.sigkill || s.killed[d] || !AllocPc.inPageAlloc(s.dpc[d])) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.killed[d] = true;
        return b.build();
    }

    /** kswapd_balance: kswapd (PF_MEMALLOC) reclaims while the node is below its min watermark. */
    ReserveTreeState kswapdBalance(ReserveTreeState s) {
        if (!s.kswapdAwake || !(s.freePages <= p.minWmark && reclaimOne(s))) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.swapLeft = s.swapLeft - 1;
        b.freePages = s.freePages + 1;
        return b.build();
    }

    /** kswapd_sleep: balanced, or nothing it can do: kswapd sleeps (waking pfmemalloc_wait first). */
    ReserveTreeState kswapdSleep(ReserveTreeState s) {
        if (!s.kswapdAwake || (s.freePages <= p.minWmark && reclaimOne(s))) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.kswapdAwake = false;
        return b.build();
    }
}
