package reservecheck.impl.reserve_tree;

import reservecheck.impl.common.InvariantCodes;
import reservecheck.models.reserve_tree.Pending;
import reservecheck.models.reserve_tree.SwapPc;

/**
 * The spec's invariants (ReserveTree.tla, PROTOCOLS.md section 2) on the implementation's
 * live state, checked inside the monitor after every step.  Invariants over counters that a
 * split operation updates piece by piece hold for quiescent states only, as in the spec.
 */
final class Checks {
    static final String[] NAMES = {
        "TypeOK", "PagesSumChildren", "RootMatchesReserve", "UsageWithinLimit", "EmergencyMatchesUsage",
        "NetReserveIffSockets", "MemallocCountMatches", "SwapfileHasMemalloc"
    };

    private Checks() {
    }

    /** The codes of invariant names ({@link InvariantCodes}). */
    static int[] codes(String[] names) {
        return InvariantCodes.of(NAMES, names, "ReserveTree.tla");
    }

    /** Null if invariant {@code code} holds, else what is wrong. */
    static String violation(int code, ReserveTree k) {
        switch (code) {
            case 0: return typeOk(k);
            case 1: return pagesSumChildren(k);
            case 2:
                return noAdjustInFlight(k) && k.varFreeKbytes != k.root.pages
                        ? "var_free_kbytes = " + k.varFreeKbytes + " but root has " + k.root.pages + " pages" : null;
            case 3: return usageWithinLimit(k);
            case 4: return emergencyMatchesUsage(k);
            case 5: {
                boolean linked = k.net.parent != null;
                if (k.p.tree() && memallocQuiet(k) && noAdjustInFlight(k) && linked != (k.memallocSocks > 0)) {
                    return "net_linked = " + linked + " with memalloc_socks = " + k.memallocSocks;
                }
                return null;
            }
            case 6: {
                int n = 0;
                for (boolean b : k.sockMemalloc) {
                    n += b ? 1 : 0;
                }
                return memallocQuiet(k) && n != k.memallocSocks
                        ? "memalloc_socks = " + k.memallocSocks + " but " + n + " SOCK_MEMALLOC sockets" : null;
            }
            case 7:
                for (int f = 0; f < k.spc.length; f++) {
                    if (k.spc[f] == SwapPc.LIVE && !k.sockMemalloc[k.p.xprtOf(f)]) {
                        return "swapfile " + k.p.swapfileName(f) + " is live without SOCK_MEMALLOC";
                    }
                }
                return null;
            default:
                throw new IllegalArgumentException("invariant code " + code);
        }
    }

    private static boolean noAdjustInFlight(ReserveTree k) {
        for (Pending q : k.pending) {
            if (!q.none()) {
                return false;
            }
        }
        return true;
    }

    private static boolean memallocQuiet(ReserveTree k) {
        for (int pc : k.spc) {
            if (!SwapPc.quiet(pc)) {
                return false;
            }
        }
        return true;
    }

    private static String typeOk(ReserveTree k) {
        if (k.varFreeKbytes < 0 || k.varFreeKbytes > k.p.maxReservePages) {
            return "var_free_kbytes = " + k.varFreeKbytes;
        }
        MemReserve[] all = {k.root, k.net, k.ipv4, k.ipv6};
        for (MemReserve r : all) {
            if (r.pages < 0 || r.limit < 0 || r.usage < 0) {
                return "a node's pages, limit or usage is negative";
            }
        }
        if (k.memallocSocks < 0 || k.freePages < 0) {
            return "memalloc_socks or free_pages is negative";
        }
        return null;
    }

    private static String pagesSumChildren(ReserveTree k) {
        boolean linked = k.net.parent != null;
        int net = k.ipv4.pages + k.ipv6.pages;
        int root = linked ? k.net.pages : 0;
        if (k.ipv4.pages != k.ipv4.own || k.ipv6.pages != k.ipv6.own || k.net.pages != net || k.root.pages != root) {
            return "pages of root/net/ipv4/ipv6 = " + k.root.pages + "/" + k.net.pages + "/" + k.ipv4.pages + "/"
                    + k.ipv6.pages;
        }
        return null;
    }

    private static String usageWithinLimit(ReserveTree k) {
        MemReserve[] all = {k.root, k.net, k.ipv4, k.ipv6};
        String[] names = {"root", "net", "ipv4", "ipv6"};
        for (int i = 0; i < all.length; i++) {
            if (all[i].usage > all[i].limit) {
                return names[i] + " has usage " + all[i].usage + " over limit " + all[i].limit;
            }
        }
        return null;
    }

    private static String emergencyMatchesUsage(ReserveTree k) {
        if (!k.pol.perUserAccounting) {
            return null;
        }
        int sum = 0;
        for (int c : k.charged) {
            sum += c;
        }
        if (k.net.usage != sum) {
            return "net usage " + k.net.usage + " but " + sum + " charged";
        }
        int rootUsage = k.net.parent != null ? k.net.usage : 0;
        if (k.root.usage != rootUsage) {
            return "root usage " + k.root.usage + " but " + rootUsage + " expected";
        }
        for (int u = 0; u < k.he.length; u++) {
            if (k.he[u] > k.charged[u]) {
                return k.p.userName(u) + " holds " + k.he[u] + " emergency pages, charged " + k.charged[u];
            }
        }
        return null;
    }
}
