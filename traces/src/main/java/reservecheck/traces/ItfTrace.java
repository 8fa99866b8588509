package reservecheck.traces;

import java.util.List;
import java.util.Map;
import reservecheck.tla.TlaValue;

/**
 * A counterexample in the Informal Trace Format (Apalache ADR-015), the one format every
 * checker's traces are written in.  Values are {@link TlaValue}s, which map one to one onto
 * ITF's JSON forms ({@code #bigint}, {@code #set}, {@code #map}, {@code #tup}, records as
 * objects, sequences as arrays; model values as the ADR's uninterpreted-constant strings
 * {@code "p1_OF_TASK"}).
 *
 * @param meta   the trace's {@code #meta}: at least checker, protocol, variant, violation (the
 *               verdict, e.g. "invariant:Conservation"), and description
 * @param params the spec's constants that parameterise the trace (ITF {@code params}), in order
 * @param vars   the spec's variable names, in order (ITF {@code vars})
 * @param states the states; each state's {@code #meta} gives its index and the action label
 *               (with the task) of the step that reached it
 * @param loop   for a lasso (a liveness counterexample), the index of the state the last state
 *               loops back to; null for a finite trace
 */
public record ItfTrace(Map<String, Object> meta, List<String> params, List<String> vars,
                       List<ItfState> states, Integer loop) {

    public ItfTrace {
        meta = Map.copyOf(meta);
        params = List.copyOf(params);
        vars = List.copyOf(vars);
        states = List.copyOf(states);
    }

    /**
     * One state of a trace.
     *
     * @param index      0-based position in the trace
     * @param action     the label of the step that reached this state ("mempool_free"), null for
     *                   the initial state
     * @param task       the task that took that step ("p1"), or null
     * @param stuttering true if the behaviour stutters here forever (a liveness trace that ends
     *                   in a state where only unfair steps remain)
     * @param values     every variable's value (constants listed in params are included too)
     */
    public record ItfState(int index, String action, String task, boolean stuttering,
                           Map<String, TlaValue> values) {
        public ItfState {
            values = Map.copyOf(values);
        }
    }
}
