package reservecheck.models.alloc_policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.models.lts.SpecModel;
import reservecheck.models.lts.Transition;

/**
 * The reference model of specs/alloc_policy/AllocPolicy.tla: the same variables, Init, actions
 * (named as in the spec), invariants, liveness properties and weak fairness, so its reachable
 * state graph is the spec's.  The designs and every catalog bug are chosen by
 * {@link AllocPolicyParams}.  A task's steps carry its number ("1", "2"); the background
 * steps (exit_mm, oom_reap, kswapd, writeback) none.  The two tasks differ (task 1 has the
 * catalog's gfp class, task 2 is the GFP_KERNEL victim), so there is no symmetry.
 */
public final class AllocPolicyModel extends SpecModel<AllocPolicyState, AllocPolicyParams> {
    public static final String PROTOCOL = "alloc_policy";

    private final AllocPath alloc;
    private final OomPath oom;
    private final Writeback writeback;

    public AllocPolicyModel(AllocPolicyParams p) {
        super(PROTOCOL, p, new AllocPolicyInvariants(p).table(), Eventually.table(p), new AllocPolicyText());
        this.alloc = new AllocPath(p);
        this.oom = new OomPath(p, alloc);
        this.writeback = new Writeback(p);
    }

    /** A model from the catalog's parameter values (see {@link AllocPolicyParams}). */
    public static AllocPolicyModel fromParameters(Map<String, Object> params) {
        return new AllocPolicyModel(new AllocPolicyParams(params));
    }

    /** The spec's Init: each task at mutex_lock (or its fast path), task 2 alive if it has pages. */
    @Override
    public List<AllocPolicyState> initialStates() {
        AllocPolicyState.Builder b = new AllocPolicyState.Builder();
        b.free = p.initFree;
        b.clean = p.cleanPages;
        b.dirty = p.dirtyPages;
        b.wb = 0;
        for (int t = 1; t <= AllocPolicyState.TASKS; t++) {
            b.move(t, p.victimNeedsLock ? AllocPolicyState.LOCK : AllocPolicyState.FAST);
        }
        b.lock = 0;
        b.victim = p.victimPages > 0 ? AllocPolicyState.ALIVE : AllocPolicyState.NONE;
        return only(b.build());
    }

    /** The spec's Next in the order of its disjuncts, task by task; Terminated (a self-loop) last. */
    @Override
    public List<Transition<AllocPolicyState>> successors(AllocPolicyState s) {
        List<Transition<AllocPolicyState>> out = new ArrayList<Transition<AllocPolicyState>>();
        for (int t = 1; t <= AllocPolicyState.TASKS; t++) {
            String task = Label.task(t);
            add(out, Label.MUTEX_LOCK, task, alloc.mutexLock(s, t));
            add(out, Label.GET_PAGE_FROM_FREELIST, task, alloc.getPageFromFreelist(s, t));
            add(out, Label.ALLOC_FAIL_NORECLAIM, task, alloc.allocFailNoreclaim(s, t));
            add(out, Label.TRY_TO_FREE_PAGES, task, alloc.tryToFreePages(s, t));
            add(out, Label.RECLAIM_RETRY, task, alloc.reclaimRetry(s, t));
            add(out, Label.OUT_OF_MEMORY, task, oom.outOfMemory(s, t));
            add(out, Label.ALLOC_FAIL, task, alloc.allocFail(s, t));
        }
        add(out, Label.EXIT_MM, null, oom.exitMm(s));
        add(out, Label.OOM_REAP, null, oom.oomReap(s));
        add(out, Label.KSWAPD_RECLAIM, null, writeback.kswapdReclaim(s));
        add(out, Label.WRITEBACK_ALLOC, null, writeback.writebackAlloc(s));
        add(out, Label.WRITEBACK_DONE, null, writeback.writebackDone(s));
        addTerminated(out, Label.TERMINATED, s.allDone(), s);
        return out;
    }

    /** WF_vars on each action (of each task) but Terminated: every one is a group of its own. */
    @Override
    public String fairnessGroup(Transition<AllocPolicyState> step) {
        return Label.fairnessGroup(step.label(), step.task());
    }

    @Override
    public List<String> fairnessGroups() {
        return Label.fairnessGroups();
    }

    @Override
    public AllocPolicyState canonical(AllocPolicyState s) {
        return s;
    }
}
