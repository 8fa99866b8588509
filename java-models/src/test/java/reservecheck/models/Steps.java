package reservecheck.models;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.models.mempool.MempoolState;
import reservecheck.models.reserve_tree.ReserveTreeModel;
import reservecheck.models.reserve_tree.ReserveTreeState;

/** Hand-written runs: take the named action of the named task, failing if it is not enabled. */
public final class Steps<S, M extends Model<S>> {
    private final M model;
    private S state;

    public Steps(M model) {
        this.model = model;
        this.state = model.initialStates().get(0);
    }

    /**
     * A run of the catalog variant's model (its defaults overridden by the extra name, value
     * pairs); the variant must be one of the protocol's whose model type is given.
     */
    public static <S, M extends Model<S>> Steps<S, M> of(String protocol, Class<M> type, String variant,
                                                          Object... overrides) {
        Map<String, Object> params = TestCatalog.of(protocol).parameters(variant);
        for (int i = 0; i < overrides.length; i += 2) {
            params.put((String) overrides[i], overrides[i + 1]);
        }
        return new Steps<>(type.cast(Models.create(protocol, params)));
    }

    public static Steps<MempoolState, MempoolModel> mempool(String variant, Object... overrides) {
        return of(MempoolModel.PROTOCOL, MempoolModel.class, variant, overrides);
    }

    public static Steps<ReserveTreeState, ReserveTreeModel> reserveTree(String variant, Object... overrides) {
        return of(ReserveTreeModel.PROTOCOL, ReserveTreeModel.class, variant, overrides);
    }

    /** Takes label(task); task null for the actions without a parameter. */
    public Steps<S, M> step(String label, String task) {
        for (Transition<S> t : model.successors(state)) {
            if (t.label().equals(label) && (task == null ? t.task() == null : task.equals(t.task()))) {
                state = t.target();
                return this;
            }
        }
        fail(label + "(" + task + ") is not enabled in " + state + "; enabled: " + model.successors(state));
        return this;
    }

    public Steps<S, M> step(String label) {
        return step(label, null);
    }

    /** The enabled steps as "label(task)" in the model's order. */
    public List<String> enabled() {
        List<String> l = new ArrayList<>();
        for (Transition<S> t : model.successors(state)) {
            l.add(t.toString());
        }
        return l;
    }

    /** The enabled steps as "label(task) group", group null for an unfair step. */
    public Set<String> fairness() {
        Set<String> seen = new HashSet<>();
        for (Transition<S> t : model.successors(state)) {
            seen.add(t + " " + model.fairnessGroup(t));
        }
        return seen;
    }

    /** As {@link #fairness}, each followed by whether the step starts new work. */
    public Set<String> fairnessAndStarts() {
        Set<String> seen = new HashSet<>();
        for (Transition<S> t : model.successors(state)) {
            seen.add(t + " " + model.fairnessGroup(t) + " " + model.startsRequest(t));
        }
        return seen;
    }

    public S state() {
        return state;
    }

    public M model() {
        return model;
    }

    public String var(String name) {
        return model.variable(state, name);
    }

    public boolean holds(String invariant) {
        return model.invariant(invariant, state);
    }

    /** The invariants of the spec that fail here. */
    public List<String> failing() {
        List<String> l = new ArrayList<>();
        for (String inv : model.invariantNames()) {
            if (!model.invariant(inv, state)) {
                l.add(inv);
            }
        }
        return l;
    }
}
