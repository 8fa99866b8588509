package reservecheck.models.alloc_policy;

import reservecheck.models.lts.SpecActions;

/**
 * The OOM killer and its victim, task 2 (mm/oom_kill.c): out_of_memory, exit_mm and oom_reap.
 * Each method returns the successor of s, or null when the action is not enabled.
 */
final class OomPath extends SpecActions<AllocPolicyParams> {
    /** The task the OOM killer picks: the spec's task 2, which owns victim_pages. */
    static final int VICTIM = 2;

    private final AllocPath alloc;

    OomPath(AllocPolicyParams p, AllocPath alloc) {
        super(p);
        this.alloc = alloc;
    }

    /**
     * out_of_memory, called by task t, kills task 2 (possibly t itself); it never kills while a
     * victim is pending.  A kill the caller's rules forbid is recorded for OomOnlyWhereAllowed,
     * a kill while page cache is left (clean or dirty) for NoKillWhileReclaimable.
     */
    AllocPolicyState outOfMemory(AllocPolicyState s, int t) {
        if (!AllocPolicyState.OOM.equals(s.pc(t)) || alloc.progress(s, t) || !p.oomHere(t)
                || (p.oomWaitsForDirty && s.dirty > 0) || !AllocPolicyState.ALIVE.equals(s.victim)) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        b.victim = AllocPolicyState.KILLED;
        b.illegalOom = s.illegalOom || !p.oomAllowed(t);
        b.killedReclaimable = s.killedReclaimable || s.clean > 0 || s.dirty > 0;
        return b.build();
    }

    /**
     * The killed task 2 exits wherever it is and drops lock L, unless it is stuck outside the
     * model or waits in mutex_lock for the lock task 1 holds while it loops in the allocator
     * (too_small_to_fail_lock_cycle).  Its pages come back unless the oom_reaper freed them, and
     * so does the page it got.
     */
    AllocPolicyState exitMm(AllocPolicyState s) {
        boolean killed = AllocPolicyState.KILLED.equals(s.victim);
        if (!(killed || AllocPolicyState.REAPED.equals(s.victim)) || p.victimStuck
                || AllocPolicyState.LOCK.equals(s.pc(VICTIM))) {
            return null;
        }
        boolean got = AllocPolicyState.GOT.equals(s.pc(VICTIM));
        AllocPolicyState.Builder b = s.edit().goTo(VICTIM, AllocPolicyState.EXITED);
        b.victim = AllocPolicyState.EXITED;
        b.free = s.free + (killed ? p.victimPages : 0) + (got ? 1 : 0);
        return b.build();
    }

    /** The oom_reaper frees a killed victim's memory without the victim running (aac453635549). */
    AllocPolicyState oomReap(AllocPolicyState s) {
        if (!p.oomReaper || !AllocPolicyState.KILLED.equals(s.victim)) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        b.victim = AllocPolicyState.REAPED;
        b.free = s.free + p.victimPages;
        return b.build();
    }
}
