package reservecheck.models.mempool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.SpecModel;
import reservecheck.models.lts.Table;
import reservecheck.models.lts.Transition;

/**
 * The reference model of specs/mempool/Mempool.tla: the same variables, Init, actions (named
 * as in the spec), invariants, liveness property and fairness, so its reachable state graph is
 * the spec's.  The design and every catalog bug are chosen by {@link MempoolParams}.
 */
public final class MempoolModel extends SpecModel<MempoolState, MempoolParams> {
    public static final String PROTOCOL = "mempool";

    private final AllocPath alloc;
    private final WaitPath wait;
    private final FreePath free;
    private Symmetry symmetry;
    private final MempoolPacking packing;

    public MempoolModel(MempoolParams p) {
        super(PROTOCOL, p, new MempoolInvariants(p).table(),
                new Table<LeadsTo<MempoolState>>("a property of Mempool.tla")
                        .add(AllocReturns.NAME, new AllocReturns(p)),
                new MempoolText(p));
        this.alloc = new AllocPath(p, new PageAllocator(p));
        this.wait = new WaitPath(p);
        this.free = new FreePath(p);
        this.packing = new MempoolPacking(p);
    }

    /** The explorer stores states in this encoding (see {@link MempoolPacking}). */
    @Override
    public MempoolPacking packing() {
        return packing;
    }

    /** A model from the catalog's parameter values (see {@link MempoolParams}). */
    public static MempoolModel fromParameters(Map<String, Object> params) {
        return new MempoolModel(new MempoolParams(params));
    }

    /** The spec's Init: a full pool, every task idle with all its rounds to go. */
    @Override
    public List<MempoolState> initialStates() {
        int n = p.taskCount();
        MempoolState.Builder b = new MempoolState.Builder(n);
        b.currNr = p.poolCapacity();
        b.freePages = p.initFreePages + p.emergencyPages;
        b.cleanPages = p.initCleanPages;
        b.dirtyPages = p.initDirtyPages;
        for (int t = 0; t < n; t++) {
            b.pc[t] = Pc.IDLE;
            b.roundsLeft[t] = p.rounds;
            b.tstate[t] = TaskState.RUNNING;
        }
        return only(b.build());
    }

    /**
     * The spec's Next, task by task in the order of p1.., i1..: mempool_alloc,
     * io_schedule_timeout, then TaskProgress(t)'s disjuncts in the spec's order; Terminated
     * (a self-loop, so the end of the run is not a deadlock) last.
     */
    @Override
    public List<Transition<MempoolState>> successors(MempoolState s) {
        List<Transition<MempoolState>> out = new ArrayList<Transition<MempoolState>>();
        boolean allDone = true;
        for (int t = 0; t < p.taskCount(); t++) {
            String task = p.taskName(t);
            add(out, Label.MEMPOOL_ALLOC, task, alloc.mempoolAlloc(s, t));
            add(out, Label.IO_SCHEDULE_TIMEOUT, task, wait.ioScheduleTimeout(s, t));
            add(out, Label.POOL_ALLOC, task, alloc.poolAlloc(s, t));
            add(out, Label.REMOVE_ELEMENT, task, alloc.removeElement(s, t));
            add(out, Label.REMOVE_UNLOCKED, task, alloc.removeUnlocked(s, t));
            add(out, Label.RUN_TASK_QUEUE, task, wait.runTaskQueue(s, t));
            add(out, Label.ADD_WAIT_QUEUE, task, wait.addWaitQueue(s, t));
            add(out, Label.SCHEDULE, task, wait.schedule(s, t));
            add(out, Label.FINISH_WAIT, task, wait.finishWait(s, t));
            add(out, Label.MEMPOOL_FREE, task, free.mempoolFree(s, t));
            add(out, Label.BIO_ENDIO, task, free.bioEndio(s, t));
            add(out, Label.RETURN_NULL, task, free.returnNull(s, t));
            allDone &= s.pc[t] == Pc.DONE;
        }
        addTerminated(out, Label.TERMINATED, allDone, s);
        return out;
    }

    /** WF_vars(TaskProgress(t)); mempool_alloc, io_schedule_timeout and Terminated are not fair. */
    /** A task's call to mempool_alloc begins a request; every other step continues one. */
    @Override
    public boolean startsRequest(Transition<MempoolState> step) {
        return Label.MEMPOOL_ALLOC.equals(step.label());
    }

    @Override
    public String fairnessGroup(Transition<MempoolState> step) {
        if (step.task() != null && Label.isTaskProgress(step.label())) {
            return Label.taskProgress(step.task());
        }
        return null;
    }

    @Override
    public List<String> fairnessGroups() {
        List<String> l = new ArrayList<String>();
        for (int t = 0; t < p.taskCount(); t++) {
            l.add(Label.taskProgress(p.taskName(t)));
        }
        return l;
    }

    @Override
    public MempoolState canonical(MempoolState s) {
        if (symmetry == null) {
            symmetry = new Symmetry(p);
        }
        return symmetry.canonical(s);
    }
}
