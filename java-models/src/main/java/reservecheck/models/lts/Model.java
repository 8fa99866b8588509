package reservecheck.models.lts;

import java.util.List;

/**
 * A protocol's reference model: a deterministic labelled transition system that states the
 * same protocol as its TLA+ spec, with the same variables, action names, invariants and
 * liveness properties.  Checkers (the explorer, jqwik properties, conformance with TLC,
 * the JPF walk) work on this interface only.
 *
 * <p>States are immutable and define equals/hashCode.  Everything here stays in the subset
 * of Java that Java PathFinder runs correctly: no records, no explicit lock classes,
 * no String.formatted.
 */
public interface Model<S> {

    /** The catalog protocol this model belongs to, e.g. "mempool". */
    String protocol();

    /** The initial states (the spec's Init). */
    List<S> initialStates();

    /**
     * Every step the spec's Next allows from s, in a deterministic order.  Steps that leave the
     * state unchanged but are actions of the spec (e.g. {@code Terminated}) are included as
     * self-loops, exactly as TLC sees them, so "no successor" means deadlock as in TLC.
     */
    List<Transition<S>> successors(S s);

    /** Names of the invariants this model defines (the spec's operator names). */
    List<String> invariantNames();

    /** Evaluates the named invariant; unknown names throw IllegalArgumentException. */
    boolean invariant(String name, S s);

    /** Names of the liveness properties this model defines. */
    List<String> propertyNames();

    /**
     * The named liveness property, of the form "for every task t: P(t) ~> Q(t)" under the
     * model's weak fairness (see {@link #fairnessGroup}).
     */
    LeadsTo<S> property(String name);

    /**
     * Weak fairness: the name of the weakly fair action group a step belongs to (e.g.
     * "TaskProgress(p1)"), or null if the step is not under fairness (e.g. starting a request,
     * a timeout).  A group is enabled in a state iff some successor step belongs to it.
     */
    String fairnessGroup(Transition<S> step);

    /** The names of all weakly fair groups. */
    List<String> fairnessGroups();

    /**
     * Whether a step starts new work from the environment (a task making its next request),
     * as opposed to a step of work already started or a timeout.  Such steps are not fair
     * (a task may stay idle), but a checker that looks for a state where everyone is stuck
     * may take them; it must never take a timeout to get there.  A model without such steps
     * keeps this default.
     */
    default boolean startsRequest(Transition<S> step) {
        return false;
    }

    /**
     * A canonical representative of s's symmetry class (tasks of the same context permuted),
     * used only when checking invariants with symmetry; s itself if the model has none.
     */
    S canonical(S s);

    /**
     * A fixed-width encoding of this model's states, or null if it has none (the default): a
     * checker then stores the state objects themselves.
     */
    default Packing<S> packing() {
        return null;
    }

    /** The spec's variable names, in the spec's order. */
    List<String> variableNames();

    /**
     * The value of a variable in s as canonical TLA+ text (see {@link TlaText}): the form
     * conformance compares with TLC's states and traces are written from.
     */
    String variable(S s, String name);
}
