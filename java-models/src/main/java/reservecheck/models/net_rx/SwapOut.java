package reservecheck.models.net_rx;

import reservecheck.models.lts.SpecActions;

/** The swap-out task's actions of NetRx.tla: swap_writepage, xprt_complete_rqst, end_page_writeback. */
final class SwapOut extends SpecActions<NetRxParams> {
    SwapOut(NetRxParams p) {
        super(p);
    }

    /** A page written over the memalloc socket; the peer's reply goes on the wire. */
    NetRxState swapWritepage(NetRxState s) {
        if (s.swapState != NetRxState.IDLE || s.swapped >= p.swapouts
                || p.writebackUsesRxReserve && s.reserveUsed + s.wbReserve >= p.reserveSkbs) {
            return null;
        }
        NetRxState.Builder b = s.builder();
        b.wbReserve = p.writebackUsesRxReserve ? 1 : 0;
        b.wire = NetRxState.append(s.wire, 0);
        b.swapState = NetRxState.SENT;
        return b.build();
    }

    /** The reply taken off the memalloc socket: the RPC completes, the skb is freed. */
    NetRxState xprtCompleteRqst(NetRxState s) {
        if (s.swapState != NetRxState.SENT || s.queue[0].length == 0) {
            return null;
        }
        NetRxState.Builder b = s.builder();
        Receive.freeSkb(p, s, b, s.queue[0][0]);
        b.setQueue(0, NetRxState.tail(s.queue[0]));
        b.swapState = NetRxState.REPLIED;
        return b.build();
    }

    /** The written page is free memory. */
    NetRxState endPageWriteback(NetRxState s) {
        if (s.swapState != NetRxState.REPLIED) {
            return null;
        }
        NetRxState.Builder b = s.builder();
        b.free = s.free + 1;
        b.wbReserve = 0;
        b.swapped = s.swapped + 1;
        b.swapState = NetRxState.IDLE;
        return b.build();
    }
}
