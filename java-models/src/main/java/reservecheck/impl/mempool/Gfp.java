package reservecheck.impl.mempool;

/**
 * The gfp flags the mempool code passes to the page allocator, reduced to the bits
 * Mempool.tla tracks (its Mask(t) record: reclaim, io, nomemalloc).  __GFP_WAIT (2001) and
 * __GFP_DIRECT_RECLAIM (modern) are the same bit here: "may sleep to reclaim memory".
 */
final class Gfp {
    /** __GFP_WAIT (2001) / __GFP_DIRECT_RECLAIM (modern): the allocator may reclaim clean pages. */
    static final int DIRECT_RECLAIM = 1;
    /** __GFP_IO: the allocator may start IO, e.g. writeback of a dirty page. */
    static final int IO = 2;
    /** __GFP_NOMEMALLOC: never dip below the min watermark, even with PF_MEMALLOC. */
    static final int NOMEMALLOC = 4;

    /** GFP_ATOMIC: an irq-context caller may neither sleep nor start IO. */
    static final int ATOMIC = 0;
    /** GFP_NOIO/GFP_NOFS/GFP_KERNEL as far as the model goes: may reclaim and start IO. */
    static final int KERNEL = DIRECT_RECLAIM | IO;

    private Gfp() {
    }

    static boolean has(int mask, int bit) {
        return (mask & bit) != 0;
    }

    static String describe(int mask) {
        if (mask == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder();
        if (has(mask, DIRECT_RECLAIM)) {
            b.append("DIRECT_RECLAIM");
        }
        if (has(mask, IO)) {
            b.append(b.length() > 0 ? "|" : "").append("IO");
        }
        if (has(mask, NOMEMALLOC)) {
            b.append(b.length() > 0 ? "|" : "").append("NOMEMALLOC");
        }
        return b.toString();
    }
}
