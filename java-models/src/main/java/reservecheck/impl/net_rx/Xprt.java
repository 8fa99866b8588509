package reservecheck.impl.net_rx;

import reservecheck.models.net_rx.NetRxParams;

/**
 * The swap-out over the transport, after mm/page_io.c and net/sunrpc/xprt.c: swap_writepage
 * sends a page over the SOCK_MEMALLOC socket (the peer answers it with a reply), the transport's
 * receive takes the reply off the socket (xprt_complete_rqst), and end_page_writeback frees the
 * written page: the pressure ends.  No state of its own.
 */
final class Xprt {
    private final NetRxKernel k;
    private final NetRxParams p;

    Xprt(NetRxKernel k) {
        this.k = k;
        this.p = k.p;
    }

    /**
     * A page left to write and none in flight; with writeback_uses_rx_reserve the writeback's
     * PF_MEMALLOC reclaim takes a page from the reserve the receive path needs, so it also needs
     * one left there (Piggin 2007: reclaim_drains_atomic_reserve).
     */
    boolean canWritepage() {
        return k.swapState == NetRxKernel.IDLE && k.swapped < p.swapouts
                && !(p.writebackUsesRxReserve && k.reserveUsed + k.wbReserve >= p.reserveSkbs);
    }

    void swapWritepage() {
        k.wbReserve = p.writebackUsesRxReserve ? 1 : 0;
        k.peer.send(0);
        k.swapState = NetRxKernel.SENT;
    }

    /** The reply is on the memalloc socket while the task waits for it. */
    boolean canCompleteRqst() {
        return k.swapState == NetRxKernel.SENT && k.queueLength[0] > 0;
    }

    /** The RPC completes: the reply taken off the socket and freed. */
    void xprtCompleteRqst() {
        k.skbuff.kfreeSkb(k.dequeue(0));
        k.swapState = NetRxKernel.REPLIED;
    }

    /** The written page is free memory; the writeback's reserve page, if any, is given back. */
    void endPageWriteback() {
        k.free++;
        k.wbReserve = 0;
        k.swapped++;
        k.swapState = NetRxKernel.IDLE;
    }
}
