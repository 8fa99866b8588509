package reservecheck.models.lts;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.params.SpecParams;

/**
 * What every reference model does the same way: it answers for its catalog protocol, looks its
 * invariants and liveness properties up in {@link Table}s, prints its variables through a
 * {@link SpecText}, keeps the parameters it runs at, and collects a step of Next only when the action is enabled.  A
 * protocol's model adds only what differs: Init, Next, fairness and symmetry.
 */
public abstract class SpecModel<S, P extends SpecParams> implements Model<S> {
    /** The spec's CONSTANTS this model runs at. */
    protected final P p;
    private final String protocol;
    private final Table<Invariant<S>> invariants;
    private final Table<LeadsTo<S>> properties;
    private final SpecText<S> text;

    protected SpecModel(String protocol, P p, Table<Invariant<S>> invariants, Table<LeadsTo<S>> properties,
                        SpecText<S> text) {
        this.protocol = protocol;
        this.p = p;
        this.invariants = invariants;
        this.properties = properties;
        this.text = text;
    }

    public final P params() {
        return p;
    }

    @Override
    public final String protocol() {
        return protocol;
    }

    @Override
    public final List<String> invariantNames() {
        return invariants.names();
    }

    @Override
    public final boolean invariant(String name, S s) {
        return invariants.get(name).holds(s);
    }

    @Override
    public final List<String> propertyNames() {
        return properties.names();
    }

    @Override
    public final LeadsTo<S> property(String name) {
        return properties.get(name);
    }

    @Override
    public final List<String> variableNames() {
        return text.names();
    }

    @Override
    public final String variable(S s, String name) {
        return text.variable(s, name);
    }

    /** The spec's Init of one state, as {@link Model#initialStates()} lists it. */
    protected static <S> List<S> only(S init) {
        List<S> l = new ArrayList<S>();
        l.add(init);
        return l;
    }

    /**
     * Adds Terminated, a self-loop without a task, when every actor is done: so the end of
     * the run is not a deadlock.  Next lists it last.
     */
    protected static <S> void addTerminated(List<Transition<S>> out, String label, boolean allDone, S s) {
        if (allDone) {
            out.add(new Transition<S>(label, null, s));
        }
    }

    /** The model's class and the parameter values it runs at, e.g. MempoolModel{...}. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + p.values();
    }

    /**
     * Adds the step label(task) to target when the action is enabled: an action's method
     * returns null for a false guard.
     */
    protected static <S> void add(List<Transition<S>> out, String label, String task, S target) {
        if (target != null) {
            out.add(new Transition<S>(label, task, target));
        }
    }
}
