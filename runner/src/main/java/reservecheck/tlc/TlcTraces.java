package reservecheck.tlc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;
import reservecheck.tla.TlaValue;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceMeta;

/**
 * TLC's counterexample ({@link TlcResult#trace()}) as an ITF trace.  TLC's stuttering marker
 * (message 2218) makes the last state a loop onto itself marked stuttering; its "back to state
 * N" marker (2122) becomes {@code loop = N - 1} with the closing action in
 * {@code #meta.loop_action}.
 *
 * <p>TLC names a step's action but not the value of its parameter (it prints
 * {@code mempool_free}, not {@code mempool_free(p1)}).  Given the protocol's reference model,
 * the task of each step is found by following the trace on the model: the one step with that
 * label whose target has the next state's values.  Where the model does not follow (it
 * disagrees with the spec) the remaining tasks are left out; replay then reports where.
 */
public final class TlcTraces {
    private static final String INITIAL = "Initial predicate";

    private TlcTraces() {
    }

    /**
     * @param steps TLC's trace, markers included
     * @param meta  the trace's meta (see {@link TraceMeta#of})
     * @param model the protocol's reference model at the variant's parameters, or null
     * @throws IllegalArgumentException if the trace has no state or a value does not parse
     */
    public static ItfTrace toItf(List<TraceStep> steps, Map<String, Object> meta, Model<?> model) {
        List<TraceStep> real = new ArrayList<>();
        Integer loop = null;
        boolean stuttering = false;
        String loopAction = null;
        for (TraceStep s : steps) {
            if (s.stuttering()) {
                stuttering = true;
            } else if (s.backToState() != null) {
                loop = s.backToState() - 1;
                loopAction = s.action();
            } else {
                real.add(s);
            }
        }
        if (real.isEmpty()) {
            throw new IllegalArgumentException("TLC's trace has no state");
        }
        if (stuttering) {
            loop = real.size() - 1;
        }
        List<String> vars = variables(real.get(0), model);
        List<Map<String, TlaValue>> values = new ArrayList<>();
        for (TraceStep s : real) {
            values.add(s.values());
        }
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            String a = real.get(i).action();
            actions.add(i == 0 || INITIAL.equals(a) ? null : a);
        }
        List<String> tasks = new ArrayList<>();
        String loopTask = model == null ? null : inferTasks(model, vars, values, actions, loop, loopAction, tasks);
        List<ItfTrace.ItfState> states = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            states.add(new ItfTrace.ItfState(i, actions.get(i), i < tasks.size() ? tasks.get(i) : null,
                    stuttering && i == real.size() - 1, values.get(i)));
        }
        Map<String, Object> m = new LinkedHashMap<>(meta);
        if (loop != null && !stuttering && loopAction != null) {
            m.put(TraceMeta.LOOP_ACTION, loopAction);
            if (loopTask != null) {
                m.put(TraceMeta.LOOP_TASK, loopTask);
            }
        }
        return new ItfTrace(m, List.of(), vars, states, loop);
    }

    /** The spec's variable order from the model when it has the same variables; else TLC's order. */
    private static List<String> variables(TraceStep first, Model<?> model) {
        List<String> tlc = new ArrayList<>(first.vars().keySet());
        if (model != null && new HashSet<>(model.variableNames()).equals(new HashSet<>(tlc))) {
            return model.variableNames();
        }
        return tlc;
    }

    /**
     * Fills {@code tasks} (index i: the task of the step into state i) by following the trace on
     * the model, as far as the model follows; returns the task of the loop's closing step, or null.
     */
    private static <S> String inferTasks(Model<S> model, List<String> vars, List<Map<String, TlaValue>> values,
                                         List<String> actions, Integer loop, String loopAction, List<String> tasks) {
        tasks.add(null);
        List<S> path = new ArrayList<>();
        S s = null;
        for (S init : model.initialStates()) {
            if (agrees(model, init, vars, values.get(0))) {
                s = init;
                break;
            }
        }
        if (s == null) {
            return null;
        }
        path.add(s);
        for (int i = 1; i < values.size(); i++) {
            Transition<S> step = find(model, s, actions.get(i), vars, values.get(i), null);
            if (step == null) {
                return null;
            }
            tasks.add(step.task());
            s = step.target();
            path.add(s);
        }
        if (loop == null || loopAction == null) {
            return null;
        }
        Transition<S> closing = find(model, s, loopAction, vars, values.get(loop), path.get(loop));
        return closing == null ? null : closing.task();
    }

    private static <S> Transition<S> find(Model<S> model, S from, String label, List<String> vars,
                                          Map<String, TlaValue> to, S target) {
        for (Transition<S> t : model.successors(from)) {
            if (t.label().equals(label)
                    && (target != null ? t.target().equals(target) : agrees(model, t.target(), vars, to))) {
                return t;
            }
        }
        return null;
    }

    private static <S> boolean agrees(Model<S> model, S s, List<String> vars, Map<String, TlaValue> values) {
        for (String v : vars) {
            if (!model.variableNames().contains(v) || !TlaValue.parse(model.variable(s, v)).equals(values.get(v))) {
                return false;
            }
        }
        return true;
    }
}
