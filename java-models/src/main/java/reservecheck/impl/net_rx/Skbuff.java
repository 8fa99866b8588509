package reservecheck.impl.net_rx;

import reservecheck.models.net_rx.NetRxParams;

/**
 * net/core/skbuff.c with the page allocator calls it makes: __netdev_alloc_skb (the driver's rx
 * ring refill through page_frag_alloc), __skb_clone and kfree_skb.  Keeps no state: it reads and
 * writes the kernel's fields, holding its monitor (see {@link NetRxKernel}).
 */
final class Skbuff {
    private final NetRxKernel k;
    private final NetRxParams p;

    Skbuff(NetRxKernel k) {
        this.k = k;
        this.p = k.p;
    }

    /**
     * gfp_pfmemalloc_allowed for the driver's __GFP_MEMALLOC retry: the retry exists (rx_reserve),
     * sk_memalloc_socks() is true, and the reserve still has a page for it (ReserveWithinBound:
     * the writeback's reserve page counts too).
     */
    boolean reserveAllowed() {
        return p.rxReserve && k.memallocSocks > 0 && k.reserveUsed + k.wbReserve < p.reserveSkbs;
    }

    /**
     * __netdev_alloc_skb(dev, len, GFP_ATOMIC): normal memory first; when that fails and the
     * reserve is allowed, __GFP_MEMALLOC from the emergency reserve, the skb marked pfmemalloc
     * (skb->pfmemalloc = page_is_pfmemalloc(page)).  Null, with nothing changed, when both fail.
     * page_frag_alloc's cache remembers that its page came from the reserve; with
     * sticky_pfmemalloc_cache it serves that page again while the reserve is allowed, although
     * normal memory is back (Dongli Zhang, 2020).  With pfmemalloc_aliases_index,
     * page_is_pfmemalloc reads page->index, which is never 0: every page looks pfmemalloc
     * (2f064f3485cd).
     */
    Skb netdevAllocSkb() {
        boolean reserve = reserveAllowed();
        boolean fromCache = p.stickyPfmemallocCache && k.cachePfm && reserve;
        boolean normal = k.free > 0 && !fromCache;
        if (!normal && !reserve) {
            return null;
        }
        if (normal) {
            k.free--;
        } else {
            k.reserveUsed++;
        }
        k.cachePfm = p.stickyPfmemallocCache && !normal;
        return new Skb(!normal, !normal || p.pfmemallocAliasesIndex, -1);
    }

    /**
     * __skb_clone: the clone the stack goes on with, for socket {@code dst}; it shares the
     * original's page (fromReserve) and copies the pfmemalloc mark, unless
     * clone_keeps_pfmemalloc is off (the flag_propagation bug: the mark is lost).
     */
    Skb skbClone(Skb skb, boolean marked, int dst) {
        return new Skb(skb.fromReserve, marked && p.cloneKeepsPfmemalloc, dst);
    }

    /**
     * kfree_skb: a normal page is free memory again, a reserve page goes back to the reserve.
     * The reserve's count drops for a reserve skb only, or, with Phillips' per-device counter
     * (reserve_counter: any_packet), for any packet freed (dev->rx_reserve_used--).
     */
    void kfreeSkb(Skb skb) {
        if (!skb.fromReserve) {
            k.free++;
        }
        if ((skb.fromReserve || p.counterAnyPacket) && k.reserveUsed > 0) {
            k.reserveUsed--;
        }
    }
}
