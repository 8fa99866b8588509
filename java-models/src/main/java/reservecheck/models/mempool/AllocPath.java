package reservecheck.models.mempool;

import reservecheck.models.lts.SpecActions;

/**
 * The spec's actions up to the point where mempool_alloc returns or decides to wait:
 * mempool_alloc, pool_alloc and remove_element.  Each method returns the successor of s, or
 * null when the action is not enabled for task t.
 */
final class AllocPath extends SpecActions<MempoolParams> {
    private final PageAllocator pages;

    AllocPath(MempoolParams p, PageAllocator pages) {
        super(p);
        this.pages = pages;
    }

    /** Need(t): the elements a request still needs in this call. */
    int need(MempoolState s, int t) {
        return p.bulk ? p.requestElements - s.held[t] : 1;
    }

    /**
     * Got(t, n): t obtained n elements; the request is complete, or (one element per call,
     * holding the earlier ones) the next mempool_alloc begins.
     */
    void got(MempoolState s, MempoolState.Builder next, int t, int n) {
        next.held[t] = s.held[t] + n;
        next.pc[t] = s.held[t] + n == p.requestElements ? Pc.HOLD : p.allocStart();
        next.fullMask[t] = false;
    }

    /** A task calls mempool_alloc. */
    MempoolState mempoolAlloc(MempoolState s, int t) {
        if (s.pc[t] != Pc.IDLE) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        next.pc[t] = p.allocStart();
        next.fullMask[t] = false;
        next.sawEmpty[t] = false;
        if (p.freeReadsStale) {
            // the value this CPU may still see when it frees the element (before 5b990546e334
            // mempool_free had no read barrier pairing with the allocation's write barrier)
            next.snap[t] = s.currNr;
        }
        return next.build();
    }

    /** pool->alloc(gfp, pool->pool_data): 2001 levels 1 and 2, modern steps 2 and 4. */
    MempoolState poolAlloc(MempoolState s, int t) {
        int where = s.pc[t];
        if (where != Pc.ALLOC_NOWAIT && where != Pc.ALLOC_FULL && where != Pc.ALLOC) {
            return null;
        }
        Mask m = Mask.of(p, s, t);
        int n = need(s, t);
        int onFail;
        if (where == Pc.ALLOC_NOWAIT) {
            // level 1 failed: process callers try level 2; irq callers go to the pool (level 4),
            // or, before D1, return NULL without looking at it
            if (p.isProc(t)) {
                onFail = Pc.ALLOC_FULL;
            } else {
                onFail = p.atomicSkipsPool ? Pc.GOT_NULL : Pc.REMOVE_ELEMENT;
            }
        } else {
            onFail = Pc.REMOVE_ELEMENT;
        }
        MempoolState.Builder next = s.edit();
        if (where == Pc.ALLOC_FULL && !(s.currNr <= p.minNr / 2)) {
            // level 2 is tried only when the pool is no more than half full
            next.pc[t] = Pc.REMOVE_ELEMENT;
        } else if (pages.pagesAvailable(s, t, m, n)) {
            pages.takePages(s, next, m, n);
            got(s, next, t, n);
        } else if (pages.startsWriteback(s, t, m)) {
            next.currNr = s.currNr - 1;
            next.dirtyPages = s.dirtyPages - 1;
            next.plugged[t] = 1;
            next.pc[t] = onFail;
        } else {
            next.pc[t] = onFail;
        }
        return next.build();
    }

    /** Lock the pool; take elements if there are enough; otherwise the failure path. */
    MempoolState removeElement(MempoolState s, int t) {
        if (s.pc[t] != Pc.REMOVE_ELEMENT) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        int n = need(s, t);
        if (s.currNr >= n && s.currNr > 0) {
            if (p.currNrTestUnlocked) {
                // the fault: the test is not under the lock, so another task may take the
                // element between it and the removal (removeUnlocked)
                next.pc[t] = Pc.REMOVE_UNLOCKED;
                return next.build();
            }
            next.currNr = s.currNr - n;
            got(s, next, t, n);
            return next.build();
        }
        // AtomicNullOnlyIfEmpty is about this: the irq caller saw the pool short under the lock
        next.sawEmpty[t] = p.isIrq(t);
        if (p.isIrq(t)) {
            // no __GFP_DIRECT_RECLAIM: an atomic caller gets NULL
            next.pc[t] = Pc.GOT_NULL;
        } else if (p.is2001()) {
            // level 6, or before D2 straight to level 7 (run_task_queue comes after it)
            next.pc[t] = p.tqDiskUninterruptible ? Pc.ADD_WAIT_QUEUE : Pc.RUN_TASK_QUEUE;
        } else if (!s.fullMask[t] && p.firstRoundFullMask) {
            // unlock and retry the allocator with the caller's full mask (Tejun, 2012)
            next.fullMask[t] = true;
            next.pc[t] = Pc.ALLOC;
        } else {
            // prepare_to_wait while still holding the lock: a free cannot slip between the
            // empty check and joining the queue (no lost wake-up)
            next.waitq = WaitQueue.append(s.waitq, t);
            next.tstate[t] = TaskState.UNINTERRUPTIBLE;
            next.pc[t] = Pc.IO_SCHEDULE;
        }
        return next.build();
    }

    /**
     * curr_nr_test_unlocked: the removal after an unlocked test of curr_nr, without testing
     * again, so two tasks that both saw the last element both remove it.
     */
    MempoolState removeUnlocked(MempoolState s, int t) {
        if (s.pc[t] != Pc.REMOVE_UNLOCKED) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        int n = need(s, t);
        next.currNr = s.currNr - n;
        got(s, next, t, n);
        return next.build();
    }
}
