package reservecheck.impl.mempool;

import reservecheck.models.mempool.MempoolParams;

/**
 * The policy hooks of the implementation: every catalog entry, design or historical bug, is a
 * setting of the spec's policy constants (catalog/mempool.yaml), and the pool code asks these
 * hooks at the one place where the kernel versions differed.  There is no copied pool class
 * per bug: the same mempool_alloc/mempool_free run every variant.
 */
final class Policy {
    final boolean design2001;
    final int minNr;
    final int requestElements;
    final boolean bulk;
    private final boolean gfpNowaitKeepsIo;
    private final boolean atomicSkipsPool;
    private final boolean tqDiskUninterruptible;
    private final boolean freeReadsStale;
    private final boolean firstRoundFullMask;
    private final boolean poolWaitTimeout;
    private final boolean nomemallocOnlyIfFree;
    private final boolean zeroMinRefill;
    /** The wake_up fault: only the first sleeper wakes (also in the modern design). */
    final boolean wakeFirstOnly;
    /** The wake_up fault: mempool_free wakes nobody. */
    final boolean wakeNobody;
    /** The lock fault: curr_nr tested without the pool lock, the element removed a step later. */
    final boolean currNrTestUnlocked;

    Policy(MempoolParams p) {
        design2001 = p.is2001();
        minNr = p.minNr;
        requestElements = p.requestElements;
        bulk = p.bulk;
        gfpNowaitKeepsIo = p.gfpNowaitKeepsIo;
        atomicSkipsPool = p.atomicSkipsPool;
        tqDiskUninterruptible = p.tqDiskUninterruptible;
        freeReadsStale = p.freeReadsStale;
        firstRoundFullMask = p.firstRoundFullMask;
        poolWaitTimeout = p.poolWaitTimeout;
        nomemallocOnlyIfFree = p.nomemallocOnlyIfFree;
        zeroMinRefill = p.zeroMinRefill;
        wakeFirstOnly = MempoolParams.WAKE_FIRST_WAITER.equals(p.wakeUp);
        wakeNobody = MempoolParams.WAKE_NOBODY.equals(p.wakeUp);
        currNrTestUnlocked = p.currNrTestUnlocked;
    }

    /**
     * 2001 level 1: gfp_nowait = gfp_mask & ~(__GFP_WAIT | __GFP_IO).  Before mempool-2.5.1-D0
     * only __GFP_WAIT was cleared, so the "atomic" first try could start writeback whose bio
     * comes from this same pool (gfp_nowait_keeps_io).
     */
    int gfpNowait(int gfpMask) {
        int cleared = gfpNowaitKeepsIo ? Gfp.DIRECT_RECLAIM : Gfp.DIRECT_RECLAIM | Gfp.IO;
        return gfpMask & ~cleared;
    }

    /** 2001 before D1: an irq-context caller returned NULL without looking at the pool. */
    boolean atomicSkipsPool() {
        return atomicSkipsPool;
    }

    /**
     * 2001 before D2: run_task_queue(&tq_disk) ran after set_task_state(TASK_UNINTERRUPTIBLE),
     * and a sleep nested in it overwrote the pool's wake-up.
     */
    boolean tqDiskUninterruptible() {
        return tqDiskUninterruptible;
    }

    /**
     * Before 5b990546e334 mempool_free had no smp_rmb pairing with the allocation's smp_wmb: it
     * could decide on the curr_nr this CPU saw before its own allocation (the task's snap).
     */
    int currNrSeenByFree(int snap, int currNr) {
        return freeReadsStale ? snap : currNr;
    }

    /** Whether mempool_alloc records the curr_nr a stale mempool_free will see. */
    boolean freeReadsStale() {
        return freeReadsStale;
    }

    /**
     * Tejun Heo, Jan 2012: if the first round (without DIRECT_RECLAIM and IO) failed and the
     * pool is empty, retry with the caller's full mask before sleeping.
     */
    boolean firstRoundFullMask() {
        return firstRoundFullMask;
    }

    /** 0b1d647a02c5: the sleep on pool->wait is io_schedule_timeout(5*HZ), not io_schedule(). */
    boolean poolWaitTimeout() {
        return poolWaitTimeout;
    }

    /**
     * __GFP_NOMEMALLOC on the page allocator call: always, except with f9054c70d28b (reverted
     * by 4e390b2b2f34), which set it only while the pool had free elements, so PF_MEMALLOC
     * users of an empty pool drained the emergency reserve.
     */
    boolean noMemalloc(int currNr) {
        return !(nomemallocOnlyIfFree && currNr == 0);
    }

    /**
     * a5867a218d7c (2025): mempool_init preallocates max(1, min_nr), and mempool_free refills
     * an empty zero-minimum pool and wakes its waiters.  Without it a min_nr = 0 pool never
     * holds an element, and frees never wake anybody.
     */
    boolean zeroMinRefill() {
        return zeroMinRefill;
    }

    /** The elements mempool_init preallocates (the spec's PoolCapacity). */
    int preallocated() {
        return zeroMinRefill && minNr == 0 ? 1 : minNr;
    }
}
