package reservecheck.impl.mempool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import reservecheck.impl.common.Event;
import reservecheck.impl.common.ReplayLog;
import reservecheck.impl.common.ReplaySource;
import reservecheck.models.lts.TlaText;
import reservecheck.models.mempool.Pc;
import reservecheck.models.mempool.TaskState;

/**
 * What the implementation did, step by step: the spec variables' values at construction, then
 * one {@link Event} per step in the order the steps took the pool's monitor.  A run records
 * it cheaply (each task appends its steps' deltas to its own {@link Trace}, inside the step,
 * no I/O, no text); {@link RunTrace#decode} builds this log after the run.
 * {@link reservecheck.impl.common.ModelReplay} replays it on the reference model;
 * {@link #toText}/{@link #parse} are its text form.
 */
public final class EventLog implements ReplaySource {
    /** The spec's VARIABLES in the spec's order (Mempool.tla). */
    public static final String[] VARIABLES = {
        "curr_nr", "free_pages", "clean_pages", "dirty_pages", "waitq", "pc", "held",
        "rounds_left", "full_mask", "plugged", "snap", "tstate", "saw_empty"
    };
    public static final int CURR_NR = 0;
    public static final int FREE_PAGES = 1;
    public static final int CLEAN_PAGES = 2;
    public static final int DIRTY_PAGES = 3;
    /** int[] of task indices, in queue order. */
    public static final int WAITQ = 4;
    /** int[] of {@link Pc} codes, by task. */
    public static final int PC = 5;
    public static final int HELD = 6;
    public static final int ROUNDS_LEFT = 7;
    /** boolean[] by task. */
    public static final int FULL_MASK = 8;
    public static final int PLUGGED = 9;
    public static final int SNAP = 10;
    /** int[] of {@link TaskState} codes, by task. */
    public static final int TSTATE = 11;
    /** boolean[] by task. */
    public static final int SAW_EMPTY = 12;

    private final String[] taskNames;
    private final Object[] init;
    private Event[] events;
    private int size;

    EventLog(String[] taskNames, Object[] init) {
        this.taskNames = taskNames.clone();
        this.init = init.clone();
        this.events = new Event[64];
    }

    void append(Event e) {
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
        }
        events[size++] = e;
    }

    @Override
    public int size() {
        return size;
    }

    public Event event(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("event " + i + " of " + size);
        }
        return events[i];
    }

    /** The value of variable {@code var} when the pool was built (the implementation's Init). */
    public Object initial(int var) {
        return init[var];
    }

    public int taskCount() {
        return taskNames.length;
    }

    public String taskName(int t) {
        return taskNames[t];
    }

    @Override
    public String[] variables() {
        return VARIABLES;
    }

    @Override
    public String initialText(int var) {
        return render(var, init[var]);
    }

    @Override
    public String label(int i) {
        return event(i).label();
    }

    @Override
    public String task(int i) {
        return taskNames[event(i).task()];
    }

    /** The variables event i wrote (its non-null values), in {@link #VARIABLES} order, rendered. */
    @Override
    public void written(int i, ReplayLog out) {
        Event e = event(i);
        for (int v = 0; v < VARIABLES.length; v++) {
            Object value = e.value(v);
            if (value != null) {
                out.wrote(VARIABLES[v], render(v, value));
            }
        }
    }

    /** The variable's index in {@link #VARIABLES}, or -1. */
    public static int variable(String name) {
        for (int i = 0; i < VARIABLES.length; i++) {
            if (VARIABLES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Event i as people read it: {@code mempool_free(p1)}. */
    public String describe(int i) {
        Event e = event(i);
        return e.label() + "(" + taskNames[e.task()] + ")";
    }

    /**
     * A value as canonical TLA+ text ({@link TlaText}), the form the model prints its variables
     * in: functions over Tasks keyed by the tasks' model values, waitq a sequence of them, pc
     * and tstate strings.
     */
    public String render(int var, Object value) {
        switch (var) {
            case CURR_NR:
            case FREE_PAGES:
            case CLEAN_PAGES:
            case DIRTY_PAGES:
                return TlaText.integer(((Integer) value).intValue());
            case WAITQ: {
                List<String> items = new ArrayList<String>();
                for (int x : (int[]) value) {
                    items.add(TlaText.modelValue(taskNames[x]));
                }
                return TlaText.sequence(items);
            }
            case PC:
            case TSTATE: {
                int[] a = (int[]) value;
                List<String> v = new ArrayList<String>();
                for (int x : a) {
                    v.add(TlaText.string(var == PC ? Pc.name(x) : TaskState.name(x)));
                }
                return function(v);
            }
            case FULL_MASK:
            case SAW_EMPTY: {
                List<String> v = new ArrayList<String>();
                for (boolean x : (boolean[]) value) {
                    v.add(TlaText.bool(x));
                }
                return function(v);
            }
            default: {
                List<String> v = new ArrayList<String>();
                for (int x : (int[]) value) {
                    v.add(TlaText.integer(x));
                }
                return function(v);
            }
        }
    }

    private String function(List<String> values) {
        List<String> keys = new ArrayList<String>();
        for (String t : taskNames) {
            keys.add(TlaText.modelValue(t));
        }
        return TlaText.function(keys, values);
    }

    /** A copy with event i replaced (tests inject divergences so). */
    public EventLog replaced(int i, Event e) {
        EventLog c = copy();
        c.events[i] = e;
        return c;
    }

    /** A copy with e inserted before event i. */
    public EventLog inserted(int i, Event e) {
        EventLog c = new EventLog(taskNames, init);
        for (int k = 0; k < size; k++) {
            if (k == i) {
                c.append(e);
            }
            c.append(events[k]);
        }
        if (i >= size) {
            c.append(e);
        }
        return c;
    }

    /** A new event for tests: a label and task with the given values written. */
    public static Event event(String label, int task, Object[] values) {
        return new Event(label, task, values.clone());
    }

    public EventLog copy() {
        EventLog c = new EventLog(taskNames, init);
        for (int k = 0; k < size; k++) {
            c.append(events[k]);
        }
        return c;
    }

    // ---- text form: one line per event, values typed as recorded -------------------------

    /**
     * The log as text: {@code tasks p1 p2}, {@code init var=value ...}, then one
     * {@code label task var=value ...} line per event.  Integers as decimal, int arrays as
     * {@code [1,2]}, boolean arrays as {@code <1,0>}.
     */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("tasks");
        for (String t : taskNames) {
            b.append(' ').append(t);
        }
        b.append("\ninit");
        appendValues(b, init);
        for (int i = 0; i < size; i++) {
            b.append('\n').append(events[i].label()).append(' ').append(taskNames[events[i].task()]);
            Object[] v = new Object[VARIABLES.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = events[i].value(k);
            }
            appendValues(b, v);
        }
        return b.append('\n').toString();
    }

    private static void appendValues(StringBuilder b, Object[] values) {
        for (int k = 0; k < values.length; k++) {
            Object v = values[k];
            if (v == null) {
                continue;
            }
            b.append(' ').append(VARIABLES[k]).append('=');
            if (v instanceof Integer) {
                b.append(((Integer) v).intValue());
            } else if (v instanceof int[]) {
                int[] a = (int[]) v;
                b.append('[');
                for (int i = 0; i < a.length; i++) {
                    b.append(i == 0 ? "" : ",").append(a[i]);
                }
                b.append(']');
            } else {
                boolean[] a = (boolean[]) v;
                b.append('<');
                for (int i = 0; i < a.length; i++) {
                    b.append(i == 0 ? "" : ",").append(a[i] ? '1' : '0');
                }
                b.append('>');
            }
        }
    }

    /** Reads {@link #toText}'s form back. */
    public static EventLog parse(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].startsWith("tasks") || !lines[1].startsWith("init")) {
            throw new IllegalArgumentException("not an event log: it must start with a tasks and an init line");
        }
        String[] head = lines[0].trim().split(" ");
        String[] tasks = Arrays.copyOfRange(head, 1, head.length);
        EventLog log = new EventLog(tasks, parseValues(lines[1], 1, 2));
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] w = line.split(" ");
            if (w.length < 2) {
                throw new IllegalArgumentException("line " + (i + 1) + ": no task: " + line);
            }
            int t = -1;
            for (int k = 0; k < tasks.length; k++) {
                if (tasks[k].equals(w[1])) {
                    t = k;
                }
            }
            if (t < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": unknown task " + w[1]);
            }
            log.append(new Event(w[0], t, parseValues(line, 2, i + 1)));
        }
        return log;
    }

    private static Object[] parseValues(String line, int skip, int lineNo) {
        Object[] v = new Object[VARIABLES.length];
        String[] w = line.trim().split(" ");
        for (int i = skip; i < w.length; i++) {
            int eq = w[i].indexOf('=');
            int var = eq < 0 ? -1 : variable(w[i].substring(0, eq));
            if (var < 0) {
                throw new IllegalArgumentException("line " + lineNo + ": not var=value: " + w[i]);
            }
            String s = w[i].substring(eq + 1);
            if (s.startsWith("[")) {
                String inner = s.substring(1, s.length() - 1);
                String[] parts = inner.isEmpty() ? new String[0] : inner.split(",");
                int[] a = new int[parts.length];
                for (int k = 0; k < a.length; k++) {
                    a[k] = Integer.parseInt(parts[k]);
                }
                v[var] = a;
            } else if (s.startsWith("<")) {
                String inner = s.substring(1, s.length() - 1);
                String[] parts = inner.isEmpty() ? new String[0] : inner.split(",");
                boolean[] a = new boolean[parts.length];
                for (int k = 0; k < a.length; k++) {
                    a[k] = "1".equals(parts[k]);
                }
                v[var] = a;
            } else {
                v[var] = Integer.valueOf(Integer.parseInt(s));
            }
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EventLog)) {
            return false;
        }
        EventLog l = (EventLog) o;
        if (size != l.size || !Arrays.equals(taskNames, l.taskNames)) {
            return false;
        }
        for (int k = 0; k < init.length; k++) {
            if (!Event.sameValue(init[k], l.init[k])) {
                return false;
            }
        }
        for (int i = 0; i < size; i++) {
            if (!events[i].equals(l.events[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(taskNames);
        for (Object v : init) {
            h = h * 31 + Event.valueHash(v);
        }
        for (int i = 0; i < size; i++) {
            h = h * 31 + events[i].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return "EventLog[" + size + " events]";
    }
}
