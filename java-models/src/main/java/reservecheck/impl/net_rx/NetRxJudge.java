package reservecheck.impl.net_rx;

import java.util.ArrayList;
import java.util.List;

import reservecheck.impl.common.ModelReplay;
import reservecheck.models.lts.FairCycle;
import reservecheck.models.lts.Transition;
import reservecheck.models.net_rx.NetRxModel;
import reservecheck.models.net_rx.NetRxParams;
import reservecheck.models.net_rx.NetRxState;

/**
 * Judges a loop of the implementation: the run came back to a state it was in (every spec
 * variable equal, and with them every task's position, see NetRxKernel), so the schedule in
 * between can repeat for ever.  The record is replayed on the model and the loop handed to
 * {@link FairCycle}: weakly fair and leaving a swap-out incomplete or ordinary traffic in flight
 * for good, it is a livelock (page_index_alias: every ordinary packet dropped and sent again).
 */
final class NetRxJudge {
    private final NetRxParams params;
    private final NetRxModel model;
    private final List<String> properties;

    NetRxJudge(NetRxParams params, String[] properties) {
        this.params = params;
        this.model = new NetRxModel(params);
        List<String> l = new ArrayList<String>();
        for (String name : properties) {
            if (!model.propertyNames().contains(name)) {
                throw new IllegalArgumentException("no liveness property " + name + " in NetRx.tla (it has "
                        + model.propertyNames() + ")");
            }
            l.add(name);
        }
        this.properties = l;
    }

    /** The verdict of the loop from step {@code from} to the record's end (equal states), or null. */
    String verdict(int[] record, int from) {
        if (properties.isEmpty()) {
            return null;
        }
        List<NetRxState> states = new ArrayList<NetRxState>();
        List<Transition<NetRxState>> steps = new ArrayList<Transition<NetRxState>>();
        ModelReplay.Result<NetRxState> r = ModelReplay.replay(model, EventLog.decode(params, record),
                states, steps);
        if (r.divergence() != null) {
            // a divergence is the replay's to report, with the whole log; no liveness claim here
            return null;
        }
        int end = states.size() - 1;
        return FairCycle.violation(model, states.subList(from, end), steps.subList(from, end), properties);
    }
}
