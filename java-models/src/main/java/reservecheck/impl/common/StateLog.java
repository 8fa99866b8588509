package reservecheck.impl.common;

import java.util.List;

import reservecheck.models.lts.Model;

/**
 * An event log of model states: the state when the implementation was built, then per step its
 * action, its task and the state after it, in the order the steps held the monitor.  A
 * protocol's log decodes its recorded ints into these states (net_rx, alloc_policy: their
 * {@code EventLog.decode}); the values are the model's own text of the decoded states, so the
 * replay ({@link ModelReplay}) compares the implementation's variables with the model's,
 * variable by variable.
 *
 * @param <S> the model's state
 */
public class StateLog<S> implements ReplaySource {
    private final Model<S> model;
    private final List<S> states;
    private final List<String> labels;
    private final List<String> tasks;
    private final String[] variables;

    /** {@code states} has one more entry than {@code labels} and {@code tasks} (a null task: a step of no task). */
    protected StateLog(Model<S> model, List<S> states, List<String> labels, List<String> tasks) {
        this.model = model;
        this.states = states;
        this.labels = labels;
        this.tasks = tasks;
        this.variables = model.variableNames().toArray(new String[0]);
    }

    /** The state after step i (0: the initial state). */
    public S state(int i) {
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
        return StepsText.step(this, i);
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
