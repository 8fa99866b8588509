package reservecheck.impl.reserve_tree;

import static reservecheck.impl.reserve_tree.ReserveTree.ALLOCATOR;
import static reservecheck.impl.reserve_tree.ReserveTree.ALLOC_PAGES;
import static reservecheck.impl.reserve_tree.ReserveTree.FREE_PAGE;
import static reservecheck.impl.reserve_tree.ReserveTree.GET_PAGE;
import static reservecheck.impl.reserve_tree.ReserveTree.KSWAPD_BALANCE;
import static reservecheck.impl.reserve_tree.ReserveTree.KSWAPD_SLEEP;
import static reservecheck.impl.reserve_tree.ReserveTree.NO_TASK;
import static reservecheck.impl.reserve_tree.ReserveTree.OUT_OF_MEMORY;
import static reservecheck.impl.reserve_tree.ReserveTree.SEND_SIGKILL;
import static reservecheck.impl.reserve_tree.ReserveTree.SHRINK_ZONES;
import static reservecheck.impl.reserve_tree.ReserveTree.THROTTLE_WAKE;
import static reservecheck.impl.reserve_tree.ReserveTree.TRY_TO_FREE_PAGES;

import reservecheck.models.reserve_tree.AllocPc;
import reservecheck.models.reserve_tree.ReserveTreeParams;

/**
 * mm/page_alloc.c and mm/vmscan.c as merged_2012 has them: __alloc_pages' slow path
 * (get_page_from_freelist, wakeup_kswapd, try_to_free_pages with throttle_direct_reclaim on
 * pgdat->pfmemalloc_wait, shrink_zones swapping out over NFS, then out_of_memory of
 * mm/oom_kill.c, which kills the victim or makes a task with SIGKILL pending TIF_MEMDIE),
 * kswapd's balance_pgdat and sleep, and the SIGKILL sent to an allocating task.
 *
 * <p>The state is the kernel's ({@link ReserveTree}'s fields, as {@code k.}); every method
 * runs holding k's monitor.
 */
final class PageAllocator {
    private final ReserveTree k;
    private final ReserveTreeParams p;
    private final Policy pol;

    PageAllocator(ReserveTree k) {
        this.k = k;
        this.p = k.p;
        this.pol = k.pol;
    }

    /** pfmemalloc_watermark_ok; a node without ZONE_NORMAL has 0 free and 0 reserve. */
    private boolean watermarkOk() {
        return p.nodeHasNormalZone && k.freePages > p.minWmark / 2;
    }

    /** 675becce15f3: a node without ZONE_NORMAL is not used for throttling. */
    private boolean throttleNode() {
        return p.nodeHasNormalZone || !pol.throttleChecksNodeHasNormalZone;
    }

    private boolean reclaimOne() {
        return k.swapLeft > 0 && k.freePages > 0;
    }

    /** One step of allocator d, under k's monitor; false when it is done. */
    boolean allocStep(int d, int thread) throws InterruptedException {
        k.begin();
        int actor = ALLOCATOR << 8 | d;
        switch (k.dpc[d]) {
            case AllocPc.IDLE:
                k.dpc[d] = AllocPc.GET_PAGE;
                k.end(ALLOC_PAGES, actor);
                return true;
            case AllocPc.GET_PAGE:
                if (k.memdie[d]) {
                    // TIF_MEMDIE ignores watermarks; NULL (and exit) when nothing is free
                    if (k.freePages > 0) {
                        k.freePages--;
                        k.dpc[d] = AllocPc.HOLD;
                    } else {
                        k.dpc[d] = AllocPc.DONE;
                    }
                } else if (k.freePages > p.minWmark) {
                    k.freePages--;
                    k.dpc[d] = AllocPc.HOLD;
                } else {
                    k.kswapdAwake = true;           // wakeup_kswapd
                    k.dpc[d] = AllocPc.TRY_TO_FREE_PAGES;
                }
                k.end(GET_PAGE, actor);
                return true;
            case AllocPc.TRY_TO_FREE_PAGES:
                // throttle_direct_reclaim first; a killed task is not throttled, and with
                // killed_task_counts_as_progress (5515061d22f0) it "made progress" every time
                if (throttleNode() && !watermarkOk() && !k.killed[d]) {
                    k.dpc[d] = AllocPc.THROTTLED;
                } else if (k.killed[d] && pol.killedTaskCountsAsProgress) {
                    k.dpc[d] = AllocPc.GET_PAGE;
                } else {
                    k.dpc[d] = AllocPc.SHRINK;
                }
                k.end(TRY_TO_FREE_PAGES, actor);
                return true;
            case AllocPc.THROTTLED:
                // wait_event_killable(pgdat->pfmemalloc_wait, pfmemalloc_watermark_ok(pgdat))
                while (!(watermarkOk() || k.killed[d])) {
                    k.sleep(thread);
                }
                k.dpc[d] = k.killed[d] ? AllocPc.GET_PAGE : AllocPc.SHRINK;
                k.end(THROTTLE_WAKE, actor);
                return true;
            case AllocPc.SHRINK:
                if (reclaimOne()) {
                    k.swapLeft--;                   // swapped out over NFS, the page is free
                    k.freePages++;
                    k.dpc[d] = AllocPc.GET_PAGE;
                } else {
                    k.dpc[d] = AllocPc.OUT_OF_MEMORY;
                }
                k.end(SHRINK_ZONES, actor);
                return true;
            case AllocPc.OUT_OF_MEMORY:
                if (k.killed[d]) {
                    k.memdie[d] = true;
                } else if (k.oomVictimAlive) {
                    k.oomVictimAlive = false;
                    k.freePages += p.oomVictimPages;
                } else {
                    k.killed[d] = true;
                    k.memdie[d] = true;
                }
                k.dpc[d] = AllocPc.GET_PAGE;
                k.end(OUT_OF_MEMORY, actor);
                return true;
            case AllocPc.HOLD: {
                k.freePages++;
                int r = k.drounds[d];
                k.drounds[d] = r - 1;
                k.dpc[d] = k.killed[d] || r == 1 ? AllocPc.DONE : AllocPc.IDLE;
                k.end(FREE_PAGE, actor);
                return true;
            }
            default:
                return false;
        }
    }

    /**
     * A SIGKILL for allocator d, under k's monitor: waits until d is inside the allocator (or
     * done), then kills.
     */
    void sigkill(int d, int thread) throws InterruptedException {
        k.begin();
        while (!(AllocPc.inPageAlloc(k.dpc[d]) || k.dpc[d] == AllocPc.DONE)) {
            k.sleep(thread);
        }
        if (AllocPc.inPageAlloc(k.dpc[d]) && !k.killed[d]) {
            k.killed[d] = true;
            k.end(SEND_SIGKILL, ALLOCATOR << 8 | d);
        }
    }

    private boolean allocatorsDone() {
        for (int pc : k.dpc) {
            if (pc != AllocPc.DONE) {
                return false;
            }
        }
        return true;
    }

    /**
     * One step of kswapd, under k's monitor: sleeps until woken; false once asleep with every
     * allocator done.
     */
    boolean kswapdStep(int thread) throws InterruptedException {
        k.begin();
        while (!k.kswapdAwake && !allocatorsDone()) {
            k.sleep(thread);
        }
        if (!k.kswapdAwake) {
            return false;
        }
        if (k.freePages <= p.minWmark && reclaimOne()) {
            k.swapLeft--;
            k.freePages++;
            k.end(KSWAPD_BALANCE, NO_TASK);
        } else {
            k.kswapdAwake = false;                  // balanced, or nothing to do: sleep
            k.end(KSWAPD_SLEEP, NO_TASK);
        }
        return true;
    }
}
