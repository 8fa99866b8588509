package reservecheck.models.reserve_tree;

import reservecheck.models.lts.PackedBits;
import reservecheck.models.lts.Packing;

/**
 * ReserveTree.tla's 28 variables packed into longs for the explorer's visited set: every
 * number and pc code takes {@link #SMALL} signed bits (page counts and their deltas are single
 * digits in the catalog, and the deltas dl/du of a pending adjust may be negative), every
 * boolean one bit; functions over Nodes, Xprts, Swapfiles, Adjusters, reserve users and
 * allocators take one field per element, their sizes fixed by the parameters.  A value outside
 * its width is refused, never truncated (see {@link PackedBits}).
 */
public final class ReserveTreePacking implements Packing<ReserveTreeState> {
    static final int SMALL = 8;

    private final ReserveTreeParams p;
    private final int width;

    public ReserveTreePacking(ReserveTreeParams p) {
        this.p = p;
        int ints = 1 + 3 * Node.COUNT + 1            // own4, pages, limit, usage, var_free_kbytes
                + 5 * p.adjusterCount()                // pending records
                + 1 + p.xprts                          // memalloc_socks, xprt_swapper
                + 4 * p.swapfileCount()                // spc, srounds, sv.op, sv.old
                + 1 + 5 * p.reserveUsers               // sysctl_pc, upc, hn, he, charged, urounds
                + 3                                    // normal_free, free_pages, swap_left
                + 2 * p.allocators;                    // dpc, drounds
        int flags = 1 + p.xprts + p.swapfileCount() + 2 + 2 * p.allocators;
        this.width = PackedBits.words(ints * SMALL + flags);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void encode(ReserveTreeState s, long[] into, int at) {
        PackedBits.clear(into, at, width);
        int pos = small(into, at, 0, s.own4, "own4");
        pos = smalls(into, at, pos, s.pages, Node.COUNT, "pages");
        pos = smalls(into, at, pos, s.limit, Node.COUNT, "limit");
        pos = smalls(into, at, pos, s.usage, Node.COUNT, "usage");
        pos = PackedBits.put(into, at, pos, s.netLinked);
        pos = small(into, at, pos, s.varFreeKbytes, "var_free_kbytes");
        check(s.pending.length, p.adjusterCount(), "pending");
        for (Pending e : s.pending) {
            pos = small(into, at, pos, e.var, "pending.var");
            pos = small(into, at, pos, e.path, "pending.path");
            pos = small(into, at, pos, e.dl, "pending.dl");
            pos = small(into, at, pos, e.du, "pending.du");
            pos = small(into, at, pos, e.next, "pending.next");
        }
        pos = flags(into, at, pos, s.sockMemalloc, p.xprts);
        pos = small(into, at, pos, s.memallocSocks, "memalloc_socks");
        pos = smalls(into, at, pos, s.xprtSwapper, p.xprts, "xprt_swapper");
        pos = smalls(into, at, pos, s.spc, p.swapfileCount(), "spc");
        pos = smalls(into, at, pos, s.srounds, p.swapfileCount(), "srounds");
        check(s.sv.length, p.swapfileCount(), "sv");
        for (Sv v : s.sv) {
            pos = small(into, at, pos, v.op, "sv.op");
            pos = small(into, at, pos, v.old, "sv.old");
            pos = PackedBits.put(into, at, pos, v.err);
        }
        pos = small(into, at, pos, s.sysctlPc, "sysctl_pc");
        pos = smalls(into, at, pos, s.upc, p.reserveUsers, "upc");
        pos = smalls(into, at, pos, s.hn, p.reserveUsers, "hn");
        pos = smalls(into, at, pos, s.he, p.reserveUsers, "he");
        pos = smalls(into, at, pos, s.charged, p.reserveUsers, "charged");
        pos = smalls(into, at, pos, s.urounds, p.reserveUsers, "urounds");
        pos = small(into, at, pos, s.normalFree, "normal_free");
        pos = small(into, at, pos, s.freePages, "free_pages");
        pos = small(into, at, pos, s.swapLeft, "swap_left");
        pos = PackedBits.put(into, at, pos, s.oomVictimAlive);
        pos = PackedBits.put(into, at, pos, s.kswapdAwake);
        pos = smalls(into, at, pos, s.dpc, p.allocators, "dpc");
        pos = flags(into, at, pos, s.killed, p.allocators);
        pos = flags(into, at, pos, s.memdie, p.allocators);
        smalls(into, at, pos, s.drounds, p.allocators, "drounds");
    }

    @Override
    public ReserveTreeState decode(long[] from, int at) {
        ReserveTreeState.Builder b = new ReserveTreeState.Builder(p);
        Reader r = new Reader(from, at);
        b.own4 = r.small();
        r.smalls(b.pages);
        r.smalls(b.limit);
        r.smalls(b.usage);
        b.netLinked = r.flag();
        b.varFreeKbytes = r.small();
        for (int a = 0; a < b.pending.length; a++) {
            Pending e = new Pending(r.small(), r.small(), r.small(), r.small(), r.small());
            // NoPending as the shared constant, as the actions build it
            b.pending[a] = e.equals(Pending.NONE) ? Pending.NONE : e;
        }
        r.flags(b.sockMemalloc);
        b.memallocSocks = r.small();
        r.smalls(b.xprtSwapper);
        r.smalls(b.spc);
        r.smalls(b.srounds);
        for (int f = 0; f < b.sv.length; f++) {
            Sv v = new Sv(r.small(), r.small(), r.flag());
            b.sv[f] = v.equals(Sv.NONE) ? Sv.NONE : v;
        }
        b.sysctlPc = r.small();
        r.smalls(b.upc);
        r.smalls(b.hn);
        r.smalls(b.he);
        r.smalls(b.charged);
        r.smalls(b.urounds);
        b.normalFree = r.small();
        b.freePages = r.small();
        b.swapLeft = r.small();
        b.oomVictimAlive = r.flag();
        b.kswapdAwake = r.flag();
        r.smalls(b.dpc);
        r.flags(b.killed);
        r.flags(b.memdie);
        r.smalls(b.drounds);
        return new ReserveTreeState(b);
    }

    private static int small(long[] into, int at, int pos, int v, String field) {
        return PackedBits.putSigned(into, at, pos, v, SMALL, field);
    }

    private static int smalls(long[] into, int at, int pos, int[] vs, int n, String field) {
        check(vs.length, n, field);
        for (int v : vs) {
            pos = small(into, at, pos, v, field);
        }
        return pos;
    }

    private static int flags(long[] into, int at, int pos, boolean[] vs, int n) {
        check(vs.length, n, "flags");
        for (boolean v : vs) {
            pos = PackedBits.put(into, at, pos, v);
        }
        return pos;
    }

    private static void check(int length, int expected, String field) {
        if (length != expected) {
            throw new IllegalArgumentException(field + " has " + length + " elements, the packing " + expected);
        }
    }

    /** Reads the fields back in the order encode wrote them. */
    private static final class Reader {
        private final long[] from;
        private final int at;
        private int pos;

        Reader(long[] from, int at) {
            this.from = from;
            this.at = at;
        }

        int small() {
            int v = PackedBits.getSigned(from, at, pos, SMALL);
            pos += SMALL;
            return v;
        }

        boolean flag() {
            int v = PackedBits.get(from, at, pos, 1);
            pos += 1;
            return v == 1;
        }

        void smalls(int[] into) {
            for (int i = 0; i < into.length; i++) {
                into[i] = small();
            }
        }

        void flags(boolean[] into) {
            for (int i = 0; i < into.length; i++) {
                into[i] = flag();
            }
        }
    }
}
