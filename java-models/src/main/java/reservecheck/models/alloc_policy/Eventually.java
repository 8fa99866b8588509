package reservecheck.models.alloc_policy;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Table;

/**
 * The spec's liveness properties as leads-to.  VictimGone is one as written, over one
 * pseudo-task named after it.  AllocTerminates (\A t : ~Nofail(t) => <>(pc[t] \in Done)) and
 * NofailSucceeds (<>(IF nofail THEN pc[1] = "got" ELSE pc[1] \in Done): without NOFAIL only that
 * task 1 returns, so that TLC does not refuse it as a tautology when checked alone) are stated at
 * Init; as leads-to they become "~Nofail(t) ~> Done(t)" for each task and "TRUE ~> Got(1)" (or
 * Done(1)) from every state, which is the same property: a task never leaves Done, so a fair
 * behaviour that reaches a state before the task is done had not been done on the way there and
 * must be after it.
 */
final class Eventually implements LeadsTo<AllocPolicyState> {
    static final String VICTIM_GONE = "VictimGone";
    static final String ALLOC_TERMINATES = "AllocTerminates";
    static final String NOFAIL_SUCCEEDS = "NofailSucceeds";

    private final String name;
    private final AllocPolicyParams p;

    private Eventually(String name, AllocPolicyParams p) {
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

    /** AllocTerminates is per task ("1", "2"); the others are over task 1 or none, named after themselves. */
    @Override
    public List<String> tasks() {
        List<String> l = new ArrayList<String>();
        if (ALLOC_TERMINATES.equals(name)) {
            for (int t = 1; t <= AllocPolicyState.TASKS; t++) {
                l.add(Label.task(t));
            }
        } else {
            l.add(name);
        }
        return l;
    }

    @Override
    public boolean p(String task, AllocPolicyState s) {
        if (VICTIM_GONE.equals(name)) {
            return AllocPolicyState.KILLED.equals(s.victim);
        }
        return ALLOC_TERMINATES.equals(name) ? !p.nofail(task(task)) : task(task) == 1;
    }

    @Override
    public boolean q(String task, AllocPolicyState s) {
        if (VICTIM_GONE.equals(name)) {
            return AllocPolicyState.EXITED.equals(s.victim) || AllocPolicyState.REAPED.equals(s.victim);
        }
        if (ALLOC_TERMINATES.equals(name)) {
            return s.done(task(task));
        }
        return p.nofail ? AllocPolicyState.GOT.equals(s.pc(1)) : s.done(1);
    }

    private int task(String task) {
        if (ALLOC_TERMINATES.equals(name)) {
            for (int t = 1; t <= AllocPolicyState.TASKS; t++) {
                if (Label.task(t).equals(task)) {
                    return t;
                }
            }
        } else if (name.equals(task)) {
            return 1;
        }
        throw new IllegalArgumentException(name + " has no task " + task);
    }
}
