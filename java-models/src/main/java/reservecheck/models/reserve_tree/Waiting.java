package reservecheck.models.reserve_tree;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Table;

/**
 * The spec's liveness properties.  Each is ONE leads-to over all tasks of a kind, "some task is
 * waiting ~> none is" (e.g. AllocReturns == Allocating ~> ~Allocating), not a per-task
 * property; the spec says why (bounded rounds make the two agree, and TLC checks one tableau
 * branch).  So each is kept as it is written: a single pseudo-task named after the spec's
 * state predicate, with p = that predicate and q = its negation.
 */
final class Waiting implements LeadsTo<ReserveTreeState> {
    static final String ALLOC_RETURNS = "AllocReturns";
    static final String CHARGE_PROCEEDS = "ChargeProceeds";
    static final String THROTTLED_WAKE = "ThrottledWake";
    static final String MEMALLOC_OPS_RETURN = "MemallocOpsReturn";

    private final String predicate;
    private final int which;

    private Waiting(String predicate, int which) {
        this.predicate = predicate;
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

    /** The one pseudo-task: the spec's predicate, e.g. "Allocating". */
    @Override
    public List<String> tasks() {
        List<String> l = new ArrayList<String>();
        l.add(predicate);
        return l;
    }

    @Override
    public boolean p(String task, ReserveTreeState s) {
        check(task);
        return holds(s);
    }

    @Override
    public boolean q(String task, ReserveTreeState s) {
        check(task);
        return !holds(s);
    }

    private void check(String task) {
        if (!predicate.equals(task)) {
            throw new IllegalArgumentException("not a task of this property: " + task + " (its one task is "
                    + predicate + ")");
        }
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
