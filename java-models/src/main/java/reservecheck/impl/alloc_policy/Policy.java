package reservecheck.impl.alloc_policy;

import reservecheck.models.alloc_policy.AllocPolicyParams;

/**
 * The slow path's switches, read once from the catalog entry's parameters: each task's gfp
 * mask and task flags, and the rule flags every catalog bug flips (never a copy of the code).
 * Task 1 carries the entry's gfp class; task 2, the OOM victim, is a plain GFP_KERNEL caller.
 * The answers are computed from the gfp bits as the kernel computes them
 * (current_gfp_context, gfp_to_alloc_flags, __alloc_pages_may_oom), not taken from the model.
 */
final class Policy {
    // the gfp bits the slow path reads (include/linux/gfp_types.h)
    static final int __GFP_HIGH = 1;
    static final int __GFP_DIRECT_RECLAIM = 2;
    static final int __GFP_FS = 4;
    static final int __GFP_NOFAIL = 8;
    static final int GFP_ATOMIC = __GFP_HIGH;
    static final int GFP_NOFS = __GFP_DIRECT_RECLAIM;
    static final int GFP_KERNEL = __GFP_DIRECT_RECLAIM | __GFP_FS;

    final int minWmark;
    final int atomicBand;
    final int victimPages;
    final int writebackAllocs;
    final boolean victimNeedsLock;
    final boolean victimStuck;
    final boolean oomReaper;
    final boolean oomWaitsForDirty;
    final boolean writebackReserve;
    final boolean nofail;

    /** Per task (index 0: task 1): the allocation may sleep, after the task's scopes. */
    private final boolean[] mayBlock = new boolean[2];
    private final boolean[] canReclaim = new boolean[2];
    private final boolean[] atomic = new boolean[2];
    private final int[] watermark = new int[2];
    private final boolean[] mayFail = new boolean[2];
    private final boolean[] oomAllowed = new boolean[2];
    private final boolean[] oomHere = new boolean[2];

    Policy(AllocPolicyParams p) {
        minWmark = p.minWmark;
        atomicBand = p.atomicBand;
        victimPages = p.victimPages;
        writebackAllocs = p.writebackAllocs;
        victimNeedsLock = p.victimNeedsLock;
        victimStuck = p.victimStuck;
        oomReaper = p.oomReaper;
        oomWaitsForDirty = p.oomWaitsForDirty;
        writebackReserve = p.writebackReserve;
        nofail = p.nofail;
        int mask = gfpOf(p.gfp) | (p.nofail ? __GFP_NOFAIL : 0);
        task(0, mask, p.pfMemalloc, p.noreclaimScope, p);
        task(1, GFP_KERNEL, false, false, p);
    }

    private static int gfpOf(String gfp) {
        if (AllocPolicyParams.GFP_ATOMIC.equals(gfp)) {
            return GFP_ATOMIC;
        }
        return AllocPolicyParams.GFP_NOFS.equals(gfp) ? GFP_NOFS : GFP_KERNEL;
    }

    private void task(int i, int gfp, boolean pfMemalloc, boolean noreclaimScope, AllocPolicyParams p) {
        boolean nf = (gfp & __GFP_NOFAIL) != 0;
        boolean atomicClass = (gfp & __GFP_DIRECT_RECLAIM) == 0;
        int mask = gfp;
        // current_gfp_context: a PF_MEMALLOC_NORECLAIM scope strips direct reclaim, from a NOFAIL
        // allocation too unless the scope honours it (noreclaim_scope_nofail)
        if (noreclaimScope && !(nf && p.noreclaimScopeHonoursNofail)) {
            mask &= ~__GFP_DIRECT_RECLAIM;
        }
        // GFP_ATOMIC|__GFP_NOFAIL: blocks like a sleeping allocation, or fails like any atomic
        // caller (nofail_nonblocking_null)
        if (nf && atomicClass) {
            mask = p.nofailAtomicBlocks ? mask | __GFP_DIRECT_RECLAIM : mask & ~__GFP_DIRECT_RECLAIM;
        }
        mayBlock[i] = (mask & __GFP_DIRECT_RECLAIM) != 0;
        // a PF_MEMALLOC reclaimer never recurses into reclaim
        canReclaim[i] = mayBlock[i] && !pfMemalloc;
        atomic[i] = atomicClass && !nf;
        watermark[i] = watermarkOf(atomic[i], nf, pfMemalloc, p.nofailReserve);
        boolean kernel = (gfp & __GFP_FS) != 0;
        mayFail[i] = !nf && (!kernel || p.gfpKernelMayFail);
        // __alloc_pages_may_oom: only with __GFP_FS, or for GFP_NOFS where the rule allows it
        oomAllowed[i] = kernel || (!atomicClass && p.oomForNofs);
        // 82553a937f12: __GFP_NOFAIL overrode the rules that forbid the OOM killer
        oomHere[i] = oomAllowed[i] || (nf && p.nofailForcesOom);
    }

    /**
     * The free pages a caller leaves below itself (it takes a page iff free &gt; watermark):
     * ALLOC_HARDER atomic callers the whole band, PF_MEMALLOC down to the band, NOFAIL as far as
     * nofail_reserve allows (nofail_reserve_level), everyone else the min watermark.
     */
    private int watermarkOf(boolean atomicCaller, boolean nf, boolean pfMemalloc, String reserve) {
        if (atomicCaller) {
            return 0;
        }
        if (nf) {
            if (AllocPolicyParams.RESERVE_ALL.equals(reserve)) {
                return 0;
            }
            return AllocPolicyParams.RESERVE_MIN.equals(reserve) ? atomicBand : minWmark;
        }
        return pfMemalloc ? atomicBand : minWmark;
    }

    boolean nofail(int t) { return t == 1 && nofail; }

    boolean mayBlock(int t) { return mayBlock[t - 1]; }

    boolean canReclaim(int t) { return canReclaim[t - 1]; }

    boolean atomic(int t) { return atomic[t - 1]; }

    int watermark(int t) { return watermark[t - 1]; }

    boolean mayFail(int t) { return mayFail[t - 1]; }

    boolean oomAllowed(int t) { return oomAllowed[t - 1]; }

    boolean oomHere(int t) { return oomHere[t - 1]; }
}
