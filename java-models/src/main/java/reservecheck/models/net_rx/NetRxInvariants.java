package reservecheck.models.net_rx;

import reservecheck.models.lts.Invariant;
import reservecheck.models.lts.SpecInvariants;

/** The spec's invariants (PROTOCOLS.md section 3), under the spec's names. */
final class NetRxInvariants extends SpecInvariants<NetRxState, NetRxParams> {
    NetRxInvariants(NetRxParams p) {
        super("NetRx.tla", p);
        add("TypeOK", new Invariant<NetRxState>() {
            @Override
            public boolean holds(NetRxState s) {
                return s.ring.length <= p.ringSlots && s.free >= 0 && s.free <= p.maxPages()
                        && s.reserveUsed >= 0 && s.reserveUsed <= p.reserveSkbs + 1
                        && s.wbReserve >= 0 && s.wbReserve <= 1 && s.swapped >= 0 && s.swapped <= p.swapouts;
            }
        });
        add("NoReserveSkbOnOrdinarySocket", new Invariant<NetRxState>() {
            /** A reserve skb is never queued to a socket without SOCK_MEMALLOC. */
            @Override
            public boolean holds(NetRxState s) {
                for (int sock = 1; sock < s.queue.length; sock++) {
                    for (int k : s.queue[sock]) {
                        if ((k & NetRxState.RES) != 0) {
                            return false;
                        }
                    }
                }
                return true;
            }
        });
        add("PfmemallocIffReserve", new Invariant<NetRxState>() {
            /** pfmemalloc iff the skb's page came from the reserve, wherever the skb is. */
            @Override
            public boolean holds(NetRxState s) {
                if (s.cur != NetRxState.NO_SKB && !consistent(NetRxState.curSkb(s.cur))) {
                    return false;
                }
                for (int k : s.ring) {
                    if (!consistent(k)) {
                        return false;
                    }
                }
                for (int[] q : s.queue) {
                    for (int k : q) {
                        if (!consistent(k)) {
                            return false;
                        }
                    }
                }
                return true;
            }
        });
        add("ReserveWithinBound", new Invariant<NetRxState>() {
            /** Reserve skbs in flight and the writeback's reserve page stay within the reserve. */
            @Override
            public boolean holds(NetRxState s) {
                int n = s.wbReserve + ((NetRxState.curSkb(s.cur) & NetRxState.RES) != 0 ? 1 : 0);
                for (int k : s.ring) {
                    n += (k & NetRxState.RES) != 0 ? 1 : 0;
                }
                for (int[] q : s.queue) {
                    for (int k : q) {
                        n += (k & NetRxState.RES) != 0 ? 1 : 0;
                    }
                }
                return n <= p.reserveSkbs;
            }
        });
        add("PfMemallocInScope", new Invariant<NetRxState>() {
            /** PF_MEMALLOC only while the softirq processes an skb. */
            @Override
            public boolean holds(NetRxState s) {
                return !s.pfMemalloc || s.cur != NetRxState.NO_SKB;
            }
        });
    }

    private static boolean consistent(int k) {
        return ((k & NetRxState.PFM) != 0) == ((k & NetRxState.RES) != 0);
    }
}
