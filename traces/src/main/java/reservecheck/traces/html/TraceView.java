package reservecheck.traces.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reservecheck.tla.TlaValue;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.ItfTrace.ItfState;
import reservecheck.traces.TraceMeta;

/**
 * What the trace viewer shows, computed once from a trace: the per-step changes, one lane per
 * task, and the integer series for the plot.  The page's script only draws this, so everything a
 * reader relies on (which variables changed, which task acted, which values are plotted) is
 * decided here, where it is unit-tested, and not in browser code.
 */
public final class TraceView {

    /**
     * One changed variable at a step.  Functions (and records) are compared entry by entry, so
     * a step of one task shows {@code pc[p1]} rather than the whole {@code pc} of every task;
     * everything else (sequences such as a wait queue, sets, scalars) is compared whole.
     *
     * @param var    the variable
     * @param key    the entry's key as text, or null for the whole value
     * @param before the text before the step, null if the variable or entry did not exist
     * @param after  the text after the step, null if it no longer exists
     */
    public record Change(String var, String key, String before, String after) {
        /** {@code var} or {@code var[key]}. */
        public String label() {
            return key == null ? var : var + "[" + key + "]";
        }
    }

    /**
     * The values of one integer over the steps: a variable, or one key of a function of integers.
     *
     * @param values one per step; null where the value is absent or not an integer
     */
    public record Series(String name, String var, String key, List<BigInteger> values) {
        public Series {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /** True if the value is the same at every step: drawn small, since nothing happens in it. */
        public boolean constant() {
            return values.stream().distinct().count() <= 1;
        }
    }

    /**
     * One swim lane: a task, and the variable that holds its program counter.
     *
     * @param id    unique among the lanes; the task's name when that is unambiguous
     * @param label what the lane's header shows
     * @param var   the program-counter variable, null for a task that acts but has none
     * @param key   the task's key in {@code var} as text (null for a scalar pc variable)
     */
    public record Lane(String id, String label, String var, String key) {
    }

    // An ITF reader may give model values as the ADR's "name_OF_TYPE" strings.
    private static final Pattern UNINTERPRETED = Pattern.compile("^(.+)_OF_[A-Za-z0-9_]+$");

    private final ItfTrace trace;
    private final List<String> shown;
    private final List<Lane> lanes;
    private final List<Series> series;

    private TraceView(ItfTrace trace) {
        this.trace = trace;
        this.shown = shownVariables(trace);
        this.lanes = findLanes();
        this.series = findSeries();
    }

    public static TraceView of(ItfTrace trace) {
        if (trace.states().isEmpty()) {
            throw new IllegalArgumentException("a trace has at least one state");
        }
        return new TraceView(trace);
    }

    public ItfTrace trace() {
        return trace;
    }

    public int size() {
        return trace.states().size();
    }

    /** The variables the state table lists: the trace's vars, then any other non-constant value. */
    public List<String> variables() {
        return shown;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    public List<Series> series() {
        return series;
    }

    /**
     * The first step of the lasso's loop, else null.  A behaviour that stutters forever in its
     * last state is written as a loop on that state; it is shown as stuttering, not as a loop.
     */
    public Integer loop() {
        return trace.loop() == null || stutter() != null ? null : trace.loop();
    }

    /** The state the behaviour stutters in forever (the last), else null. */
    public Integer stutter() {
        int last = size() - 1;
        return trace.states().get(last).stuttering() ? last : null;
    }

    /** True for the steps the lasso repeats forever (from the loop's first step to the last). */
    public boolean inLoop(int step) {
        return loop() != null && step >= loop() && step < size();
    }

    /** The variables (or entries) that differ between step {@code step - 1} and {@code step}. */
    public List<Change> changes(int step) {
        if (step <= 0) {
            return List.of();
        }
        Map<String, TlaValue> before = trace.states().get(step - 1).values();
        Map<String, TlaValue> after = trace.states().get(step).values();
        List<Change> out = new ArrayList<>();
        for (String v : shown) {
            TlaValue b = before.get(v);
            TlaValue a = after.get(v);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (keyed(b) && keyed(a)) {
                SortedMap<TlaValue, TlaValue> fb = b.asFunction();
                SortedMap<TlaValue, TlaValue> fa = a.asFunction();
                Set<TlaValue> keys = new java.util.TreeSet<>(fb.keySet());
                keys.addAll(fa.keySet());
                for (TlaValue k : keys) {
                    TlaValue eb = fb.get(k);
                    TlaValue ea = fa.get(k);
                    if (!Objects.equals(eb, ea)) {
                        out.add(new Change(v, keyText(k), text(eb), text(ea)));
                    }
                }
            } else {
                out.add(new Change(v, null, text(b), text(a)));
            }
        }
        return out;
    }

    /** The lane's program counter at a step, as bare text (strings unquoted), or null. */
    public String pc(Lane lane, int step) {
        if (lane.var() == null) {
            return null;
        }
        TlaValue v = trace.states().get(step).values().get(lane.var());
        if (v == null) {
            return null;
        }
        if (lane.key() != null) {
            if (!keyedOrSeq(v)) {
                return null;
            }
            v = entry(v, lane.key());
        }
        return v == null ? null : bare(v);
    }

    /** True if the lane's task took the step that reached {@code step}. */
    public boolean acted(Lane lane, int step) {
        String task = trace.states().get(step).task();
        return task != null && laneMatches(lane, task);
    }

    // ---- the page's data ------------------------------------------------------------------------

    /** Everything the page's script draws, as JSON. */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode meta = root.putObject("meta");
        // The format's own documentation link is for tools, not readers; left out so the page
        // names no address at all.
        // sorted: the trace's meta map has no order, and the same trace must give the same page
        new TreeMap<>(trace.meta()).forEach((k, v) -> {
            if (!k.equals(TraceMeta.FORMAT_DESCRIPTION)) {
                meta.set(k, json.valueToTree(v));
            }
        });
        ArrayNode vars = root.putArray("vars");
        shown.forEach(vars::add);
        ArrayNode params = root.putArray("params");
        Map<String, TlaValue> first = trace.states().get(0).values();
        for (String p : trace.params()) {
            ObjectNode n = params.addObject();
            n.put("name", p);
            n.put("text", text(first.get(p)));
        }
        if (loop() == null) {
            root.putNull("loop");
        } else {
            root.put("loop", loop());
        }
        ArrayNode lanesJson = root.putArray("lanes");
        for (Lane l : lanes) {
            ObjectNode n = lanesJson.addObject();
            n.put("id", l.id());
            n.put("label", l.label());
            n.put("var", l.var());
            n.put("key", l.key());
        }
        ArrayNode steps = root.putArray("steps");
        for (int i = 0; i < size(); i++) {
            steps.add(stepJson(json, i));
        }
        ArrayNode seriesJson = root.putArray("series");
        for (Series s : series) {
            ObjectNode n = seriesJson.addObject();
            n.put("name", s.name());
            n.put("var", s.var());
            n.put("key", s.key());
            n.put("constant", s.constant());
            ArrayNode vals = n.putArray("values");
            for (BigInteger b : s.values()) {
                if (b == null) {
                    vals.addNull();
                } else {
                    vals.add(b);
                }
            }
        }
        return root;
    }

    private ObjectNode stepJson(ObjectMapper json, int i) {
        ItfState s = trace.states().get(i);
        ObjectNode n = json.createObjectNode();
        n.put("index", i);
        n.put("action", s.action());
        n.put("task", s.task());
        n.put("stuttering", s.stuttering());
        n.put("loop", inLoop(i));
        ObjectNode values = n.putObject("values");
        for (String v : shown) {
            TlaValue val = s.values().get(v);
            ObjectNode vn = values.putObject(v);
            vn.put("text", text(val));
            if (keyed(val)) {
                ArrayNode entries = vn.putArray("entries");
                val.asFunction().forEach((k, e) -> entries.addArray().add(keyText(k)).add(e.toString()));
            }
        }
        ArrayNode changes = n.putArray("changes");
        for (Change c : changes(i)) {
            ObjectNode cn = changes.addObject();
            cn.put("var", c.var());
            cn.put("key", c.key());
            cn.put("label", c.label());
            cn.put("before", c.before());
            cn.put("after", c.after());
        }
        ObjectNode laneJson = n.putObject("lanes");
        for (Lane l : lanes) {
            ObjectNode ln = laneJson.putObject(l.id());
            ln.put("pc", pc(l, i));
            ln.put("acted", acted(l, i));
            ln.set("vars", taskVars(json, l, s));
        }
        return n;
    }

    // The task's entries of every other function over the same tasks, for the lane's tooltip:
    // held, tstate, rounds_left... of that task at that step.
    private JsonNode taskVars(ObjectMapper json, Lane l, ItfState s) {
        ObjectNode out = json.createObjectNode();
        if (l.var() == null || l.key() == null) {
            return out;
        }
        TlaValue laneVal = s.values().get(l.var());
        if (!keyedOrSeq(laneVal)) {
            return out;
        }
        Set<TlaValue> domain = laneVal.asFunction().keySet();
        for (String v : shown) {
            TlaValue val = s.values().get(v);
            if (keyedOrSeq(val) && val.asFunction().keySet().equals(domain)) {
                TlaValue e = entry(val, l.key());
                if (e != null) {
                    out.put(v, e.toString());
                }
            }
        }
        return out;
    }

    // ---- lanes ----------------------------------------------------------------------------------

    // Program counters are what the lanes show: `pc`, and the per-kind pcs of specs with several
    // kinds of task (upc, dpc, spc, sysctl_pc), as functions of strings or one string.
    private List<Lane> findLanes() {
        List<String> pcVars = new ArrayList<>();
        for (String v : shown) {
            String lower = v.toLowerCase(Locale.ROOT);
            if ((lower.equals("pc") || lower.endsWith("pc")) && allStates(v, TraceView::stringOrStrings)) {
                pcVars.add(v);
            }
        }
        if (pcVars.isEmpty()) {
            // No variable is named like a pc: take functions of strings over the acting tasks.
            Set<String> actors = actors();
            for (String v : shown) {
                if (allStates(v, val -> keyedOrSeq(val) && stringOrStrings(val))
                        && keysOf(v).stream().anyMatch(actors::contains)) {
                    pcVars.add(v);
                }
            }
        }
        List<Lane> raw = new ArrayList<>();
        for (String v : pcVars) {
            if (allStates(v, val -> val.kind() == TlaValue.Kind.STRING)) {
                raw.add(new Lane(v, v, v, null));
            } else {
                for (String k : keysOf(v)) {
                    raw.add(new Lane(k, pcVars.size() > 1 ? v + "[" + k + "]" : k, v, k));
                }
            }
        }
        // Lane ids must be unique: a key shared by two pc variables is qualified by its variable.
        Map<String, Integer> count = new LinkedHashMap<>();
        raw.forEach(l -> count.merge(l.id(), 1, Integer::sum));
        List<Lane> out = new ArrayList<>();
        for (Lane l : raw) {
            out.add(count.get(l.id()) > 1 ? new Lane(l.var() + "[" + l.id() + "]", l.label(), l.var(), l.key()) : l);
        }
        // A task that acts but has no pc still gets a lane, so that every step is seen acting.
        for (String a : actors()) {
            if (out.stream().noneMatch(l -> laneMatches(l, a))) {
                out.add(new Lane(a, a, null, null));
            }
        }
        return List.copyOf(out);
    }

    private Set<String> actors() {
        Set<String> out = new LinkedHashSet<>();
        for (ItfState s : trace.states()) {
            if (s.task() != null) {
                out.add(s.task());
            }
        }
        return out;
    }

    private boolean laneMatches(Lane lane, String task) {
        if (lane.key() == null) {
            // a scalar pc: the task is named like its variable (sysctl for sysctl_pc)
            return task.equals(lane.id()) || (lane.var() != null && lane.var().equals(task + "_pc"))
                    || (lane.var() != null && lane.var().equals(task + "pc"));
        }
        return task.equals(lane.key()) || task.equals(lane.id()) || task.equals(lane.label())
                || stripType(task).equals(lane.key());
    }

    // The keys of a keyed variable over the whole trace, in first-seen order (sorted per state).
    private List<String> keysOf(String var) {
        Set<String> keys = new LinkedHashSet<>();
        for (ItfState s : trace.states()) {
            TlaValue v = s.values().get(var);
            if (keyedOrSeq(v)) {
                v.asFunction().keySet().forEach(k -> keys.add(keyText(k)));
            }
        }
        return new ArrayList<>(keys);
    }

    private boolean allStates(String var, java.util.function.Predicate<TlaValue> p) {
        for (ItfState s : trace.states()) {
            TlaValue v = s.values().get(var);
            if (v == null || !p.test(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean stringOrStrings(TlaValue v) {
        if (v.kind() == TlaValue.Kind.STRING) {
            return true;
        }
        return keyedOrSeq(v) && !v.asFunction().isEmpty()
                && v.asFunction().values().stream().allMatch(e -> e.kind() == TlaValue.Kind.STRING);
    }

    // ---- series ---------------------------------------------------------------------------------

    // Every integer the state holds is a resource worth plotting: scalars (curr_nr, free_pages),
    // and functions of integers one line per key (held per task, usage per reserve-tree node).
    private List<Series> findSeries() {
        List<Series> out = new ArrayList<>();
        for (String v : shown) {
            if (allStates(v, val -> val.kind() == TlaValue.Kind.INT)) {
                List<BigInteger> vals = new ArrayList<>();
                trace.states().forEach(s -> vals.add(s.values().get(v).asBigInteger()));
                out.add(new Series(v, v, null, vals));
            } else if (allStates(v, val -> keyedOrSeq(val) && !val.asFunction().isEmpty()
                    && val.asFunction().values().stream().allMatch(e -> e.kind() == TlaValue.Kind.INT))) {
                for (String k : keysOf(v)) {
                    List<BigInteger> vals = new ArrayList<>();
                    for (ItfState s : trace.states()) {
                        TlaValue e = entry(s.values().get(v), k);
                        vals.add(e == null ? null : e.asBigInteger());
                    }
                    out.add(new Series(v + "[" + k + "]", v, k, vals));
                }
            }
        }
        return List.copyOf(out);
    }

    // ---- values ---------------------------------------------------------------------------------

    private static List<String> shownVariables(ItfTrace trace) {
        Set<String> out = new LinkedHashSet<>(trace.vars());
        Set<String> params = new java.util.HashSet<>(trace.params());
        // Values the trace carries beyond its declared vars are still state worth seeing.
        for (ItfState s : trace.states()) {
            s.values().keySet().stream().filter(k -> !params.contains(k)).sorted().forEach(out::add);
        }
        return List.copyOf(out);
    }

    // Functions and records are compared and shown entry by entry; sequences are not, because
    // a queue's entries shift on every removal and a per-index diff would mislead.
    private static boolean keyed(TlaValue v) {
        return v != null && (v.kind() == TlaValue.Kind.FUNCTION || v.kind() == TlaValue.Kind.RECORD);
    }

    // For lanes and series a function over 1..n (which TLC prints as a sequence) is still a
    // function over tasks or nodes.
    private static boolean keyedOrSeq(TlaValue v) {
        return keyed(v) || (v != null && v.kind() == TlaValue.Kind.SEQ);
    }

    private static TlaValue entry(TlaValue v, String key) {
        if (!keyedOrSeq(v)) {
            return null;
        }
        for (Map.Entry<TlaValue, TlaValue> e : v.asFunction().entrySet()) {
            if (keyText(e.getKey()).equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A key as a reader names it: a model value or string bare, anything else in TLA+ syntax. */
    static String keyText(TlaValue k) {
        if (k instanceof TlaValue.ModelValue m) {
            return m.name();
        }
        if (k instanceof TlaValue.StringValue s) {
            return stripType(s.value());
        }
        return k.toString();
    }

    private static String stripType(String s) {
        Matcher m = UNINTERPRETED.matcher(s);
        return m.matches() ? m.group(1) : s;
    }

    /** A pc as the lane shows it: a string without its quotes. */
    private static String bare(TlaValue v) {
        return v instanceof TlaValue.StringValue s ? s.value() : keyText(v);
    }

    private static String text(TlaValue v) {
        return v == null ? null : v.toString();
    }
}
