package reservecheck.models.mempool;

import java.util.List;

import reservecheck.models.lts.LeadsTo;

/**
 * The spec's AllocReturns: \A t \in Tasks : InAlloc(t) ~> ~InAlloc(t), every mempool_alloc
 * returns under the weak fairness of TaskProgress(t).  Fails for the hangs that the 5 s
 * timeout turns from deadlocks into endless retries (first_round_sleeps, md_hold_and_wait, ...).
 */
final class AllocReturns implements LeadsTo<MempoolState> {
    static final String NAME = "AllocReturns";

    private final MempoolParams p;

    AllocReturns(MempoolParams p) {
        this.p = p;
    }

    @Override
    public List<String> tasks() {
        return p.taskNames();
    }

    @Override
    public boolean p(String task, MempoolState s) {
        return Pc.inAlloc(s.pc[index(task)]);
    }

    @Override
    public boolean q(String task, MempoolState s) {
        return !Pc.inAlloc(s.pc[index(task)]);
    }

    private int index(String task) {
        int t = p.taskIndex(task);
        if (t < 0) {
            throw new IllegalArgumentException("not a task of this model: " + task);
        }
        return t;
    }
}
