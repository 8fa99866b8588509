package reservecheck.impl.mempool;

import reservecheck.models.mempool.Pc;
import reservecheck.models.mempool.TaskState;

/**
 * mempool_alloc as Ingo Molnar's mempool-2.5.1 writes it, with the D0, D1 and D2 fixes (seed
 * 002): the five levels, then run_task_queue(&tq_disk) and the exclusive FIFO sleep.  Its steps
 * are sections on the pool's monitor, as in Mempool, so moving them here changes no
 * interleaving.
 */
final class Alloc2001 {
    private final Mempool pool;

    Alloc2001(Mempool pool) {
        this.pool = pool;
    }

    /**
     * The 2001 mempool_alloc (Ingo Molnar, mempool-2.5.1 with D0, D1, D2), "five levels":
     * gfp_nowait, the full mask if the pool is at most half full, the pool, NULL for atomic
     * callers, then run_task_queue(&tq_disk) and an exclusive FIFO sleep.
     */
    int mempoolAlloc2001(Task t, Trace tr) throws InterruptedException {
        while (true) {
            // repeat_alloc, level 1: element = pool->alloc(gfp_nowait, pool->pool_data)
            pool.jitter(t);
            synchronized (pool) {
                pool.awaitTurn(t);
                int n = pool.need(tr);
                if (pool.pages.allocPages(t, pool.policy.gfpNowait(t.gfpMask), n, tr)) {
                    return pool.got(t, n, Action.POOL_ALLOC, tr);
                }
                if (!t.irq) {
                    pool.setPc(t, Pc.ALLOC_FULL, tr);
                } else if (pool.policy.atomicSkipsPool()) {
                    // before D1: "we must not sleep in the GFP_ATOMIC case" came before level 4
                    pool.setPc(t, Pc.GOT_NULL, tr);
                    pool.endStep(Action.POOL_ALLOC, t, tr);
                    return Mempool.GOT_NULL;
                } else {
                    pool.setPc(t, Pc.REMOVE_ELEMENT, tr);
                }
                pool.endStep(Action.POOL_ALLOC, t, tr);
            }
            if (!t.irq) {
                // level 2, (gfp_mask != gfp_nowait): if the pool is less than 50% full try
                // harder with the caller's own mask
                pool.jitter(t);
                synchronized (pool) {
                    pool.awaitTurn(t);
                    if (pool.currNr <= pool.policy.minNr / 2) {
                        int n = pool.need(tr);
                        if (pool.pages.allocPages(t, t.gfpMask, n, tr)) {
                            return pool.got(t, n, Action.POOL_ALLOC, tr);
                        }
                    }
                    pool.setPc(t, Pc.REMOVE_ELEMENT, tr);
                    pool.endStep(Action.POOL_ALLOC, t, tr);
                }
            }
            // level 3, wakeup_bdflush(): kicks writeback the model does not track
            pool.jitter(t);
            int taken;
            removal:
            synchronized (pool) {
                pool.awaitTurn(t);
                // level 4: spin_lock_irqsave; if (likely(pool->curr_nr)) remove_element
                int n = pool.need(tr);
                taken = pool.removeElement(t, n, tr);
                if (taken != Mempool.POOL_SHORT) {
                    break removal;   // the elements are taken, or the lock fault tested without the lock
                }
                pool.setSawEmpty(t, t.irq, tr);
                if (t.irq) {
                    // level 5: we must not sleep in the GFP_ATOMIC case
                    pool.setPc(t, Pc.GOT_NULL, tr);
                    pool.endStep(Action.REMOVE_ELEMENT, t, tr);
                    return Mempool.GOT_NULL;
                }
                pool.setPc(t, pool.policy.tqDiskUninterruptible() ? Pc.ADD_WAIT_QUEUE : Pc.RUN_TASK_QUEUE, tr);
                pool.endStep(Action.REMOVE_ELEMENT, t, tr);
            }
            if (taken == Mempool.TESTED_UNLOCKED) {
                return pool.removeUnlocked(t, tr);
            }
            if (taken != Mempool.POOL_SHORT) {
                return taken;
            }
            if (!pool.policy.tqDiskUninterruptible()) {
                pool.jitter(t);
                synchronized (pool) {
                    pool.awaitTurn(t);
                    // level 6: run_task_queue(&tq_disk) while still TASK_RUNNING (the D2 fix):
                    // a sleep nested in the IO path cannot overwrite a wake-up yet
                    pool.setPc(t, Pc.ADD_WAIT_QUEUE, tr);
                    pool.endStep(Action.RUN_TASK_QUEUE, t, tr);
                }
                pool.jitter(t);
                synchronized (pool) {
                    pool.awaitTurn(t);
                    // level 7: add_wait_queue_exclusive; set_task_state(TASK_UNINTERRUPTIBLE);
                    // lock; curr_nr = pool->curr_nr; unlock.  Joining before the read is what
                    // makes a free that comes after the read wake us.
                    pool.waitqAppend(t, tr);
                    pool.setTstate(t, TaskState.UNINTERRUPTIBLE, tr);
                    if (pool.currNr != 0) {
                        // no schedule(): current->state = TASK_RUNNING; remove_wait_queue
                        pool.setTstate(t, TaskState.RUNNING, tr);
                        pool.waitqRemove(t, tr);
                        pool.setPc(t, Pc.ALLOC_NOWAIT, tr);
                        pool.endStep(Action.ADD_WAIT_QUEUE, t, tr);
                        continue;
                    }
                    pool.setPc(t, Pc.SCHEDULE, tr);
                    pool.endStep(Action.ADD_WAIT_QUEUE, t, tr);
                    schedule2001(t, tr);
                }
            } else {
                pool.jitter(t);
                synchronized (pool) {
                    pool.awaitTurn(t);
                    // before D2: join the queue, TASK_UNINTERRUPTIBLE, read curr_nr ...
                    pool.waitqAppend(t, tr);
                    pool.setTstate(t, TaskState.UNINTERRUPTIBLE, tr);
                    pool.setSnap(t, pool.currNr, tr);
                    pool.setPc(t, Pc.RUN_TASK_QUEUE, tr);
                    pool.endStep(Action.ADD_WAIT_QUEUE, t, tr);
                }
                pool.jitter(t);
                synchronized (pool) {
                    pool.awaitTurn(t);
                    // ... and only then run_task_queue(&tq_disk).  A sleep nested in it sets
                    // TASK_UNINTERRUPTIBLE again, overwriting the TASK_RUNNING of a wake-up that
                    // arrived since we joined the queue; then schedule() acts on the old read.
                    if (tr.snap == 0) {
                        pool.setTstate(t, TaskState.UNINTERRUPTIBLE, tr);
                        pool.setPc(t, Pc.SCHEDULE, tr);
                        pool.endStep(Action.RUN_TASK_QUEUE, t, tr);
                        schedule2001(t, tr);
                    } else {
                        pool.setTstate(t, TaskState.RUNNING, tr);
                        pool.waitqRemove(t, tr);
                        pool.setPc(t, Pc.ALLOC_NOWAIT, tr);
                        pool.endStep(Action.RUN_TASK_QUEUE, t, tr);
                    }
                }
            }
        }
    }

    /**
     * 2001: schedule() returns once a wake-up made us TASK_RUNNING; remove_wait_queue, and
     * back to level 1.  Called holding the monitor.
     */
    private void schedule2001(Task t, Trace tr) throws InterruptedException {
        pool.sleep(t, false);
        pool.waitqRemove(t, tr);
        pool.setPc(t, Pc.ALLOC_NOWAIT, tr);
        pool.endStep(Action.SCHEDULE, t, tr);
    }
}
