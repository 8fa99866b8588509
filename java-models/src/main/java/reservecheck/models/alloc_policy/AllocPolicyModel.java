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
 * {@link AllocPolicyParams}.  The spec's actions take no parameter (one allocating task, one
 * victim, kswapd, writeback, the reaper), so no transition has a task and there is no symmetry.
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

    /** The spec's Init: the allocation at its fast path, the victim alive if it has pages. */
    @Override
    public List<AllocPolicyState> initialStates() {
        AllocPolicyState.Builder b = new AllocPolicyState.Builder();
        b.free = p.initFree;
        b.clean = p.cleanPages;
        b.dirty = p.dirtyPages;
        b.wb = 0;
        b.apc = AllocPolicyState.FAST;
        b.victim = p.victimPages > 0 ? AllocPolicyState.ALIVE : AllocPolicyState.NONE;
        return only(b.build());
    }

    /** The spec's Next in the order of its disjuncts; Terminated (a self-loop) last. */
    @Override
    public List<Transition<AllocPolicyState>> successors(AllocPolicyState s) {
        List<Transition<AllocPolicyState>> out = new ArrayList<Transition<AllocPolicyState>>();
        add(out, Label.GET_PAGE_FROM_FREELIST, null, alloc.getPageFromFreelist(s));
        add(out, Label.ALLOC_FAIL_NORECLAIM, null, alloc.allocFailNoreclaim(s));
        add(out, Label.TRY_TO_FREE_PAGES, null, alloc.tryToFreePages(s));
        add(out, Label.RECLAIM_RETRY, null, alloc.reclaimRetry(s));
        add(out, Label.OUT_OF_MEMORY, null, oom.outOfMemory(s));
        add(out, Label.ALLOC_FAIL, null, alloc.allocFail(s));
        add(out, Label.EXIT_MM, null, oom.exitMm(s));
        add(out, Label.OOM_REAP, null, oom.oomReap(s));
        add(out, Label.KSWAPD_RECLAIM, null, writeback.kswapdReclaim(s));
        add(out, Label.WRITEBACK_ALLOC, null, writeback.writebackAlloc(s));
        add(out, Label.WRITEBACK_DONE, null, writeback.writebackDone(s));
        addTerminated(out, Label.TERMINATED, s.returned(), s);
        return out;
    }

    /** WF_vars on each action but Terminated: every action is a group of its own. */
    @Override
    public String fairnessGroup(Transition<AllocPolicyState> step) {
        return Label.fairnessGroup(step.label());
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
