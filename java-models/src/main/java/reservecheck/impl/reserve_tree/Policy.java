package reservecheck.impl.reserve_tree;

import reservecheck.models.reserve_tree.ReserveTreeParams;

/**
 * The policy hooks: each catalog bug of catalog/reserve_tree.yaml is one of these answers
 * flipped (the spec's policy constants), never a separate copy of the code.  Read once from
 * the variant's parameters.
 */
final class Policy {
    /** NeilBrown, Aug 2008: mem_reserve_connect/disconnect must move usage with pages and limit. */
    final boolean connectPropagatesUsage;
    /** Morton, Feb 2008: sk_adjust_memalloc's read, connect, add and disconnect under one lock. */
    final boolean memallocCountLocked;
    /** Morton, Feb 2008: SOCK_MEMALLOC tested and changed by test_and_set/test_and_clear_bit. */
    final boolean memallocFlagAtomic;
    /** Zupancic, Aug 2006: adjust_memalloc_reserve's read-modify-write of var_free_kbytes locked. */
    final boolean reserveAdjustLocked;
    /** Gorman, Jul 2012: reserve-backed allocations are charged (mem_reserve_charge) first. */
    final boolean perUserAccounting;
    /** seed 003 / Layton 2015: xprt->swapper counts swapfiles rather than being one bit. */
    final boolean swapperCounted;
    /** Layton 2015: SOCK_MEMALLOC set on swapper's 0->1, cleared on its 1->0 only. */
    final boolean swapperClearOnLast;
    /** 5515061d22f0 as first merged: try_to_free_pages returns 1 for any fatally signalled task. */
    final boolean killedTaskCountsAsProgress;
    /** 675becce15f3: throttle_direct_reclaim skips a node without ZONE_NORMAL. */
    final boolean throttleChecksNodeHasNormalZone;
    /** The spec's AtomicMemalloc: swapon/swapoff are each one critical section. */
    final boolean atomicMemalloc;

    Policy(ReserveTreeParams p) {
        connectPropagatesUsage = p.connectPropagatesUsage;
        memallocCountLocked = p.memallocCountLocked;
        memallocFlagAtomic = p.memallocFlagAtomic;
        reserveAdjustLocked = p.reserveAdjustLocked;
        perUserAccounting = p.perUserAccounting;
        swapperCounted = p.swapperCounted;
        swapperClearOnLast = p.swapperClearOnLast;
        killedTaskCountsAsProgress = p.killedTaskCountsAsProgress;
        throttleChecksNodeHasNormalZone = p.throttleChecksNodeHasNormalZone;
        atomicMemalloc = p.atomicMemalloc();
    }
}
