package reservecheck.models.alloc_policy;

import reservecheck.models.lts.Invariant;
import reservecheck.models.lts.Names;
import reservecheck.models.lts.SpecInvariants;

/** The spec's invariants (PROTOCOLS.md section 4), under the spec's names and in its order. */
final class AllocPolicyInvariants extends SpecInvariants<AllocPolicyState, AllocPolicyParams> {
    private static final String[] PC = {
        AllocPolicyState.LOCK, AllocPolicyState.FAST, AllocPolicyState.RECLAIM, AllocPolicyState.OOM, AllocPolicyState.GOT,
        AllocPolicyState.NULL, AllocPolicyState.EXITED
    };
    private static final String[] VICTIM = {
        AllocPolicyState.NONE, AllocPolicyState.ALIVE, AllocPolicyState.KILLED, AllocPolicyState.EXITED,
        AllocPolicyState.REAPED
    };

    AllocPolicyInvariants(AllocPolicyParams p) {
        super("AllocPolicy.tla", p);
        add("TypeOK", new Invariant<AllocPolicyState>() {
            @Override
            public boolean holds(AllocPolicyState s) {
                return s.free >= 0 && s.clean >= 0 && s.dirty >= 0 && s.wb >= 0
                        && s.wb <= p.writebackAllocs
                        && Names.contains(PC, s.pc(1)) && Names.contains(PC, s.pc(2))
                        && s.lock >= 0 && s.lock <= AllocPolicyState.TASKS
                        && Names.contains(VICTIM, s.victim);
            }
        });
        add("NofailNeverNull", new Invariant<AllocPolicyState>() {
            /** __GFP_NOFAIL never returns NULL (broken by nofail_nonblocking_null, noreclaim_scope_nofail). */
            @Override
            public boolean holds(AllocPolicyState s) {
                return !p.nofail || !AllocPolicyState.NULL.equals(s.pc(1));
            }
        });
        add("NofailMayBlock", new Invariant<AllocPolicyState>() {
            /** A NOFAIL caller that reaches the OOM path is in a context that may sleep. */
            @Override
            public boolean holds(AllocPolicyState s) {
                return !(p.nofail && AllocPolicyState.OOM.equals(s.pc(1)))
                        || p.blocking(1);
            }
        });
        add("AtomicBandKept", new Invariant<AllocPolicyState>() {
            /** Only atomic callers take the band below atomic_band (broken by nofail_reserve_level). */
            @Override
            public boolean holds(AllocPolicyState s) {
                return !s.bandTaken;
            }
        });
        add("OomOnlyWhereAllowed", new Invariant<AllocPolicyState>() {
            /** The OOM killer never runs for a caller whose rules forbid it (nofail_forces_oom). */
            @Override
            public boolean holds(AllocPolicyState s) {
                return !s.illegalOom;
            }
        });
        add("NoKillWhileReclaimable", new Invariant<AllocPolicyState>() {
            /** No task is killed while page cache can still be reclaimed (oom_on_dirty_pagecache). */
            @Override
            public boolean holds(AllocPolicyState s) {
                return !s.killedReclaimable;
            }
        });
    }
}
