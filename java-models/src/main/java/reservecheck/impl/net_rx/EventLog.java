package reservecheck.impl.net_rx;

import java.util.ArrayList;
import java.util.List;

import reservecheck.impl.common.ReplayLog;
import reservecheck.impl.common.ReplaySource;
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
public final class EventLog implements ReplaySource {
    private final Model<NetRxState> model;
    private final List<NetRxState> states;
    private final List<String> labels;
    private final List<String> tasks;
    private final String[] variables;

    private EventLog(Model<NetRxState> model, List<NetRxState> states, List<String> labels, List<String> tasks) {
        this.model = model;
        this.states = states;
        this.labels = labels;
        this.tasks = tasks;
        this.variables = model.variableNames().toArray(new String[0]);
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

    /** The state after step i (0: the initial state). */
    public NetRxState state(int i) {
        return states.get(i);
    }

    @Override
    public int size() {
        return labels.size();
    }

    @Override
    public String[] variables() {
        return variables;
    }

    @Override
    public String initialText(int var) {
        return model.variable(states.get(0), variables[var]);
    }

    @Override
    public String label(int i) {
        return labels.get(i);
    }

    @Override
    public String task(int i) {
        return tasks.get(i);
    }

    /** The variables step i changed, with their new values. */
    @Override
    public void written(int i, ReplayLog out) {
        for (String v : variables) {
            String before = model.variable(states.get(i), v);
            String after = model.variable(states.get(i + 1), v);
            if (!before.equals(after)) {
                out.wrote(v, after);
            }
        }
    }

    /** Step i as the model names its transition: {@code label} or {@code label(task)}. */
    public String step(int i) {
        return tasks.get(i) == null ? labels.get(i) : labels.get(i) + "(" + tasks.get(i) + ")";
    }

    public String toText() {
        StringBuilder b = new StringBuilder("Init");
        for (int v = 0; v < variables.length; v++) {
            b.append(v == 0 ? " " : ", ").append(variables[v]).append(" = ").append(initialText(v));
        }
        b.append('\n');
        for (int i = 0; i < size(); i++) {
            b.append(i + 1).append(": ").append(step(i));
            for (String v : variables) {
                String after = model.variable(states.get(i + 1), v);
                if (!model.variable(states.get(i), v).equals(after)) {
                    b.append(' ').append(v).append(" := ").append(after);
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}
