package reservecheck.impl.common;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.FairCycle;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/**
 * Judges a loop of an implementation run, for every protocol: the run has come back to a state
 * it was in (every spec variable and every task's position equal), so the schedule between the
 * two visits can repeat for ever.  The run's record is replayed on the reference model and the
 * loop handed to {@link FairCycle}: if it is weakly fair in the spec's sense and a liveness
 * property fails on it, the implementation livelocks and the verdict is that property's
 * (reserve_tree's throttled_killed_no_oom, net_rx's page_index_alias).  A loop that is not
 * weakly fair proves nothing; the run goes on.  A protocol says only how its record decodes
 * into a replayable log.
 */
public abstract class LoopJudge<S> {
    private final Model<S> model;
    private final List<String> properties;

    /**
     * @param spec       the spec's file name, for the message about a property it does not have
     * @param properties the liveness properties a loop is judged against (names checked here,
     *                   before any checker runs the implementation)
     */
    protected LoopJudge(Model<S> model, String spec, String[] properties) {
        this.model = model;
        List<String> l = new ArrayList<String>();
        for (String name : properties) {
            if (!model.propertyNames().contains(name)) {
                throw new IllegalArgumentException("no liveness property " + name + " in " + spec + " (it has "
                        + model.propertyNames() + ")");
            }
            l.add(name);
        }
        this.properties = l;
    }

    /** The run's record (spec variables after each step) as an event log the model replays. */
    protected abstract ReplaySource decode(int[] record);

    /**
     * The verdict of the loop from step {@code from} to the end of the record (the record's last
     * state equals the state after step {@code from}), or null.
     */
    public final String verdict(int[] record, int from) {
        if (properties.isEmpty()) {
            return null;
        }
        List<S> states = new ArrayList<S>();
        List<Transition<S>> steps = new ArrayList<Transition<S>>();
        ModelReplay.Result<S> r = ModelReplay.replay(model, decode(record), states, steps);
        if (!r.agrees()) {
            // a divergence is the replay's to report, with the whole log; no liveness claim here
            return null;
        }
        int end = states.size() - 1;
        return FairCycle.violation(model, states.subList(from, end), steps.subList(from, end), properties);
    }
}
