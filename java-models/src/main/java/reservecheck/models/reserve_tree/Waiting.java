package reservecheck.models.reserve_tree;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.OneTaskLeadsTo;
import reservecheck.models.lts.Table;

/**
 * The spec's liveness properties.  Each is ONE leads-to over all tasks of a kind, "some task is
 * waiting ~> none is" (e.g. AllocReturns == Allocating ~> ~Allocating), not a per-task
 * property; the spec says why (bounded rounds make the two agree, and TLC checks one tableau
 * branch).  So each is kept as it is written: a single pseudo-task named after the spec's
 * state predicate ({@link OneTaskLeadsTo}), with p = that predicate and q = its negation.
 */
final class Waiting extends OneTaskLeadsTo<ReserveTreeState> {
    static final String ALLOC_RETURNS = "AllocReturns";
    static final String CHARGE_PROCEEDS = "ChargeProceeds";
    static final String THROTTLED_WAKE = "ThrottledWake";
    static final String MEMALLOC_OPS_RETURN = "MemallocOpsReturn";

    private final int which;

    private Waiting(String predicate, int which) {
        super(predicate);
        this.which = which;
    }

    /** The spec's properties by name, in the spec's order. */
    static Table<LeadsTo<ReserveTreeState>> table() {
        return new Table<LeadsTo<ReserveTreeState>>("a property of ReserveTree.tla")
                .add(ALLOC_RETURNS, new Waiting("Allocating", 0))
                .add(CHARGE_PROCEEDS, new Waiting("WaitingCharge", 1))
                .add(THROTTLED_WAKE, new Waiting("Throttled", 2))
                .add(MEMALLOC_OPS_RETURN, new Waiting("MemallocBusy", 3));
    }

    @Override
    protected boolean p(ReserveTreeState s) {
        return holds(s);
    }

    @Override
    protected boolean q(ReserveTreeState s) {
        return !holds(s);
    }

    /** The spec's Allocating, WaitingCharge, Throttled or MemallocBusy. */
    boolean holds(ReserveTreeState s) {
        switch (which) {
            case 0:
                for (int pc : s.upc) {
                    if (UserPc.inReserveAlloc(pc)) {
                        return true;
                    }
                }
                for (int pc : s.dpc) {
                    if (AllocPc.inPageAlloc(pc)) {
                        return true;
                    }
                }
                return false;
            case 1:
                for (int pc : s.upc) {
                    if (pc == UserPc.WAIT_CHARGE) {
                        return true;
                    }
                }
                return false;
            case 2:
                for (int pc : s.dpc) {
                    if (pc == AllocPc.THROTTLED) {
                        return true;
                    }
                }
                return false;
            default:
                for (int pc : s.spc) {
                    if (!SwapPc.quiet(pc)) {
                        return true;
                    }
                }
                return false;
        }
    }
}
