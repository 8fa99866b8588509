package reservecheck.models.mempool;

import reservecheck.models.lts.SpecActions;

/**
 * The spec's actions after mempool_alloc returned: mempool_free, bio_endio and return_null.
 * Each method returns the successor of s, or null when the action is not enabled for task t.
 */
final class FreePath extends SpecActions<MempoolParams> {
    FreePath(MempoolParams p) {
        super(p);
    }

    /**
     * ReturnElement(seen): the element goes back to the pool if the pool is short (and wakes
     * waiters), else to the page allocator.  The unlocked read "seen" is re-tested under the
     * lock, so the decision is the one the current curr_nr gives, unless free_reads_stale
     * passes a value from before the task's own allocation (5b990546e334): then the element
     * goes to the allocator although the pool is short, and Conservation fails.
     */
    void returnElement(MempoolState s, MempoolState.Builder next, int seen) {
        int cap = p.poolCapacity();
        if (seen < cap && s.currNr < cap) {
            next.currNr = s.currNr + 1;
            next.tstate = WaitQueue.wakeUp(p, s.waitq, s.tstate);
        } else {
            next.freePages = s.freePages + 1;
        }
    }

    /** The user gives one element back. */
    MempoolState mempoolFree(MempoolState s, int t) {
        if (s.pc[t] != Pc.HOLD || s.plugged[t] != 0) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        returnElement(s, next, p.freeReadsStale ? s.snap[t] : s.currNr);
        next.held[t] = s.held[t] - 1;
        if (s.held[t] == 1) {
            // the request's last element: the request is over
            next.roundsLeft[t] = s.roundsLeft[t] - 1;
            next.pc[t] = s.roundsLeft[t] == 1 ? Pc.DONE : Pc.IDLE;
        }
        return next.build();
    }

    /**
     * gfp_nowait_keeps_io: once mempool_alloc has returned, the plugged writeback bio is
     * submitted and completes: its element goes back, and the page is clean.
     */
    MempoolState bioEndio(MempoolState s, int t) {
        if (s.pc[t] != Pc.HOLD || s.plugged[t] <= 0) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        returnElement(s, next, s.currNr);
        next.plugged[t] = 0;
        next.cleanPages = s.cleanPages + 1;
        return next.build();
    }

    /** The irq caller copes with NULL and goes on. */
    MempoolState returnNull(MempoolState s, int t) {
        if (s.pc[t] != Pc.GOT_NULL) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        next.roundsLeft[t] = s.roundsLeft[t] - 1;
        next.pc[t] = s.roundsLeft[t] == 1 ? Pc.DONE : Pc.IDLE;
        return next.build();
    }
}
