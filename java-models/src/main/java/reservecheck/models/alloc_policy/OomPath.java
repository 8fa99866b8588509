package reservecheck.models.alloc_policy;

import reservecheck.models.lts.SpecActions;

/**
 * The OOM killer and its victim (mm/oom_kill.c): out_of_memory, exit_mm and oom_reap.  Each
 * method returns the successor of s, or null when the action is not enabled.
 */
final class OomPath extends SpecActions<AllocPolicyParams> {
    private final AllocPath alloc;

    OomPath(AllocPolicyParams p, AllocPath alloc) {
        super(p);
        this.alloc = alloc;
    }

    /**
     * out_of_memory kills the victim; it never kills while a victim is pending.  A kill the
     * caller's rules forbid is recorded for OomOnlyWhereAllowed, a kill while page cache is
     * left (clean or dirty) for NoKillWhileReclaimable.
     */
    AllocPolicyState outOfMemory(AllocPolicyState s) {
        if (!AllocPolicyState.OOM.equals(s.apc) || alloc.progress(s) || !p.oomHere
                || (p.oomWaitsForDirty && s.dirty > 0) || !AllocPolicyState.ALIVE.equals(s.victim)) {
            return null;
        }
        AllocPolicyState.Builder b = s.edit();
        b.victim = AllocPolicyState.KILLED;
        b.illegalOom = s.illegalOom || !p.oomAllowed;
        b.killedReclaimable = s.killedReclaimable || s.clean > 0 || s.dirty > 0;
        return b.build();
    }

    /**
     * The killed victim exits and frees its pages, unless it is stuck outside the model or needs
     * the lock the allocating task holds (too_small_to_fail_lock_cycle).
     */
    AllocPolicyState exitMm(AllocPolicyState s) {
        if (!AllocPolicyState.KILLED.equals(s.victim) || p.victimStuck || (p.victimNeedsLock && s.held())) {
            return null;
        }
        return freed(s, AllocPolicyState.EXITED);
    }

    /** The oom_reaper frees a killed victim's memory without the victim (aac453635549). */
    AllocPolicyState oomReap(AllocPolicyState s) {
        if (!p.oomReaper || !AllocPolicyState.KILLED.equals(s.victim)) {
            return null;
        }
        return freed(s, AllocPolicyState.REAPED);
    }

    private AllocPolicyState freed(AllocPolicyState s, String victim) {
        AllocPolicyState.Builder b = s.edit();
        b.victim = victim;
        b.free = s.free + p.victimPages;
        return b.build();
    }
}
