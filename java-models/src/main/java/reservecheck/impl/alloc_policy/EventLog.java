package reservecheck.impl.alloc_policy;

import java.util.ArrayList;
import java.util.List;

import reservecheck.impl.common.ReplayLog;
import reservecheck.impl.common.ReplaySource;
import reservecheck.models.alloc_policy.AllocPolicyModel;
import reservecheck.models.alloc_policy.AllocPolicyParams;
import reservecheck.models.alloc_policy.AllocPolicyState;
import reservecheck.models.lts.Model;

/**
 * What the implementation did: the spec variables' values when it was built, then per step its
 * action, its task and the state after it, in the order the steps held the monitor.  Decoded
 * after a run from the ints the steps recorded ({@link AllocKernel#snapshot}); the values are
 * the model's own text of the decoded states, so the replay compares the implementation's
 * variables with the model's, variable by variable.
 */
public final class EventLog implements ReplaySource {
    private final Model<AllocPolicyState> model;
    private final List<AllocPolicyState> states;
    private final List<String> labels;
    private final List<String> tasks;
    private final String[] variables;

    private EventLog(Model<AllocPolicyState> model, List<AllocPolicyState> states, List<String> labels,
                     List<String> tasks) {
        this.model = model;
        this.states = states;
        this.labels = labels;
        this.tasks = tasks;
        this.variables = model.variableNames().toArray(new String[0]);
    }

    /** Decodes a record: the initial snapshot, then per step label code, task, snapshot. */
    public static EventLog decode(AllocPolicyParams p, int[] rec) {
        List<AllocPolicyState> states = new ArrayList<AllocPolicyState>();
        List<String> labels = new ArrayList<String>();
        List<String> tasks = new ArrayList<String>();
        states.add(read(rec, 0));
        for (int at = AllocKernel.SNAPSHOT; at < rec.length; at += 2 + AllocKernel.SNAPSHOT) {
            labels.add(AllocKernel.LABELS[rec[at]]);
            int task = rec[at + 1];
            tasks.add(task == AllocKernel.NO_TASK ? null : Integer.toString(task));
            states.add(read(rec, at + 2));
        }
        return new EventLog(new AllocPolicyModel(p), states, labels, tasks);
    }

    private static AllocPolicyState read(int[] r, int i) {
        return AllocPolicyState.of(r[i], r[i + 1], r[i + 2], r[i + 3], AllocKernel.PCS[r[i + 4]],
                AllocKernel.PCS[r[i + 5]], r[i + 6], AllocKernel.VICTIMS[r[i + 7]], r[i + 8] == 1, r[i + 9] == 1,
                r[i + 10] == 1);
    }

    /** The state after step i (0: the initial state). */
    public AllocPolicyState state(int i) {
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
            String after = model.variable(states.get(i + 1), v);
            if (!model.variable(states.get(i), v).equals(after)) {
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
