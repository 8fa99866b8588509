package reservecheck.tlc;

import java.util.LinkedHashMap;

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
}
