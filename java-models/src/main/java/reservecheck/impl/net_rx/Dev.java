package reservecheck.impl.net_rx;

import reservecheck.models.net_rx.NetRxParams;

/**
 * net/core/dev.c: __netif_receive_skb.  The packet at the wire's head lands in the ring's first
 * skb; a pfmemalloc skb is processed with PF_MEMALLOC set (memalloc_noreclaim_save, so that
 * what the stack allocates for it may use the reserve too).  skb_pfmemalloc_protocol passes IP
 * for TCP and UDP alike, so the drop of a reserve skb for an ordinary socket is the socket
 * layer's ({@link Sock#skFilterTrimCap}).  No state of its own.
 */
final class Dev {
    private final NetRxKernel k;
    private final NetRxParams p;

    Dev(NetRxKernel k) {
        this.k = k;
        this.p = k.p;
    }

    /** Enabled: the softirq holds no skb, a packet is on the wire and the ring has an skb for it. */
    boolean canReceive() {
        return k.cur == null && k.peer.pending() && k.ringLength > 0;
    }

    /**
     * The mark the stack goes on with is the allocation's; with pfmemalloc_marked_at: arrival
     * (Josefsson's objection to marking at arrival) it is whether memory is short when the packet
     * lands, whatever page the skb has.  The clone the stack processes copies it ({@link Skbuff#skbClone}).
     */
    void netifReceiveSkb() {
        Skb skb = k.ringTake();
        int dst = k.peer.take();
        boolean marked = p.markedAtArrival ? k.free == 0 : skb.pfmemalloc;
        k.cur = k.skbuff.skbClone(skb, marked, dst);
        if (marked) {
            // memalloc_noreclaim_save: the softirq's task may dip into the reserve for this skb
            k.pfMemalloc = true;
        }
    }
}
