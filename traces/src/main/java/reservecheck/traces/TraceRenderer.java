package reservecheck.traces;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import reservecheck.tla.TlaValue;

/**
 * A trace for a terminal ({@code reservecheck trace show}).  One block per step: its number,
 * the action and task, the variables the step changed, and one lane per task with the task's
 * entry of every function over tasks ({@code pc[p1]}, {@code held[p1]}, ...): a counterexample
 * is about what each task is doing, and the lanes show it without reading whole functions.
 * The loop of a lasso and a stuttering end are marked.
 *
 * <p>Changes are highlighted with ANSI bold and colour only when asked (the caller knows whether
 * stdout is a terminal); otherwise they are marked with {@code *}, so that piped output and
 * logs stay plain text.
 */
public final class TraceRenderer {
    private static final String BOLD = "\u001b[1m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String CYAN = "\u001b[1;36m";
    private static final String MAGENTA = "\u001b[1;35m";
    private static final String RESET = "\u001b[0m";

    private final ItfTrace trace;
    private final boolean ansi;
    private final List<TlaValue> tasks;
    private final List<String> taskVars;
    private final StringBuilder out = new StringBuilder();

    private TraceRenderer(ItfTrace trace, boolean ansi) {
        this.trace = trace;
        this.ansi = ansi;
        this.taskVars = new ArrayList<>();
        Set<TlaValue> found = new LinkedHashSet<>();
        for (String v : trace.vars()) {
            List<TlaValue> keys = taskKeys(trace.states().get(0).values().get(v));
            if (keys != null) {
                taskVars.add(v);
                found.addAll(keys);
            }
        }
        this.tasks = new ArrayList<>(found);
    }

    /** The trace as text; with {@code ansi}, changes and headings are in bold colour. */
    public static String render(ItfTrace trace, boolean ansi) {
        return new TraceRenderer(trace, ansi).render();
    }

    /** The keys of a function over model values (tasks), or null if v is not one. */
    private static List<TlaValue> taskKeys(TlaValue v) {
        if (v == null || v.kind() != TlaValue.Kind.FUNCTION) {
            return null;
        }
        SortedMap<TlaValue, TlaValue> f = v.asFunction();
        for (TlaValue k : f.keySet()) {
            if (k.kind() != TlaValue.Kind.MODEL_VALUE) {
                return null;
            }
        }
        return new ArrayList<>(f.keySet());
    }

    private String paint(String code, String text) {
        return ansi ? code + text + RESET : text;
    }

    private String render() {
        header();
        int n = trace.states().size();
        Integer loop = trace.loop();
        for (int i = 0; i < n; i++) {
            ItfTrace.ItfState s = trace.states().get(i);
            ItfTrace.ItfState prev = i == 0 ? null : trace.states().get(i - 1);
            out.append('\n');
            String title = i == 0 ? "initial state" : stepName(s.action(), s.task());
            out.append(paint(CYAN, "step " + i + ": " + title));
            if (loop != null && loop == i && !s.stuttering()) {
                out.append("   ").append(paint(MAGENTA, "<- the loop starts here"));
            }
            out.append('\n');
            changes(prev, s);
            lanes(prev, s);
            if (s.stuttering()) {
                out.append("  ").append(paint(MAGENTA, "~ stuttering: the behaviour stays in state " + i
                        + " forever (loops back to state " + i + ")")).append('\n');
            }
        }
        if (loop != null && !trace.states().get(n - 1).stuttering()) {
            String by = TraceMeta.string(trace, TraceMeta.LOOP_ACTION);
            out.append('\n').append(paint(MAGENTA, "=> loops back to state " + loop
                    + (by == null ? "" : " by " + stepName(by, TraceMeta.string(trace, TraceMeta.LOOP_TASK)))))
                    .append('\n');
        }
        out.append('\n').append(paint(BOLD, "violation: " + orDash(TraceMeta.string(trace, TraceMeta.VIOLATION))
                + ending())).append('\n');
        return out.toString();
    }

    private String ending() {
        String v = TraceMeta.string(trace, TraceMeta.VIOLATION);
        int last = trace.states().size() - 1;
        if (v == null) {
            return "";
        }
        if (v.startsWith("liveness:")) {
            String task = TraceMeta.string(trace, TraceMeta.TASK);
            return (task == null ? "" : " for " + task) + (trace.loop() == null
                    ? " (after the fair continuation of step " + last + ")"
                    : " (the loop of states " + trace.loop() + ".." + last + " goes on forever)");
        }
        return " in state " + last;
    }

    private void header() {
        String variant = orDash(TraceMeta.string(trace, TraceMeta.VARIANT));
        String protocol = orDash(TraceMeta.string(trace, TraceMeta.PROTOCOL));
        int n = trace.states().size();
        out.append(paint(BOLD, variant + " (" + protocol + "): " + orDash(TraceMeta.string(trace, TraceMeta.VIOLATION))))
                .append(", ").append(orDash(TraceMeta.string(trace, TraceMeta.CHECKER))).append(" trace, ")
                .append(n - 1).append(n - 1 == 1 ? " step" : " steps")
                .append(trace.loop() == null ? "" : ", lasso").append('\n');
        String d = TraceMeta.string(trace, TraceMeta.DESCRIPTION);
        if (d != null && !d.isBlank()) {
            out.append(d).append('\n');
        }
        Map<String, Object> params = TraceMeta.parameters(trace);
        if (!params.isEmpty()) {
            StringBuilder p = new StringBuilder();
            params.forEach((k, v) -> p.append(p.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            out.append("parameters: ").append(p).append('\n');
        }
        if (!tasks.isEmpty()) {
            out.append("lanes: one per task, its entry of ").append(String.join(", ", taskVars))
                    .append(ansi ? "; changes in colour" : "; * marks a change").append('\n');
        }
    }

    /** The variables a step changed (all of them for the initial state, except the lanes' ones). */
    private void changes(ItfTrace.ItfState prev, ItfTrace.ItfState s) {
        int shown = 0;
        for (String v : trace.vars()) {
            TlaValue now = s.values().get(v);
            if (prev == null) {
                if (!taskVars.contains(v)) {
                    out.append("    ").append(v).append(" = ").append(now).append('\n');
                }
                continue;
            }
            TlaValue before = prev.values().get(v);
            if (Objects.equals(before, now)) {
                continue;
            }
            if (taskVars.contains(v) && taskKeys(before) != null && taskKeys(now) != null) {
                for (TlaValue t : tasks) {
                    TlaValue b = entry(before, t);
                    TlaValue a = entry(now, t);
                    if (!Objects.equals(a, b)) {
                        change(v + "[" + t + "]", b, a);
                        shown++;
                    }
                }
            } else {
                change(v, before, now);
                shown++;
            }
        }
        if (prev != null && shown == 0) {
            out.append("    (no variable changes)\n");
        }
    }

    private void change(String name, TlaValue before, TlaValue after) {
        String line = name + ": " + (before == null ? "-" : before) + " -> " + (after == null ? "-" : after);
        out.append(ansi ? "    " + paint(YELLOW, line) : "  * " + line).append('\n');
    }

    private void lanes(ItfTrace.ItfState prev, ItfTrace.ItfState s) {
        for (TlaValue t : tasks) {
            boolean acting = t.toString().equals(s.task());
            StringBuilder lane = new StringBuilder();
            lane.append(acting ? "  > " : "    ").append(acting ? paint(BOLD, t.toString()) : t.toString());
            for (String v : taskVars) {
                TlaValue now = entry(s.values().get(v), t);
                if (now == null) {
                    continue;
                }
                boolean changed = prev != null && !Objects.equals(entry(prev.values().get(v), t), now);
                String cell = v + "=" + bare(now);
                lane.append("  ").append(changed ? (ansi ? paint(YELLOW, cell) : cell + "*") : cell);
            }
            out.append(lane).append('\n');
        }
    }

    private static TlaValue entry(TlaValue f, TlaValue task) {
        if (f == null || f.kind() != TlaValue.Kind.FUNCTION) {
            return null;
        }
        return f.asFunction().get(task);
    }

    /** Strings without quotes in lanes: {@code pc=alloc} reads better than {@code pc="alloc"}. */
    private static String bare(TlaValue v) {
        return v.kind() == TlaValue.Kind.STRING ? v.asString() : v.toString();
    }

    private static String stepName(String action, String task) {
        return task == null ? action : action + "(" + task + ")";
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
