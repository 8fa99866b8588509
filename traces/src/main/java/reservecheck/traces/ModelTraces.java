package reservecheck.traces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reservecheck.explorer.Counterexample;
import reservecheck.explorer.Step;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;
import reservecheck.tla.TlaValue;

/**
 * ITF traces from the reference models: the explorer's counterexamples, and any list of steps
 * replayed on a model (a jqwik chain, an implementation's event log).  Values come from the
 * model's canonical TLA+ text ({@link Model#variable}) parsed by {@link TlaValue#parse}, the same
 * text conformance compares with TLC, so the traces of both checkers agree value by value.
 */
public final class ModelTraces {

    private ModelTraces() {
    }

    /** Every variable of a model state as a value. */
    public static <S> Map<String, TlaValue> values(Model<S> model, S state) {
        Map<String, TlaValue> m = new LinkedHashMap<>();
        for (String v : model.variableNames()) {
            m.put(v, TlaValue.parse(model.variable(state, v)));
        }
        return m;
    }

    /**
     * An explorer counterexample as a trace.  A lasso keeps its loop: {@code loop} is the
     * (0-based) state the cycle returns to, and the closing step's action goes into
     * {@code #meta.loop_action}/{@code loop_task}; a behaviour that stutters in its last state
     * loops on that state, which is marked stuttering.  For liveness the failing task goes into
     * {@code #meta.task}.
     *
     * @param meta the trace's meta (see {@link TraceMeta#of})
     */
    public static <S> ItfTrace fromCounterexample(Counterexample<S> ce, Model<S> model, Map<String, Object> meta) {
        List<ItfTrace.ItfState> states = new ArrayList<>();
        for (Step<S> step : ce.steps()) {
            states.add(new ItfTrace.ItfState(step.index() - 1, step.action(), step.task(),
                    step.stutters() || (ce.stuttering() && step.index() == ce.steps().size()),
                    values(model, step.state())));
        }
        Map<String, Object> m = new LinkedHashMap<>(meta);
        if (ce.task() != null) {
            m.put(TraceMeta.TASK, ce.task());
        }
        Integer loop = null;
        if (ce.isLasso()) {
            loop = ce.loopStart() - 1;
            if (!ce.stuttering() && ce.loopAction() != null) {
                m.put(TraceMeta.LOOP_ACTION, ce.loopAction());
                if (ce.loopTask() != null) {
                    m.put(TraceMeta.LOOP_TASK, ce.loopTask());
                }
            }
        }
        return new ItfTrace(m, List.of(), model.variableNames(), states, loop);
    }

    /**
     * Replays steps on a model from its first initial state and records the states: the
     * generic "steps + model = trace" that jqwik chains and event logs use.
     *
     * @param steps each step as {@link Transition#toString()} prints it: {@code label(task)}, or
     *              {@code label} for a step without a task
     * @param loop  the 0-based state the behaviour returns to after the last step, or null
     * @throws IllegalArgumentException naming the first step that is not enabled where it is taken
     */
    public static <S> ItfTrace fromSteps(Model<S> model, List<String> steps, Integer loop, Map<String, Object> meta) {
        S s = model.initialStates().get(0);
        List<ItfTrace.ItfState> states = new ArrayList<>();
        states.add(new ItfTrace.ItfState(0, null, null, false, values(model, s)));
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i).strip();
            Transition<S> taken = null;
            for (Transition<S> t : model.successors(s)) {
                if (t.toString().equals(step)) {
                    taken = t;
                    break;
                }
            }
            if (taken == null) {
                throw new IllegalArgumentException("step " + (i + 1) + " " + step + " is not enabled in state " + i
                        + " (enabled: " + enabled(model, s) + ")");
            }
            s = taken.target();
            states.add(new ItfTrace.ItfState(i + 1, taken.label(), taken.task(), false, values(model, s)));
        }
        if (loop != null && (loop < 0 || loop > steps.size())) {
            throw new IllegalArgumentException("loop " + loop + " is not a state of the " + (steps.size() + 1)
                    + "-state trace");
        }
        return new ItfTrace(meta, List.of(), model.variableNames(), states, loop);
    }

    /**
     * A jqwik chain (its steps as kept in the regression files) as a trace.  Only the chain: the
     * fair continuation jqwik's liveness oracle followed from its last state is not recorded,
     * since replay ({@link TraceReplay}) recomputes it deterministically.
     */
    public static <S> ItfTrace fromJqwikChain(Model<S> model, List<String> chain, String variant, String verdict,
                                              String description, Map<String, ?> parameters) {
        Map<String, Object> meta = TraceMeta.of("jqwik", model.protocol(), variant, verdict, description, parameters);
        return fromSteps(model, chain, null, meta);
    }

    /** The enabled steps of a state, for messages. */
    static <S> String enabled(Model<S> model, S s) {
        List<String> names = new ArrayList<>();
        for (Transition<S> t : model.successors(s)) {
            if (!names.contains(t.toString())) {
                names.add(t.toString());
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** Whether a model state has the trace state's values, variable by variable. */
    static <S> boolean agrees(Model<S> model, S s, ItfTrace trace, ItfTrace.ItfState st) {
        return firstDifference(model, s, trace, st) == null;
    }

    /** "curr_nr is 1 in the trace, 2 in the model", or null when they agree. */
    static <S> String firstDifference(Model<S> model, S s, ItfTrace trace, ItfTrace.ItfState st) {
        for (String v : trace.vars()) {
            TlaValue mine = TlaValue.parse(model.variable(s, v));
            TlaValue theirs = st.values().get(v);
            if (!Objects.equals(mine, theirs)) {
                return v + " is " + theirs + " in the trace, " + mine + " in the model";
            }
        }
        return null;
    }
}
