package reservecheck.models.reserve_tree;

import java.util.Arrays;

import reservecheck.models.lts.SpecState;

/**
 * One state of ReserveTree.tla: its 28 variables.  pages, limit and usage are arrays over
 * {@link Node}; functions over Xprts, Swapfiles, Adjusters, reserve_users and allocators are
 * arrays indexed as {@link ReserveTreeParams} numbers them; pcs hold {@link SwapPc},
 * {@link UserPc} and {@link AllocPc} codes.  Immutable: the arrays are never handed out, and
 * actions build successors through {@link Builder}, which copies.
 */
public final class ReserveTreeState extends SpecState {
    // tree_2008: struct mem_reserve and the page allocator's reserve
    final int own4;
    final int[] pages;
    final int[] limit;
    final int[] usage;
    final boolean netLinked;
    final int varFreeKbytes;
    final Pending[] pending;
    // sockets and NFS transports
    final boolean[] sockMemalloc;
    final int memallocSocks;
    final int[] xprtSwapper;
    final int[] spc;
    final int[] srounds;
    final Sv[] sv;
    final int sysctlPc;
    // tree_2008: reserve users
    final int[] upc;
    final int[] hn;
    final int[] he;
    final int[] charged;
    final int[] urounds;
    final int normalFree;
    // merged_2012: the page allocator
    final int freePages;
    final int swapLeft;
    final boolean oomVictimAlive;
    final boolean kswapdAwake;
    final int[] dpc;
    final boolean[] killed;
    final boolean[] memdie;
    final int[] drounds;

    /** Takes ownership of the arrays: callers are {@link Builder} and the symmetry code. */
    ReserveTreeState(Builder b) {
        super(hash(b));
        own4 = b.own4;
        pages = b.pages;
        limit = b.limit;
        usage = b.usage;
        netLinked = b.netLinked;
        varFreeKbytes = b.varFreeKbytes;
        pending = b.pending;
        sockMemalloc = b.sockMemalloc;
        memallocSocks = b.memallocSocks;
        xprtSwapper = b.xprtSwapper;
        spc = b.spc;
        srounds = b.srounds;
        sv = b.sv;
        sysctlPc = b.sysctlPc;
        upc = b.upc;
        hn = b.hn;
        he = b.he;
        charged = b.charged;
        urounds = b.urounds;
        normalFree = b.normalFree;
        freePages = b.freePages;
        swapLeft = b.swapLeft;
        oomVictimAlive = b.oomVictimAlive;
        kswapdAwake = b.kswapdAwake;
        dpc = b.dpc;
        killed = b.killed;
        memdie = b.memdie;
        drounds = b.drounds;
    }

    /** The hash of the variables, in the spec's order (the explorer's search order rests on it). */
    private static int hash(Builder b) {
        int h = b.own4;
        h = h * 31 + Arrays.hashCode(b.pages);
        h = h * 31 + Arrays.hashCode(b.limit);
        h = h * 31 + Arrays.hashCode(b.usage);
        h = h * 31 + (b.netLinked ? 1 : 0);
        h = h * 31 + b.varFreeKbytes;
        h = h * 31 + Arrays.hashCode(b.pending);
        h = h * 31 + Arrays.hashCode(b.sockMemalloc);
        h = h * 31 + b.memallocSocks;
        h = h * 31 + Arrays.hashCode(b.xprtSwapper);
        h = h * 31 + Arrays.hashCode(b.spc);
        h = h * 31 + Arrays.hashCode(b.srounds);
        h = h * 31 + Arrays.hashCode(b.sv);
        h = h * 31 + b.sysctlPc;
        h = h * 31 + Arrays.hashCode(b.upc);
        h = h * 31 + Arrays.hashCode(b.hn);
        h = h * 31 + Arrays.hashCode(b.he);
        h = h * 31 + Arrays.hashCode(b.charged);
        h = h * 31 + Arrays.hashCode(b.urounds);
        h = h * 31 + b.normalFree;
        h = h * 31 + b.freePages;
        h = h * 31 + b.swapLeft;
        h = h * 31 + (b.oomVictimAlive ? 1 : 0);
        h = h * 31 + (b.kswapdAwake ? 1 : 0);
        h = h * 31 + Arrays.hashCode(b.dpc);
        h = h * 31 + Arrays.hashCode(b.killed);
        h = h * 31 + Arrays.hashCode(b.memdie);
        h = h * 31 + Arrays.hashCode(b.drounds);
        return h;
    }

    public int own4() { return own4; }

    /** res->pages of node n ({@link Node} index: root 0, net 1, ipv4 2, ipv6 3). */
    public int pages(int n) { return pages[n]; }

    public int limit(int n) { return limit[n]; }

    public int usage(int n) { return usage[n]; }

    public boolean netLinked() { return netLinked; }

    public int varFreeKbytes() { return varFreeKbytes; }

    public boolean sockMemalloc(int x) { return sockMemalloc[x]; }

    public int memallocSocks() { return memallocSocks; }

    public int xprtSwapper(int x) { return xprtSwapper[x]; }

    public int srounds(int f) { return srounds[f]; }

    public int hn(int u) { return hn[u]; }

    public int he(int u) { return he[u]; }

    public int charged(int u) { return charged[u]; }

    public int urounds(int u) { return urounds[u]; }

    public int normalFree() { return normalFree; }

    public int freePages() { return freePages; }

    public int swapLeft() { return swapLeft; }

    public boolean oomVictimAlive() { return oomVictimAlive; }

    public boolean kswapdAwake() { return kswapdAwake; }

    public boolean killed(int d) { return killed[d]; }

    public boolean memdie(int d) { return memdie[d]; }

    public int drounds(int d) { return drounds[d]; }

    /** A swapfile's step by its spec name, e.g. "live". */
    public String spcName(int f) { return SwapPc.name(spc[f]); }

    public String sysctlPcName() { return SwapPc.name(sysctlPc); }

    public String upcName(int u) { return UserPc.name(upc[u]); }

    public String dpcName(int d) { return AllocPc.name(dpc[d]); }

    /** A copy to change: the primed variables of one action, unchanged unless set. */
    Builder edit() {
        return new Builder(this);
    }

    @Override
    protected boolean sameVariables(SpecState o) {
        ReserveTreeState s = (ReserveTreeState) o;
        return own4 == s.own4 && Arrays.equals(pages, s.pages) && Arrays.equals(limit, s.limit)
                && Arrays.equals(usage, s.usage) && netLinked == s.netLinked && varFreeKbytes == s.varFreeKbytes
                && Arrays.equals(pending, s.pending) && Arrays.equals(sockMemalloc, s.sockMemalloc)
                && memallocSocks == s.memallocSocks && Arrays.equals(xprtSwapper, s.xprtSwapper)
                && Arrays.equals(spc, s.spc) && Arrays.equals(srounds, s.srounds) && Arrays.equals(sv, s.sv)
                && sysctlPc == s.sysctlPc && Arrays.equals(upc, s.upc) && Arrays.equals(hn, s.hn)
                && Arrays.equals(he, s.he) && Arrays.equals(charged, s.charged)
                && Arrays.equals(urounds, s.urounds) && normalFree == s.normalFree && freePages == s.freePages
                && swapLeft == s.swapLeft && oomVictimAlive == s.oomVictimAlive && kswapdAwake == s.kswapdAwake
                && Arrays.equals(dpc, s.dpc) && Arrays.equals(killed, s.killed) && Arrays.equals(memdie, s.memdie)
                && Arrays.equals(drounds, s.drounds);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("[own4=").append(own4).append(", pages=").append(Arrays.toString(pages))
                .append(", limit=").append(Arrays.toString(limit)).append(", usage=").append(Arrays.toString(usage))
                .append(", net_linked=").append(netLinked).append(", var_free_kbytes=").append(varFreeKbytes)
                .append(", pending=").append(Arrays.toString(pending))
                .append(", sock_memalloc=").append(Arrays.toString(sockMemalloc))
                .append(", memalloc_socks=").append(memallocSocks)
                .append(", xprt_swapper=").append(Arrays.toString(xprtSwapper)).append(", spc=[");
        for (int f = 0; f < spc.length; f++) {
            b.append(f == 0 ? "" : ", ").append(SwapPc.name(spc[f]));
        }
        b.append("], srounds=").append(Arrays.toString(srounds)).append(", sv=").append(Arrays.toString(sv))
                .append(", sysctl_pc=").append(SwapPc.name(sysctlPc)).append(", upc=[");
        for (int u = 0; u < upc.length; u++) {
            b.append(u == 0 ? "" : ", ").append(UserPc.name(upc[u]));
        }
        b.append("], hn=").append(Arrays.toString(hn)).append(", he=").append(Arrays.toString(he))
                .append(", charged=").append(Arrays.toString(charged))
                .append(", urounds=").append(Arrays.toString(urounds)).append(", normal_free=").append(normalFree)
                .append(", free_pages=").append(freePages).append(", swap_left=").append(swapLeft)
                .append(", oom_victim_alive=").append(oomVictimAlive).append(", kswapd_awake=").append(kswapdAwake)
                .append(", dpc=[");
        for (int d = 0; d < dpc.length; d++) {
            b.append(d == 0 ? "" : ", ").append(AllocPc.name(dpc[d]));
        }
        return b.append("], killed=").append(Arrays.toString(killed)).append(", memdie=")
                .append(Arrays.toString(memdie)).append(", drounds=").append(Arrays.toString(drounds)).append(']')
                .toString();
    }

    /**
     * The next state of one action: starts as a copy of the current state (everything
     * UNCHANGED) and the action sets what it primes.
     */
    static final class Builder {
        int own4;
        int[] pages;
        int[] limit;
        int[] usage;
        boolean netLinked;
        int varFreeKbytes;
        final Pending[] pending;
        final boolean[] sockMemalloc;
        int memallocSocks;
        final int[] xprtSwapper;
        final int[] spc;
        final int[] srounds;
        final Sv[] sv;
        int sysctlPc;
        final int[] upc;
        final int[] hn;
        final int[] he;
        final int[] charged;
        final int[] urounds;
        int normalFree;
        int freePages;
        int swapLeft;
        boolean oomVictimAlive;
        boolean kswapdAwake;
        final int[] dpc;
        final boolean[] killed;
        final boolean[] memdie;
        final int[] drounds;

        /** A builder for a state from scratch (the spec's Init). */
        Builder(ReserveTreeParams p) {
            pages = new int[Node.COUNT];
            limit = new int[Node.COUNT];
            usage = new int[Node.COUNT];
            pending = new Pending[p.adjusterCount()];
            sockMemalloc = new boolean[p.xprts];
            xprtSwapper = new int[p.xprts];
            spc = new int[p.swapfileCount()];
            srounds = new int[p.swapfileCount()];
            sv = new Sv[p.swapfileCount()];
            upc = new int[p.reserveUsers];
            hn = new int[p.reserveUsers];
            he = new int[p.reserveUsers];
            charged = new int[p.reserveUsers];
            urounds = new int[p.reserveUsers];
            dpc = new int[p.allocators];
            killed = new boolean[p.allocators];
            memdie = new boolean[p.allocators];
            drounds = new int[p.allocators];
        }

        Builder(ReserveTreeState s) {
            own4 = s.own4;
            pages = s.pages.clone();
            limit = s.limit.clone();
            usage = s.usage.clone();
            netLinked = s.netLinked;
            varFreeKbytes = s.varFreeKbytes;
            pending = s.pending.clone();
            sockMemalloc = s.sockMemalloc.clone();
            memallocSocks = s.memallocSocks;
            xprtSwapper = s.xprtSwapper.clone();
            spc = s.spc.clone();
            srounds = s.srounds.clone();
            sv = s.sv.clone();
            sysctlPc = s.sysctlPc;
            upc = s.upc.clone();
            hn = s.hn.clone();
            he = s.he.clone();
            charged = s.charged.clone();
            urounds = s.urounds.clone();
            normalFree = s.normalFree;
            freePages = s.freePages;
            swapLeft = s.swapLeft;
            oomVictimAlive = s.oomVictimAlive;
            kswapdAwake = s.kswapdAwake;
            dpc = s.dpc.clone();
            killed = s.killed.clone();
            memdie = s.memdie.clone();
            drounds = s.drounds.clone();
        }

        /** The spec's SetTree(t): the tree variables from a tree value. */
        void setTree(TreeValue t) {
            own4 = t.own4;
            pages = t.pages.clone();
            limit = t.limit.clone();
            usage = t.usage.clone();
            netLinked = t.linked;
            varFreeKbytes = t.var;
        }

        ReserveTreeState build() {
            // a builder may be built more than once (Init, tests): the state owns copies
            Builder c = new Builder(this);
            return new ReserveTreeState(c);
        }

        private Builder(Builder o) {
            own4 = o.own4;
            pages = o.pages.clone();
            limit = o.limit.clone();
            usage = o.usage.clone();
            netLinked = o.netLinked;
            varFreeKbytes = o.varFreeKbytes;
            pending = o.pending.clone();
            sockMemalloc = o.sockMemalloc.clone();
            memallocSocks = o.memallocSocks;
            xprtSwapper = o.xprtSwapper.clone();
            spc = o.spc.clone();
            srounds = o.srounds.clone();
            sv = o.sv.clone();
            sysctlPc = o.sysctlPc;
            upc = o.upc.clone();
            hn = o.hn.clone();
            he = o.he.clone();
            charged = o.charged.clone();
            urounds = o.urounds.clone();
            normalFree = o.normalFree;
            freePages = o.freePages;
            swapLeft = o.swapLeft;
            oomVictimAlive = o.oomVictimAlive;
            kswapdAwake = o.kswapdAwake;
            dpc = o.dpc.clone();
            killed = o.killed.clone();
            memdie = o.memdie.clone();
            drounds = o.drounds.clone();
        }
    }
}
