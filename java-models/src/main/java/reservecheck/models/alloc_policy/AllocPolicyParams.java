package reservecheck.models.alloc_policy;

import java.util.Map;

import reservecheck.models.params.ParamReader;
import reservecheck.models.params.SpecParams;

/**
 * The CONSTANTS of specs/alloc_policy/AllocPolicy.tla, one field each, built from the catalog's
 * parameter values (catalog/alloc_policy.yaml).  Every catalog entry, design or bug, is a
 * setting of these values; the model has no other switch.  The constructor checks the spec's
 * ASSUMEs, so a model never runs on values TLC would reject.  The spec's constant-level
 * operators (Blocking, CanReclaim, Atomic, Level, MayFail, OomAllowed, OomHere, one value per
 * task) are computed once here: they depend on no variable.
 */
public final class AllocPolicyParams extends SpecParams {
    public static final String GFP_ATOMIC = "GFP_ATOMIC";
    public static final String GFP_NOFS = "GFP_NOFS";
    public static final String GFP_KERNEL = "GFP_KERNEL";
    public static final String RESERVE_NONE = "none";
    public static final String RESERVE_MIN = "min";
    public static final String RESERVE_ALL = "all";

    /** Every CONSTANT of the spec, in the spec's order. */
    private static final String[] CONSTANTS = {
        "gfp", "nofail", "pf_memalloc", "noreclaim_scope", "min_wmark", "atomic_band", "init_free",
        "clean_pages", "dirty_pages", "writeback_allocs", "victim_pages", "victim_needs_lock", "victim_stuck",
        "gfp_kernel_may_fail", "oom_for_nofs", "oom_reaper", "nofail_reserve", "nofail_forces_oom",
        "nofail_atomic_blocks", "noreclaim_scope_honours_nofail", "oom_waits_for_dirty", "writeback_reserve"
    };

    public final String gfp;
    public final boolean nofail;
    public final boolean pfMemalloc;
    public final boolean noreclaimScope;
    public final int minWmark;
    public final int atomicBand;
    public final int initFree;
    public final int cleanPages;
    public final int dirtyPages;
    public final int writebackAllocs;
    public final int victimPages;
    public final boolean victimNeedsLock;
    public final boolean victimStuck;
    // rule flags: the policy axes
    public final boolean gfpKernelMayFail;
    public final boolean oomForNofs;
    public final boolean oomReaper;
    public final String nofailReserve;
    public final boolean nofailForcesOom;
    public final boolean nofailAtomicBlocks;
    public final boolean noreclaimScopeHonoursNofail;
    public final boolean oomWaitsForDirty;
    public final boolean writebackReserve;

    // the spec's constant-level operators, per task: index 0 is task 1 (the catalog's gfp
    // class), index 1 task 2 (a plain GFP_KERNEL caller, the OOM victim)
    /** Blocking(t): the allocation may sleep (and so loop). */
    private final boolean[] blocking = new boolean[AllocPolicyState.TASKS];
    /** CanReclaim(t): it may enter direct reclaim. */
    private final boolean[] canReclaim = new boolean[AllocPolicyState.TASKS];
    /** Atomic(t): a plain GFP_ATOMIC caller, the only one the atomic band is for. */
    private final boolean[] atomic = new boolean[AllocPolicyState.TASKS];
    /** Level(t): the caller takes a page iff free &gt; level. */
    private final int[] level = new int[AllocPolicyState.TASKS];
    /** MayFail(t): the caller may return NULL once reclaim and the OOM killer cannot help. */
    private final boolean[] mayFail = new boolean[AllocPolicyState.TASKS];
    /** OomAllowed(t): the rules let this caller invoke the OOM killer (OomOnlyWhereAllowed). */
    private final boolean[] oomAllowed = new boolean[AllocPolicyState.TASKS];
    /** OomHere(t): the caller does invoke it (allowed, or NOFAIL forcing it: 82553a937f12). */
    private final boolean[] oomHere = new boolean[AllocPolicyState.TASKS];

    public AllocPolicyParams(Map<String, Object> params) {
        this(new ParamReader("alloc_policy", "AllocPolicy.tla", CONSTANTS, params));
    }

    private AllocPolicyParams(ParamReader r) {
        super("AllocPolicyParams", r.values());
        gfp = r.string("gfp");
        nofail = r.bool("nofail");
        pfMemalloc = r.bool("pf_memalloc");
        noreclaimScope = r.bool("noreclaim_scope");
        minWmark = r.natural("min_wmark");
        atomicBand = r.natural("atomic_band");
        initFree = r.natural("init_free");
        cleanPages = r.natural("clean_pages");
        dirtyPages = r.natural("dirty_pages");
        writebackAllocs = r.natural("writeback_allocs");
        victimPages = r.natural("victim_pages");
        victimNeedsLock = r.bool("victim_needs_lock");
        victimStuck = r.bool("victim_stuck");
        gfpKernelMayFail = r.bool("gfp_kernel_may_fail");
        oomForNofs = r.bool("oom_for_nofs");
        oomReaper = r.bool("oom_reaper");
        nofailReserve = r.string("nofail_reserve");
        nofailForcesOom = r.bool("nofail_forces_oom");
        nofailAtomicBlocks = r.bool("nofail_atomic_blocks");
        noreclaimScopeHonoursNofail = r.bool("noreclaim_scope_honours_nofail");
        oomWaitsForDirty = r.bool("oom_waits_for_dirty");
        writebackReserve = r.bool("writeback_reserve");
        if (!GFP_ATOMIC.equals(gfp) && !GFP_NOFS.equals(gfp) && !GFP_KERNEL.equals(gfp)) {
            throw new IllegalArgumentException("gfp must be GFP_ATOMIC, GFP_NOFS or GFP_KERNEL, not " + gfp);
        }
        if (!RESERVE_NONE.equals(nofailReserve) && !RESERVE_MIN.equals(nofailReserve)
                && !RESERVE_ALL.equals(nofailReserve)) {
            throw new IllegalArgumentException("nofail_reserve must be none, min or all, not " + nofailReserve);
        }
        if (atomicBand > minWmark) {
            throw new IllegalArgumentException("atomic_band (" + atomicBand + ") must be at most min_wmark ("
                    + minWmark + ")");
        }
        if (writebackAllocs < 1) {
            throw new IllegalArgumentException("writeback_allocs must be at least 1, not " + writebackAllocs);
        }
        operators(0, gfp, nofail, pfMemalloc, noreclaimScope);
        operators(1, GFP_KERNEL, false, false, false);
    }

    /** The spec's Gfp(t), Nofail(t), ... of task i+1 turned into its constant-level operators. */
    private void operators(int i, String g, boolean nf, boolean pfm, boolean scope) {
        boolean isAtomicGfp = GFP_ATOMIC.equals(g);
        if (nf && isAtomicGfp) {
            blocking[i] = nofailAtomicBlocks;
        } else if (scope) {
            blocking[i] = nf && noreclaimScopeHonoursNofail;
        } else {
            blocking[i] = !isAtomicGfp;
        }
        canReclaim[i] = blocking[i] && !pfm;
        atomic[i] = isAtomicGfp && !nf;
        level[i] = levelOf(atomic[i], nf, pfm);
        mayFail[i] = !nf && (!GFP_KERNEL.equals(g) || gfpKernelMayFail);
        oomAllowed[i] = GFP_KERNEL.equals(g) || (GFP_NOFS.equals(g) && oomForNofs);
        oomHere[i] = oomAllowed[i] || (nf && nofailForcesOom);
    }

    /** The spec's CONSTANTS in its order: the harness's arguments besides its options. */
    public static java.util.List<String> constantNames() {
        return ParamReader.constantNames(CONSTANTS);
    }

    /** Nofail(t): only task 1's allocation may carry __GFP_NOFAIL. */
    boolean nofail(int t) { return t == 1 && nofail; }

    boolean blocking(int t) { return blocking[t - 1]; }

    boolean canReclaim(int t) { return canReclaim[t - 1]; }

    boolean atomic(int t) { return atomic[t - 1]; }

    int level(int t) { return level[t - 1]; }

    boolean mayFail(int t) { return mayFail[t - 1]; }

    boolean oomAllowed(int t) { return oomAllowed[t - 1]; }

    boolean oomHere(int t) { return oomHere[t - 1]; }

    private int levelOf(boolean atomicCaller, boolean nf, boolean pfm) {
        if (atomicCaller) {
            return 0;
        }
        if (nf) {
            if (RESERVE_NONE.equals(nofailReserve)) {
                return minWmark;
            }
            return RESERVE_MIN.equals(nofailReserve) ? atomicBand : 0;
        }
        return pfm ? atomicBand : minWmark;
    }
}
