package reservecheck.properties;

import java.util.ArrayList;
import java.util.List;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/**
 * A walk through a model: the current state and the steps taken so far.  jqwik's action chains
 * mutate one walk; a step names an action by its label and task, which identifies at most one
 * enabled transition of a deterministic model, so a shrunk chain stays meaningful when earlier
 * steps are removed (a step that is not enabled any more is skipped).
 */
final class Walk<S> {
    final Model<S> model;
    S state;
    final List<String> steps = new ArrayList<>();

    Walk(Model<S> model) {
        this.model = model;
        this.state = model.initialStates().get(0);
    }

    List<Transition<S>> enabled() {
        return model.successors(state);
    }

    /** Takes the enabled step "label(task)" if there is one; returns whether it did. */
    boolean take(String step) {
        for (Transition<S> t : enabled()) {
            if (t.toString().equals(step)) {
                state = t.target();
                steps.add(step);
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return steps.toString();
    }
}
