package reservecheck.models.reserve_tree;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.models.TestCatalog;
import reservecheck.models.lts.Transition;

/** Hand-written runs: take the named action of the named task, failing if it is not enabled. */
final class Steps {
    private final ReserveTreeModel model;
    private ReserveTreeState state;

    Steps(ReserveTreeModel model) {
        this.model = model;
        this.state = model.initialStates().get(0);
    }

    /** A run of the catalog variant's model (its defaults overridden by the extra values). */
    static Steps of(String variant, Object... overrides) {
        Map<String, Object> params = TestCatalog.reserveTree().parameters(variant);
        for (int i = 0; i < overrides.length; i += 2) {
            params.put((String) overrides[i], overrides[i + 1]);
        }
        return new Steps(ReserveTreeModel.fromParameters(params));
    }

    /** Takes label(task); task null for the actions without a parameter. */
    Steps step(String label, String task) {
        for (Transition<ReserveTreeState> t : model.successors(state)) {
            if (t.label().equals(label) && (task == null ? t.task() == null : task.equals(t.task()))) {
                state = t.target();
                return this;
            }
        }
        fail(label + "(" + task + ") is not enabled in " + state + "; enabled: " + model.successors(state));
        return this;
    }

    Steps step(String label) {
        return step(label, null);
    }

    /** The enabled steps as "label(task)" in the model's order. */
    List<String> enabled() {
        List<String> l = new ArrayList<String>();
        for (Transition<ReserveTreeState> t : model.successors(state)) {
            l.add(t.toString());
        }
        return l;
    }

    ReserveTreeState state() {
        return state;
    }

    ReserveTreeModel model() {
        return model;
    }

    String var(String name) {
        return model.variable(state, name);
    }

    boolean holds(String invariant) {
        return model.invariant(invariant, state);
    }

    /** The invariants of the spec that fail here. */
    List<String> failing() {
        List<String> l = new ArrayList<String>();
        for (String inv : model.invariantNames()) {
            if (!model.invariant(inv, state)) {
                l.add(inv);
            }
        }
        return l;
    }
}
