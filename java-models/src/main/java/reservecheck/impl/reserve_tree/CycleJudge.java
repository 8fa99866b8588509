package reservecheck.impl.reserve_tree;

import java.util.ArrayList;
import java.util.List;

import reservecheck.impl.common.ModelReplay;
import reservecheck.models.lts.FairCycle;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;
import reservecheck.models.reserve_tree.ReserveTreeModel;
import reservecheck.models.reserve_tree.ReserveTreeParams;
import reservecheck.models.reserve_tree.ReserveTreeState;

/**
 * Judges a loop of the implementation: the run has come back to a state it was in (all its
 * variables and every actor's pc equal), so the schedule between the two visits can repeat for
 * ever.  The run's record is replayed on the reference model and the loop handed to
 * {@link FairCycle}: if it is weakly fair in the spec's sense and some allocator's request stays
 * unanswered on it, the implementation livelocks, and the verdict is the liveness property's
 * (throttled_killed_no_oom: a killed task whose try_to_free_pages reports progress loops in the
 * allocator without ever reaching out_of_memory).  A loop that is not weakly fair proves
 * nothing; the run goes on.
 */
final class CycleJudge {
    private final ReserveTreeParams params;
    private final ReserveTreeModel model;
    private final List<String> properties;

    CycleJudge(ReserveTreeParams params, String[] properties) {
        this.params = params;
        this.model = new ReserveTreeModel(params);
        List<String> l = new ArrayList<String>();
        for (String name : properties) {
            if (!model.propertyNames().contains(name)) {
                throw new IllegalArgumentException("no liveness property " + name + " in ReserveTree.tla (it has "
                        + model.propertyNames() + ")");
            }
            l.add(name);
        }
        this.properties = l;
    }

    /**
     * The verdict of the loop from step {@code from} to the end of the record (the record's
     * last state equals the state after step {@code from}), or null.
     */
    String verdict(int[] record, int from) {
        if (properties.isEmpty()) {
            return null;
        }
        EventLog log = EventLog.decode(params, record);
        List<ReserveTreeState> states = new ArrayList<ReserveTreeState>();
        List<Transition<ReserveTreeState>> steps = new ArrayList<Transition<ReserveTreeState>>();
        ModelReplay.Result<ReserveTreeState> r = ModelReplay.replay((Model<ReserveTreeState>) model, log, states, steps);
        if (!r.agrees()) {
            // a divergence is the replay's to report, with the whole log; no liveness claim here
            return null;
        }
        int end = states.size() - 1;
        return FairCycle.violation(model, states.subList(from, end), steps.subList(from, end), properties);
    }
}
