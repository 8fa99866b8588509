package reservecheck.models.reserve_tree;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.LeadsTo;

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

    private static final String[] NAMES = {ALLOC_RETURNS, CHARGE_PROCEEDS, THROTTLED_WAKE, MEMALLOC_OPS_RETURN};

    private final String predicate;
    private final int which;

    private Waiting(String predicate, int which) {
        this.predicate = predicate;
        this.which = which;
    }

    static List<String> names() {
        List<String> l = new ArrayList<String>();
        for (String n : NAMES) {
            l.add(n);
        }
        return l;
    }

    /** The property of that name, or null. */
    static Waiting of(String name) {
        if (ALLOC_RETURNS.equals(name)) {
            return new Waiting("Allocating", 0);
        } else if (CHARGE_PROCEEDS.equals(name)) {
            return new Waiting("WaitingCharge", 1);
        } else if (THROTTLED_WAKE.equals(name)) {
            return new Waiting("Throttled", 2);
        } else if (MEMALLOC_OPS_RETURN.equals(name)) {
            return new Waiting("MemallocBusy", 3);
        }
        return null;
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
