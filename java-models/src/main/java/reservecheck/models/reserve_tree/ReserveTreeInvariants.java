package reservecheck.models.reserve_tree;

import reservecheck.models.lts.Invariant;
import reservecheck.models.lts.SpecInvariants;

/** The spec's invariants (PROTOCOLS.md section 2), under the spec's names. */
final class ReserveTreeInvariants extends SpecInvariants<ReserveTreeState, ReserveTreeParams> {
    ReserveTreeInvariants(ReserveTreeParams p) {
        super("ReserveTree.tla", p);
        add("TypeOK", new Invariant<ReserveTreeState>() {
            /** TypeOK: every variable in its type (the spec's ranges; Nat is >= 0). */
            @Override
            public boolean holds(ReserveTreeState s) {
                if (s.own4 < 0 || s.varFreeKbytes < 0 || s.varFreeKbytes > p.maxReservePages) {
                    return false;
                }
                for (int n = 0; n < Node.COUNT; n++) {
                    if (s.pages[n] < 0 || s.limit[n] < 0 || s.usage[n] < 0) {
                        return false;
                    }
                }
                for (int a = 0; a < p.adjusterCount(); a++) {
                    int next = s.pending[a].next;
                    if (!SwapPc.isSwapPc(next) && next != SwapPc.NONE) {
                        return false;  // "done" is a SwapPC; only Add's transient "write" is out
                    }
                }
                if (s.memallocSocks < 0) {
                    return false;
                }
                for (int x = 0; x < p.xprts; x++) {
                    if (s.xprtSwapper[x] < 0) {
                        return false;
                    }
                }
                for (int f = 0; f < p.swapfileCount(); f++) {
                    if (!SwapPc.isSwapPc(s.spc[f]) || s.srounds[f] < 0 || s.srounds[f] > p.rounds) {
                        return false;
                    }
                }
                if (s.sysctlPc != SwapPc.IDLE && s.sysctlPc != SwapPc.ADJUST_WRITE && s.sysctlPc != SwapPc.DONE) {
                    return false;
                }
                for (int u = 0; u < p.reserveUsers; u++) {
                    if (!UserPc.valid(s.upc[u]) || !within(s.hn[u], p.requestPages) || !within(s.he[u], p.requestPages)
                            || !within(s.charged[u], p.requestPages) || !within(s.urounds[u], p.rounds)) {
                        return false;
                    }
                }
                if (!within(s.normalFree, p.initNormalPages) || s.freePages < 0 || !within(s.swapLeft, p.swapPages)) {
                    return false;
                }
                for (int d = 0; d < p.allocators; d++) {
                    if (!AllocPc.valid(s.dpc[d]) || !within(s.drounds[d], p.rounds)) {
                        return false;
                    }
                }
                return true;
            }
        });
        add("PagesSumChildren", new Invariant<ReserveTreeState>() {
            /** Every node's pages are its own plus those of its connected children. */
            @Override
            public boolean holds(ReserveTreeState s) {
                // Own(n): ipv4's own4, ipv6's ipv6_pages, 0 for the aggregates; net is root's child only
                // while linked, ipv4 and ipv6 are always net's
                return s.pages[Node.ROOT] == (s.netLinked ? s.pages[Node.NET] : 0)
                        && s.pages[Node.NET] == s.pages[Node.IPV4] + s.pages[Node.IPV6]
                        && s.pages[Node.IPV4] == s.own4
                        && s.pages[Node.IPV6] == p.ipv6Pages;
            }
        });
        add("RootMatchesReserve", new Invariant<ReserveTreeState>() {
            /** The root total is what adjust_memalloc_reserve was given (var_free_kbytes). */
            @Override
            public boolean holds(ReserveTreeState s) {
                return !noAdjustInFlight(s) || s.varFreeKbytes == s.pages[Node.ROOT];
            }
        });
        add("UsageWithinLimit", new Invariant<ReserveTreeState>() {
            /** usage <= limit at every node, the aggregates included. */
            @Override
            public boolean holds(ReserveTreeState s) {
                for (int n = 0; n < Node.COUNT; n++) {
                    if (s.usage[n] > s.limit[n]) {
                        return false;
                    }
                }
                return true;
            }
        });
        add("EmergencyMatchesUsage", new Invariant<ReserveTreeState>() {
            /**
             * With accounting, the usage is the charges of the requests in flight, seen at every
             * connected level, and every emergency page is covered by its request's charge.
             */
            @Override
            public boolean holds(ReserveTreeState s) {
                if (!p.perUserAccounting) {
                    return true;
                }
                int sum = 0;
                for (int u = 0; u < p.reserveUsers; u++) {
                    sum += s.charged[u];
                    if (s.he[u] > s.charged[u]) {
                        return false;
                    }
                }
                return s.usage[Node.NET] == sum && s.usage[Node.ROOT] == (s.netLinked ? s.usage[Node.NET] : 0);
            }
        });
        add("NetReserveIffSockets", new Invariant<ReserveTreeState>() {
            /** The network reserve is connected iff there are memalloc sockets (tree_2008, quiet states). */
            @Override
            public boolean holds(ReserveTreeState s) {
                if (!(p.tree() && memallocQuiet(s) && noAdjustInFlight(s))) {
                    return true;
                }
                return s.netLinked == (s.memallocSocks > 0);
            }
        });
        add("MemallocCountMatches", new Invariant<ReserveTreeState>() {
            /** The memalloc socket count is the number of SOCK_MEMALLOC sockets (quiet states). */
            @Override
            public boolean holds(ReserveTreeState s) {
                if (!memallocQuiet(s)) {
                    return true;
                }
                int n = 0;
                for (int x = 0; x < p.xprts; x++) {
                    if (s.sockMemalloc[x]) {
                        n++;
                    }
                }
                return s.memallocSocks == n;
            }
        });
        add("SwapfileHasMemalloc", new Invariant<ReserveTreeState>() {
            /** A transport with a live swapfile has SOCK_MEMALLOC on its socket. */
            @Override
            public boolean holds(ReserveTreeState s) {
                for (int f = 0; f < p.swapfileCount(); f++) {
                    if (s.spc[f] == SwapPc.LIVE && !s.sockMemalloc[p.xprtOf(f)]) {
                        return false;
                    }
                }
                return true;
            }
        });
    }

    private static boolean within(int v, int max) {
        return v >= 0 && v <= max;
    }

    /** The spec's NoAdjustInFlight: no adjuster between its read and its write. */
    private boolean noAdjustInFlight(ReserveTreeState s) {
        for (int a = 0; a < p.adjusterCount(); a++) {
            if (!s.pending[a].none()) {
                return false;
            }
        }
        return true;
    }

    /** The spec's MemallocQuiet: no swapfile inside sk_set/clear_memalloc. */
    private boolean memallocQuiet(ReserveTreeState s) {
        for (int f = 0; f < p.swapfileCount(); f++) {
            if (!SwapPc.quiet(s.spc[f])) {
                return false;
            }
        }
        return true;
    }

}
