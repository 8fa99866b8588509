package reservecheck.impl.net_rx;

import reservecheck.impl.common.InvariantCodes;

/**
 * The spec's invariants (NetRx.tla, PROTOCOLS.md section 3) on the implementation's live state,
 * checked inside the monitor after every step.
 */
final class NetRxChecks {
    static final String[] NAMES = {
        "TypeOK", "NoReserveSkbOnOrdinarySocket", "PfmemallocIffReserve", "ReserveWithinBound", "PfMemallocInScope"
    };

    private NetRxChecks() {
    }

    /** The codes of invariant names ({@link InvariantCodes}). */
    static int[] codes(String[] names) {
        return InvariantCodes.of(NAMES, names, "NetRx.tla");
    }

    /** Null if invariant {@code code} holds, else what is wrong. */
    static String violation(int code, NetRxKernel k) {
        switch (code) {
            case 0:
                return k.free < 0 || k.free > k.p.maxPages() || k.reserveUsed < 0 || k.reserveUsed > k.p.reserveSkbs + 1
                        || k.swapped > k.p.swapouts ? "free = " + k.free + ", reserve_used = " + k.reserveUsed : null;
            case 1:
                for (int s = 1; s < k.queue.length; s++) {
                    for (int i = 0; i < k.queueLength[s]; i++) {
                        if (k.queue[s][i].fromReserve) {
                            return "a reserve skb is queued to ordinary socket " + s;
                        }
                    }
                }
                return null;
            case 2:
                return pfmemallocIffReserve(k);
            case 3: {
                int n = k.wbReserve + reserveSkbs(k);
                return n > k.p.reserveSkbs ? n + " reserve pages in use, the reserve has " + k.p.reserveSkbs : null;
            }
            case 4:
                return k.pfMemalloc && k.cur == null ? "PF_MEMALLOC set with no skb being processed" : null;
            default:
                throw new IllegalArgumentException("invariant code " + code);
        }
    }

    private static String pfmemallocIffReserve(NetRxKernel k) {
        if (k.cur != null && k.cur.pfmemalloc != k.cur.fromReserve) {
            return "the softirq's skb is " + what(k.cur);
        }
        for (int i = 0; i < k.ringLength; i++) {
            if (k.ring[i].pfmemalloc != k.ring[i].fromReserve) {
                return "ring skb " + i + " is " + what(k.ring[i]);
            }
        }
        for (int s = 0; s < k.queue.length; s++) {
            for (int i = 0; i < k.queueLength[s]; i++) {
                if (k.queue[s][i].pfmemalloc != k.queue[s][i].fromReserve) {
                    return "an skb queued to socket " + s + " is " + what(k.queue[s][i]);
                }
            }
        }
        return null;
    }

    private static String what(Skb s) {
        return s.pfmemalloc ? "marked pfmemalloc in normal memory" : "in reserve memory without the pfmemalloc mark";
    }

    private static int reserveSkbs(NetRxKernel k) {
        int n = k.cur != null && k.cur.fromReserve ? 1 : 0;
        for (int i = 0; i < k.ringLength; i++) {
            n += k.ring[i].fromReserve ? 1 : 0;
        }
        for (int s = 0; s < k.queue.length; s++) {
            for (int i = 0; i < k.queueLength[s]; i++) {
                n += k.queue[s][i].fromReserve ? 1 : 0;
            }
        }
        return n;
    }
}
