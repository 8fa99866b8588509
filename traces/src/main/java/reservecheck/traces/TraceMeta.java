package reservecheck.traces;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of a trace's {@code #meta} (see docs/TRACES.md) and the one way to build it, so that
 * every checker's traces say the same things under the same names.
 *
 * <p>The variant's parameters are kept in {@code #meta.parameters} in the catalog's own form
 * (an int, a bool, an enum string, a task count) rather than in ITF's {@code params}: replay
 * builds the model from exactly those values, and TLA+ forms such as {@code procs = {p1, p2}}
 * would have to be translated back through the catalog's parameter types.
 */
public final class TraceMeta {
    public static final String FORMAT = "format";
    public static final String FORMAT_DESCRIPTION = "format-description";
    public static final String SOURCE = "source";
    public static final String CHECKER = "checker";
    public static final String PROTOCOL = "protocol";
    public static final String VARIANT = "variant";
    /** The verdict the trace shows: deadlock, invariant:Name, liveness:Name or assert. */
    public static final String VIOLATION = "violation";
    public static final String DESCRIPTION = "description";
    /** The variant's parameter values as the catalog writes them. */
    public static final String PARAMETERS = "parameters";
    /**
     * The command-line overrides ({@code check --set}) the run applied to the catalog's entry,
     * NAME to VALUE text; absent when none.  Replay applies them to the variant the catalog has,
     * so a trace is judged against the bounds it was found at, and nothing else.
     */
    public static final String OVERRIDES = "overrides";
    /** For a liveness violation: the task whose request never returns, when the checker says. */
    public static final String TASK = "task";
    /** For a lasso: the action (and its task) of the step from the last state back to the loop state. */
    public static final String LOOP_ACTION = "loop_action";
    public static final String LOOP_TASK = "loop_task";

    public static final String FORMAT_ITF = "ITF";
    public static final String ADR_015 = "https://apalache-mc.org/docs/adr/015adr-trace.html";
    public static final String SOURCE_RESERVECHECK = "reservecheck";

    /** The checkers that write traces (the schema's list). */
    public static final List<String> CHECKERS = List.of("tlc", "explorer", "jqwik", "lincheck", "jpf");

    /** The order keys are written in; others follow sorted. */
    static final List<String> ORDER = List.of(FORMAT, FORMAT_DESCRIPTION, SOURCE, CHECKER, PROTOCOL, VARIANT,
            VIOLATION, DESCRIPTION, TASK, LOOP_ACTION, LOOP_TASK, OVERRIDES, PARAMETERS);

    private TraceMeta() {
    }

    /**
     * A trace's {@code #meta}.
     *
     * @param checker     tlc, explorer, jqwik, lincheck or jpf
     * @param violation   the verdict the trace shows
     * @param description one line for people (line breaks are folded)
     * @param parameters  the variant's parameter values (Integer, Boolean, String), in catalog order
     */
    public static Map<String, Object> of(String checker, String protocol, String variant, String violation,
                                         String description, Map<String, ?> parameters) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put(FORMAT, FORMAT_ITF);
        m.put(FORMAT_DESCRIPTION, ADR_015);
        m.put(SOURCE, SOURCE_RESERVECHECK);
        m.put(CHECKER, checker);
        m.put(PROTOCOL, protocol);
        m.put(VARIANT, variant);
        m.put(VIOLATION, violation);
        m.put(DESCRIPTION, MalformedTraceException.oneLine(description == null ? violation : description));
        LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        parameters.forEach((k, v) -> params.put(k, normalise(v)));
        m.put(PARAMETERS, Collections.unmodifiableMap(params));
        return m;
    }

    /** The same meta with one more key (null removes it). */
    public static Map<String, Object> with(Map<String, Object> meta, String key, Object value) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>(meta);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return m;
    }

    /** A string entry of a trace's meta, or null. */
    public static String string(ItfTrace t, String key) {
        Object v = t.meta().get(key);
        return v == null ? null : v.toString();
    }

    /** The variant's parameters recorded in the trace (empty if none). */
    public static Map<String, Object> parameters(ItfTrace t) {
        Object v = t.meta().get(PARAMETERS);
        if (!(v instanceof Map<?, ?> m)) {
            return Map.of();
        }
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), normalise(x)));
        return out;
    }

    /** The overrides recorded in the trace, NAME to VALUE text (empty if none). */
    public static Map<String, String> overrides(ItfTrace t) {
        Object v = t.meta().get(OVERRIDES);
        if (!(v instanceof Map<?, ?> m)) {
            return Map.of();
        }
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), String.valueOf(x)));
        return out;
    }

    /** Integers as Integer, whatever width they came in, so a read trace equals the written one. */
    private static Object normalise(Object v) {
        if (v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof java.math.BigInteger) {
            long l = ((Number) v).longValue();
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return (int) l;
            }
        }
        return v;
    }
}
