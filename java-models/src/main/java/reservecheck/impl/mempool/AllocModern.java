package reservecheck.impl.mempool;

import reservecheck.models.mempool.Pc;
import reservecheck.models.mempool.TaskState;

/**
 * mempool_alloc as Linux 4.x-6.x writes it (mm/mempool.c): the first round without
 * DIRECT_RECLAIM and IO, the pool, the full-mask retry, NULL for callers that may not sleep,
 * prepare_to_wait under the pool lock and io_schedule_timeout.  Its steps are sections on the
 * pool's monitor (the pool lock and the step monitor are the same object, as in Mempool), so
 * moving them here changes no interleaving.
 */
final class AllocModern {
    private final Mempool pool;

    AllocModern(Mempool pool) {
        this.pool = pool;
    }

    /**
     * The modern mempool_alloc (Linux 4.x-6.x): a first round without DIRECT_RECLAIM and IO,
     * the pool, a retry with the full mask, NULL for callers that may not sleep, then
     * prepare_to_wait under the lock and io_schedule_timeout(5*HZ).
     */
    int mempoolAllocModern(Task t, Trace tr) throws InterruptedException {
        while (true) {
            // repeat_alloc: element = pool->alloc(gfp_temp, pool->pool_data)
            pool.jitter(t);
            synchronized (pool) {
                pool.awaitTurn(t);
                int n = pool.need(tr);
                if (pool.pages.allocPages(t, gfpTemp(t, tr), n, tr)) {
                    return pool.got(t, n, Action.POOL_ALLOC, tr);
                }
                pool.setPc(t, Pc.REMOVE_ELEMENT, tr);
                pool.endStep(Action.POOL_ALLOC, t, tr);
            }
            pool.jitter(t);
            int taken;
            removal:
            synchronized (pool) {
                pool.awaitTurn(t);
                // spin_lock_irqsave(&pool->lock, flags)
                int n = pool.need(tr);
                taken = pool.removeElement(t, n, tr);
                if (taken != Mempool.POOL_SHORT) {
                    break removal;   // the elements are taken, or the lock fault tested without the lock
                }
                pool.setSawEmpty(t, t.irq, tr);
                if (pool.policy.firstRoundFullMask() && firstRoundReduced(t, tr)) {
                    // gfp_temp != gfp_mask: unlock, gfp_temp = gfp_mask, goto repeat_alloc
                    pool.setFullMask(t, true, tr);
                    pool.setPc(t, Pc.ALLOC, tr);
                    pool.endStep(Action.REMOVE_ELEMENT, t, tr);
                    continue;
                }
                if (!Gfp.has(t.gfpMask, Gfp.DIRECT_RECLAIM)) {
                    // we must not sleep if !__GFP_DIRECT_RECLAIM: unlock, return NULL
                    pool.setPc(t, Pc.GOT_NULL, tr);
                    pool.endStep(Action.REMOVE_ELEMENT, t, tr);
                    return Mempool.GOT_NULL;
                }
                // prepare_to_wait(&pool->wait, &wait, TASK_UNINTERRUPTIBLE) while still holding
                // the lock, so a mempool_free cannot slip between the empty check and joining
                // the queue: that ordering is what prevents the lost wake-up
                pool.waitqAppend(t, tr);
                pool.setTstate(t, TaskState.UNINTERRUPTIBLE, tr);
                pool.setPc(t, Pc.IO_SCHEDULE, tr);
                pool.endStep(Action.REMOVE_ELEMENT, t, tr);
                // spin_unlock_irqrestore; io_schedule_timeout(5*HZ) (wait releases the monitor)
                if (pool.sleep(t, pool.timedSleep())) {
                    // woken by mempool_free: finish_wait(&pool->wait, &wait); goto repeat_alloc
                    pool.waitqRemove(t, tr);
                    pool.setFullMask(t, true, tr);
                    pool.setPc(t, Pc.ALLOC, tr);
                    pool.endStep(Action.FINISH_WAIT, t, tr);
                } else {
                    // the 5 s passed without a wake-up: finish_wait sets TASK_RUNNING itself
                    pool.waitqRemove(t, tr);
                    pool.setTstate(t, TaskState.RUNNING, tr);
                    pool.setFullMask(t, true, tr);
                    pool.setPc(t, Pc.ALLOC, tr);
                    pool.endStep(Action.IO_SCHEDULE_TIMEOUT, t, tr);
                }
            }
            if (taken == Mempool.TESTED_UNLOCKED) {
                return pool.removeUnlocked(t, tr);
            }
            if (taken != Mempool.POOL_SHORT) {
                return taken;
            }
        }
    }


    /**
     * The modern gfp_temp: the caller's mask with __GFP_NOMEMALLOC (per the policy) and, in the
     * first round, without DIRECT_RECLAIM and IO.
     */
    private int gfpTemp(Task t, Trace tr) {
        int gfp = t.gfpMask;
        if (pool.policy.noMemalloc(pool.currNr)) {
            gfp |= Gfp.NOMEMALLOC;
        }
        if (!tr.fullMask) {
            gfp &= ~(Gfp.DIRECT_RECLAIM | Gfp.IO);
        }
        return gfp;
    }

    /** gfp_temp != gfp_mask: this call still runs with the reduced first-round mask. */
    private boolean firstRoundReduced(Task t, Trace tr) {
        return !tr.fullMask && (t.gfpMask & (Gfp.DIRECT_RECLAIM | Gfp.IO)) != 0;
    }
}
