package reservecheck.models.mempool;

/**
 * The spec's Mask(t): the gfp mask of task t's current call into the page allocator, reduced
 * to the three bits the model tracks: __GFP_DIRECT_RECLAIM, __GFP_IO, __GFP_NOMEMALLOC.
 */
public final class Mask {
    public final boolean reclaim;
    public final boolean io;
    public final boolean nomemalloc;

    Mask(boolean reclaim, boolean io, boolean nomemalloc) {
        this.reclaim = reclaim;
        this.io = io;
        this.nomemalloc = nomemalloc;
    }

    /** Mask(t) in state s. */
    public static Mask of(MempoolParams p, MempoolState s, int t) {
        if (p.is2001()) {
            if (s.pc[t] == Pc.ALLOC_NOWAIT) {
                // level 1: gfp_nowait = gfp_mask & ~(__GFP_WAIT | __GFP_IO); process callers'
                // masks carry __GFP_IO (GFP_NOFS/GFP_KERNEL), GFP_ATOMIC carries none.  Before
                // mempool-2.5.1-D0 the IO bit stayed (gfp_nowait_keeps_io).
                return new Mask(false, p.gfpNowaitKeepsIo && p.isProc(t), false);
            }
            // level 2: the caller's own mask (2001 had no __GFP_NOMEMALLOC)
            return new Mask(true, true, false);
        }
        // modern: __GFP_NOMEMALLOC always (f9054c70d28b dropped it while the pool was empty);
        // the first round also lacks DIRECT_RECLAIM and IO; GFP_ATOMIC never has them.
        boolean full = s.fullMask[t] && p.isProc(t);
        return new Mask(full, full, !(p.nomemallocOnlyIfFree && s.currNr == 0));
    }

    @Override
    public String toString() {
        return "[reclaim |-> " + reclaim + ", io |-> " + io + ", nomemalloc |-> " + nomemalloc + "]";
    }
}
