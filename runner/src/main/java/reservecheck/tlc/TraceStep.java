package reservecheck.tlc;

import reservecheck.tla.TlaValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One state of a TLC counterexample as printed with -tool (message 2217), or a marker:
 * stuttering (2218) or "back to state N" (2122, the loop of a lasso).
 *
 * @param index       the state's number in the trace (1 = initial state)
 * @param action      the action's name ("Initial predicate" for state 1), or null for markers
 * @param location    the action's source span as TLC printed it, or null
 * @param stuttering  true for a stuttering marker (the behaviour stops changing: liveness trace)
 * @param backToState for a lasso marker: the index the behaviour loops back to, else null
 * @param vars        variable name to its value as TLA+ text, in the order TLC printed them
 */
public record TraceStep(int index, String action, String location, boolean stuttering,
                        Integer backToState, LinkedHashMap<String, String> vars) {

    /** True for the stuttering and back-to-state markers, which carry no state. */
    public boolean isMarker() {
        return stuttering || backToState != null;
    }

    /**
     * A variable's value parsed from its TLA+ text.
     *
     * @throws IllegalArgumentException if the state has no such variable or its text does not parse
     */
    public TlaValue value(String var) {
        String text = vars.get(var);
        if (text == null) {
            throw new IllegalArgumentException("state " + index + " has no variable " + var);
        }
        return TlaValue.parse(text);
    }

    /** All variables parsed, in the order TLC printed them. */
    public Map<String, TlaValue> values() {
        LinkedHashMap<String, TlaValue> m = new LinkedHashMap<>();
        vars.forEach((k, v) -> m.put(k, TlaValue.parse(v)));
        return Collections.unmodifiableMap(m);
    }
}
