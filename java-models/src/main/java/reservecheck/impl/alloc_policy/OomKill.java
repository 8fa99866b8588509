package reservecheck.impl.alloc_policy;

/**
 * mm/oom_kill.c: out_of_memory, the killed victim's exit (exit_mm) and the oom_reaper.  The
 * victim is always task 2, the task that owns victim_pages.
 */
final class OomKill {
    static final int VICTIM = 2;

    private final AllocKernel k;
    private final Policy pol;

    OomKill(AllocKernel k) {
        this.k = k;
        this.pol = k.policy;
    }

    /**
     * Task t calls out_of_memory when reclaim made no progress and its rules let it (or
     * __GFP_NOFAIL forces it: 82553a937f12), never while a victim is pending, and not while
     * dirty cache can be written back where the OOM path waits for it.
     */
    boolean canOutOfMemory(int t) {
        return k.pc(t) == AllocKernel.OOM && !k.pageAlloc.progress(t) && pol.oomHere(t)
                && !(pol.oomWaitsForDirty && k.dirty > 0) && k.victim == AllocKernel.ALIVE;
    }

    /**
     * Kills task 2 (possibly the caller itself); a kill the caller's rules forbid is recorded for
     * OomOnlyWhereAllowed, a kill while page cache is left for NoKillWhileReclaimable.
     */
    void outOfMemory(int t) {
        k.victim = AllocKernel.KILLED;
        if (!pol.oomAllowed(t)) {
            k.illegalOom = true;
        }
        if (k.clean > 0 || k.dirty > 0) {
            k.killedReclaimable = true;
        }
    }

    /**
     * The killed task exits wherever it is, unless it is blocked outside the model
     * (victim_stuck) or sleeps in mutex_lock for L, which is uninterruptible
     * (too_small_to_fail_lock_cycle).  Its pages come back unless reaped, and the page it got.
     */
    boolean canExitMm() {
        return (k.victim == AllocKernel.KILLED || k.victim == AllocKernel.REAPED) && !pol.victimStuck
                && k.pc(VICTIM) != AllocKernel.LOCK;
    }

    void exitMm() {
        int pages = (k.victim == AllocKernel.KILLED ? pol.victimPages : 0) + (k.pc(VICTIM) == AllocKernel.GOT ? 1 : 0);
        k.returns(VICTIM, AllocKernel.EXITED);
        k.victim = AllocKernel.V_EXITED;
        k.free += pages;
    }

    /** The oom_reaper frees a killed victim's memory without the victim running (aac453635549). */
    boolean canOomReap() {
        return pol.oomReaper && k.victim == AllocKernel.KILLED;
    }

    void oomReap() {
        k.victim = AllocKernel.REAPED;
        k.free += pol.victimPages;
    }
}
