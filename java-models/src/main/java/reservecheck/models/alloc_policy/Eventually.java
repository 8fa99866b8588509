package reservecheck.models.alloc_policy;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.OneTaskLeadsTo;
import reservecheck.models.lts.Table;

/**
 * The spec's liveness properties as leads-to over one pseudo-task named after the property
 * ({@link OneTaskLeadsTo}).
 * VictimGone is one as written.  AllocTerminates (~nofail => <>Returned) and NofailSucceeds
 * (nofail => <>Got) are stated at Init; as leads-to they become "~nofail ~> Returned" and
 * "nofail ~> Got" from every state, which is the same property: apc never leaves "got" or
 * "null", so a fair behaviour that reaches a state before returning had not returned on the
 * way there and must return after it.
 */
final class Eventually extends OneTaskLeadsTo<AllocPolicyState> {
    static final String VICTIM_GONE = "VictimGone";
    static final String ALLOC_TERMINATES = "AllocTerminates";
    static final String NOFAIL_SUCCEEDS = "NofailSucceeds";

    private final String name;
    private final AllocPolicyParams p;

    private Eventually(String name, AllocPolicyParams p) {
        super(name);
        this.name = name;
        this.p = p;
    }

    /** The spec's properties by name, in the spec's order. */
    static Table<LeadsTo<AllocPolicyState>> table(AllocPolicyParams p) {
        return new Table<LeadsTo<AllocPolicyState>>("a property of AllocPolicy.tla")
                .add(VICTIM_GONE, new Eventually(VICTIM_GONE, p))
                .add(ALLOC_TERMINATES, new Eventually(ALLOC_TERMINATES, p))
                .add(NOFAIL_SUCCEEDS, new Eventually(NOFAIL_SUCCEEDS, p));
    }

    @Override
    protected boolean p(AllocPolicyState s) {
        if (VICTIM_GONE.equals(name)) {
            return AllocPolicyState.KILLED.equals(s.victim);
        }
        return ALLOC_TERMINATES.equals(name) ? !p.nofail : p.nofail;
    }

    @Override
    protected boolean q(AllocPolicyState s) {
        if (VICTIM_GONE.equals(name)) {
            return AllocPolicyState.EXITED.equals(s.victim) || AllocPolicyState.REAPED.equals(s.victim);
        }
        return ALLOC_TERMINATES.equals(name) ? s.returned() : AllocPolicyState.GOT.equals(s.apc);
    }
}
