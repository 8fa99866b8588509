package reservecheck.models.net_rx;

import reservecheck.models.lts.SpecActions;

/**
 * The receive path's actions of NetRx.tla: the driver's __netdev_alloc_skb, the softirq's
 * __netif_receive_skb and sk_filter_trim_cap, the ordinary readers' sock_recvmsg.  Each
 * returns the successor, or null when the action is not enabled.
 */
final class Receive extends SpecActions<NetRxParams> {
    Receive(NetRxParams p) {
        super(p);
    }

    /** CanReserve: __GFP_MEMALLOC allowed and a reserve page left. */
    boolean canReserve(NetRxState s) {
        return p.rxReserve && s.reserveUsed + s.wbReserve < p.reserveSkbs;
    }

    /** Charged(s, k): every queued skb but a pfmemalloc one past rmem on the memalloc socket. */
    boolean charged(int sock, int skb) {
        return !(sock == 0 && (skb & NetRxState.PFM) != 0 && p.memallocBypassesRmem);
    }

    int rmem(NetRxState s) {
        int n = 0;
        for (int sock = 0; sock < s.queue.length; sock++) {
            for (int k : s.queue[sock]) {
                if (charged(sock, k)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** FreeSkb(k): a normal page is free memory again, a reserve page the reserve's. */
    static void freeSkb(NetRxParams p, NetRxState s, NetRxState.Builder b, int skb) {
        boolean res = (skb & NetRxState.RES) != 0;
        b.free = res ? s.free : s.free + 1;
        b.reserveUsed = (res || p.counterAnyPacket) && s.reserveUsed > 0 ? s.reserveUsed - 1 : s.reserveUsed;
    }

    /** GFP_ATOMIC first, then __GFP_MEMALLOC; a sticky cache keeps its pfmemalloc page. */
    NetRxState netdevAllocSkb(NetRxState s) {
        if (s.ring.length >= p.ringSlots) {
            return null;
        }
        boolean reserve = canReserve(s);
        boolean fromCache = p.stickyPfmemallocCache && s.cachePfm && reserve;
        boolean normal = s.free > 0 && !fromCache;
        if (!normal && !reserve) {
            return null;
        }
        NetRxState.Builder b = s.builder();
        int skb = (!normal || p.pfmemallocAliasesIndex ? NetRxState.PFM : 0) | (normal ? 0 : NetRxState.RES);
        b.ring = NetRxState.append(s.ring, skb);
        b.free = normal ? s.free - 1 : s.free;
        b.reserveUsed = normal ? s.reserveUsed : s.reserveUsed + 1;
        b.cachePfm = p.stickyPfmemallocCache && !normal;
        return b.build();
    }

    /** The wire's head lands in the ring's first skb; PF_MEMALLOC set for a marked one. */
    NetRxState netifReceiveSkb(NetRxState s) {
        if (s.cur != NetRxState.NO_SKB || s.wire.length == 0 || s.ring.length == 0) {
            return null;
        }
        int k = s.ring[0];
        boolean marked = p.markedAtArrival ? s.free == 0 : (k & NetRxState.PFM) != 0;
        NetRxState.Builder b = s.builder();
        b.cur = s.wire[0] * 4 + (marked && p.cloneKeepsPfmemalloc ? NetRxState.PFM : 0) + (k & NetRxState.RES);
        b.pfMemalloc = s.pfMemalloc || marked;
        b.wire = NetRxState.tail(s.wire);
        b.ring = NetRxState.tail(s.ring);
        return b.build();
    }

    /** Drop (sent again by the peer) or queue; PF_MEMALLOC's scope ends either way. */
    NetRxState skFilterTrimCap(NetRxState s) {
        if (s.cur == NetRxState.NO_SKB) {
            return null;
        }
        int sock = NetRxState.curDst(s.cur);
        int k = NetRxState.curSkb(s.cur);
        boolean drop = (k & NetRxState.PFM) != 0 && p.dropsForMemalloc(sock)
                || charged(sock, k) && rmem(s) >= p.rmemLimit;
        NetRxState.Builder b = s.builder();
        if (drop) {
            freeSkb(p, s, b, k);
            b.wire = NetRxState.append(s.wire, sock);
            b.pfMemalloc = s.pfMemalloc && !p.restoreOnDrop;
        } else {
            b.setQueue(sock, NetRxState.append(s.queue[sock], k));
            b.pfMemalloc = false;
        }
        b.cur = NetRxState.NO_SKB;
        return b.build();
    }

    /** An ordinary reader, throttled while a swap-out is in flight. */
    NetRxState sockRecvmsg(NetRxState s, int sock) {
        if (s.swapState != NetRxState.IDLE || s.queue[sock].length == 0) {
            return null;
        }
        NetRxState.Builder b = s.builder();
        freeSkb(p, s, b, s.queue[sock][0]);
        b.setQueue(sock, NetRxState.tail(s.queue[sock]));
        return b.build();
    }
}
