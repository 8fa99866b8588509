package reservecheck.models.mempool;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;

import reservecheck.models.TestCatalog;
import reservecheck.models.lts.Transition;

/** Hand-written runs: take the named action of the named task, failing if it is not enabled. */
final class Steps {
    private final MempoolModel model;
    private MempoolState state;

    Steps(MempoolModel model) {
        this.model = model;
        this.state = model.initialStates().get(0);
    }

    /** A run of the catalog variant's model (its defaults overridden by the extra values). */
    static Steps of(String variant, Object... overrides) {
        Map<String, Object> params = TestCatalog.mempool().parameters(variant);
        for (int i = 0; i < overrides.length; i += 2) {
            params.put((String) overrides[i], overrides[i + 1]);
        }
        return new Steps(MempoolModel.fromParameters(params));
    }

    Steps step(String label, String task) {
        for (Transition<MempoolState> t : model.successors(state)) {
            if (t.label().equals(label) && task.equals(t.task())) {
                state = t.target();
                return this;
            }
        }
        fail(label + "(" + task + ") is not enabled in " + state + "; enabled: " + model.successors(state));
        return this;
    }

    MempoolState state() {
        return state;
    }

    MempoolModel model() {
        return model;
    }

    String var(String name) {
        return model.variable(state, name);
    }

    boolean holds(String invariant) {
        return model.invariant(invariant, state);
    }

    int task(String name) {
        return model.params().taskIndex(name);
    }
}
