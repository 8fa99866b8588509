package reservecheck.explorer;

import java.util.List;

import reservecheck.models.lts.Model;

/**
 * A behaviour that violates the checked condition.  Safety violations are finite paths (the
 * last state deadlocks or breaks the invariant).  Liveness violations are lassos: the steps,
 * then either a return from the last state to state {@code loopStart} by the step
 * {@code loopAction(loopTask)}, or stuttering in the last state forever.
 *
 * @param task      the task the liveness property fails for; null for safety
 * @param loopStart 1-based index of the state the cycle returns to; 0 if not a lasso; the last
 *                  index when the behaviour stutters
 */
public record Counterexample<S>(String task, List<Step<S>> steps, int loopStart, boolean stuttering,
                                String loopAction, String loopTask) {

    public Counterexample {
        steps = List.copyOf(steps);
    }

    public int length() {
        return steps.size();
    }

    public boolean isLasso() {
        return loopStart > 0;
    }

    /** The states before the cycle. */
    public List<Step<S>> prefix() {
        return isLasso() ? steps.subList(0, loopStart - 1) : steps;
    }

    /** The states of the cycle (one state when stuttering); empty if not a lasso. */
    public List<Step<S>> loop() {
        return isLasso() ? steps.subList(loopStart - 1, steps.size()) : List.of();
    }

    public S lastState() {
        return steps.get(steps.size() - 1).state();
    }

    /** The trace in TLC's layout, the variables printed through the model's canonical text. */
    public String render(Model<S> model) {
        StringBuilder b = new StringBuilder();
        for (Step<S> step : steps) {
            b.append("State ").append(step.index()).append(": <").append(step.actionText()).append(">\n");
            for (String v : model.variableNames()) {
                b.append("/\\ ").append(v).append(" = ").append(model.variable(step.state(), v)).append('\n');
            }
            b.append('\n');
        }
        if (stuttering) {
            b.append("State ").append(steps.size() + 1).append(": Stuttering\n");
        } else if (isLasso()) {
            b.append("Back to state ").append(loopStart).append(": <")
                    .append(loopTask == null ? loopAction : loopAction + "(" + loopTask + ")").append(">\n");
        }
        return b.toString();
    }
}
