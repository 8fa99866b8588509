package reservecheck.traces.html;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import reservecheck.tla.TlaValue;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.ItfTrace.ItfState;
import reservecheck.traces.TraceMeta;
import reservecheck.traces.html.PlotDeclarations.Count;
import reservecheck.traces.html.PlotDeclarations.Plot;

/**
 * A declared plot's values along one trace: one integer per step for every line.  Computed here,
 * not in the page's script, so that what the page shows is unit-tested.
 *
 * @param plot  the declaration
 * @param lines the lines, {@code each} series expanded to one line per key
 * @param limit the value of the plot's limit parameter in the trace, or null
 */
public record PlotData(Plot plot, List<Line> lines, BigInteger limit) {

    /**
     * One line.
     *
     * @param name   as the legend shows it
     * @param mark   what marks it (a declared mark of its key), or null
     * @param values one per step
     */
    public record Line(String name, String mark, List<BigInteger> values) {
        public Line {
            values = List.copyOf(values);
        }
    }

    public PlotData {
        lines = List.copyOf(lines);
    }

    /**
     * The plot along {@code trace}.
     *
     * @throws IllegalArgumentException a declared variable or field the trace does not have, or
     *                                  a value of the wrong kind (one line)
     */
    public static PlotData of(Plot plot, ItfTrace trace) {
        List<ItfState> states = trace.states();
        List<Line> lines = new ArrayList<>();
        for (PlotDeclarations.Series s : plot.series()) {
            if (s.count() != null) {
                lines.add(new Line(s.name(), null, count(s.count(), states)));
            } else if (s.each() != null) {
                for (String key : keys(s.each(), states)) {
                    List<BigInteger> vals = new ArrayList<>();
                    for (ItfState st : states) {
                        TlaValue e = entry(var(st, s.each()), key);
                        vals.add(e == null ? null : s.value().equals("len") ? len(e, s.each() + "[" + key + "]")
                                : integer(e, s.each() + "[" + key + "]"));
                    }
                    lines.add(new Line(s.name() + "[" + key + "]", plot.marks().get(key), vals));
                }
            } else {
                List<BigInteger> vals = new ArrayList<>();
                for (ItfState st : states) {
                    vals.add(value(st, s.value()));
                }
                lines.add(new Line(s.name(), null, vals));
            }
        }
        BigInteger limit = null;
        if (plot.limit() != null) {
            Object p = TraceMeta.parameters(trace).get(plot.limit());
            if (!(p instanceof Number n)) {
                throw new IllegalArgumentException("limit " + plot.limit() + ": not an integer parameter of this trace");
            }
            limit = BigInteger.valueOf(n.longValue());
        }
        return new PlotData(plot, lines, limit);
    }

    // The cumulative number of matching steps up to each state (0 at the initial state).
    private static List<BigInteger> count(Count c, List<ItfState> states) {
        List<BigInteger> out = new ArrayList<>();
        long n = 0;
        out.add(BigInteger.ZERO);
        for (int i = 1; i < states.size(); i++) {
            ItfState before = states.get(i - 1);
            ItfState after = states.get(i);
            boolean match = c.action() == null || c.action().equals(after.action());
            if (match && c.unchanged() != null) {
                match = Objects.equals(var(before, c.unchanged()), var(after, c.unchanged()));
            }
            if (match && c.before() != null) {
                TlaValue b = path(before, c.before());
                if (b.kind() != TlaValue.Kind.BOOL) {
                    throw new IllegalArgumentException(c.before() + " is not a boolean");
                }
                match = b.asBoolean() == c.is();
            }
            if (match) {
                n++;
            }
            out.add(BigInteger.valueOf(n));
        }
        return out;
    }

    private static BigInteger value(ItfState st, String expr) {
        if (expr.startsWith("len(")) {
            String inner = expr.substring(4, expr.length() - 1);
            return len(path(st, inner), inner);
        }
        return integer(path(st, expr), expr);
    }

    private static TlaValue path(ItfState st, String expr) {
        String[] parts = expr.split("\\.");
        TlaValue v = var(st, parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (v.kind() != TlaValue.Kind.RECORD || !v.asRecord().containsKey(parts[i])) {
                throw new IllegalArgumentException(expr + ": no field " + parts[i]);
            }
            v = v.asRecord().get(parts[i]);
        }
        return v;
    }

    private static TlaValue var(ItfState st, String name) {
        TlaValue v = st.values().get(name);
        if (v == null) {
            throw new IllegalArgumentException("no variable " + name + " in state " + st.index());
        }
        return v;
    }

    private static BigInteger integer(TlaValue v, String what) {
        if (v.kind() != TlaValue.Kind.INT) {
            throw new IllegalArgumentException(what + " is not an integer");
        }
        return v.asBigInteger();
    }

    private static BigInteger len(TlaValue v, String what) {
        return switch (v.kind()) {
            case SEQ -> BigInteger.valueOf(v.asSeq().size());
            case SET -> BigInteger.valueOf(v.asSet().size());
            case FUNCTION, RECORD -> BigInteger.valueOf(v.asFunction().size());
            default -> throw new IllegalArgumentException(what + " has no length");
        };
    }

    // The keys of a function over the whole trace, in first-seen order, as the viewer names them.
    private static List<String> keys(String name, List<ItfState> states) {
        Set<String> out = new LinkedHashSet<>();
        for (ItfState st : states) {
            TlaValue v = var(st, name);
            if (v.kind() != TlaValue.Kind.FUNCTION && v.kind() != TlaValue.Kind.RECORD && v.kind() != TlaValue.Kind.SEQ) {
                throw new IllegalArgumentException(name + " is not a function");
            }
            v.asFunction().keySet().forEach(k -> out.add(TraceView.keyText(k)));
        }
        return new ArrayList<>(out);
    }

    private static TlaValue entry(TlaValue f, String key) {
        for (Map.Entry<TlaValue, TlaValue> e : f.asFunction().entrySet()) {
            if (TraceView.keyText(e.getKey()).equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
