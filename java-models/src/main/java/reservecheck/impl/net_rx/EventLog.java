package reservecheck.impl.net_rx;

import java.util.ArrayList;
import java.util.List;

import reservecheck.impl.common.StateLog;
import reservecheck.models.lts.Model;
import reservecheck.models.net_rx.Label;
import reservecheck.models.net_rx.NetRxModel;
import reservecheck.models.net_rx.NetRxParams;
import reservecheck.models.net_rx.NetRxState;

/**
 * What the implementation did: the spec variables' values when it was built, then per step its
 * action, its task and the state after it, in the order the steps held the monitor.  Decoded
 * after a run from the ints the steps recorded ({@link NetRxKernel#snapshot}); the values are
 * the model's own text of the decoded states ({@link NetRxState#of}), so the replay compares
 * the implementation's variables with the model's, variable by variable.
 */
public final class EventLog extends StateLog<NetRxState> {
    private EventLog(Model<NetRxState> model, List<NetRxState> states, List<String> labels, List<String> tasks) {
        super(model, states, labels, tasks);
    }

    /** Decodes a record: the initial snapshot, then per step label code, task code, snapshot. */
    public static EventLog decode(NetRxParams p, int[] rec) {
        List<NetRxState> states = new ArrayList<NetRxState>();
        List<String> labels = new ArrayList<String>();
        List<String> tasks = new ArrayList<String>();
        int[] at = {0};
        states.add(read(p, rec, at));
        while (at[0] < rec.length) {
            labels.add(NetRxKernel.LABELS[rec[at[0]]]);
            int task = rec[at[0] + 1];
            tasks.add(task == NetRxKernel.NO_TASK ? null : Label.socket(task));
            at[0] += 2;
            states.add(read(p, rec, at));
        }
        return new EventLog(new NetRxModel(p), states, labels, tasks);
    }

    private static NetRxState read(NetRxParams p, int[] rec, int[] at) {
        int i = at[0];
        int[] wire = new int[rec[i++]];
        for (int w = 0; w < wire.length; w++) {
            wire[w] = rec[i++];
        }
        int[] ring = new int[rec[i++]];
        for (int r = 0; r < ring.length; r++) {
            ring[r] = rec[i++];
        }
        int cur = rec[i++];
        boolean pfMemalloc = rec[i++] == 1;
        int[][] queue = new int[p.socketCount()][];
        for (int s = 0; s < queue.length; s++) {
            queue[s] = new int[rec[i++]];
            for (int q = 0; q < queue[s].length; q++) {
                queue[s][q] = rec[i++];
            }
        }
        NetRxState st = NetRxState.of(wire, ring, cur, pfMemalloc, queue, rec[i], rec[i + 1], rec[i + 2] == 1,
                rec[i + 3], rec[i + 4], rec[i + 5]);
        at[0] = i + 6;
        return st;
    }
}
