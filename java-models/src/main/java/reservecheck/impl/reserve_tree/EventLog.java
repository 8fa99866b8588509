package reservecheck.impl.reserve_tree;

import java.util.ArrayList;
import java.util.List;

import reservecheck.impl.common.Event;
import reservecheck.impl.common.ReplayLog;
import reservecheck.impl.common.ReplaySource;
import reservecheck.models.reserve_tree.ReserveTreeParams;

/**
 * What the implementation did: the spec variables' values when it was built, then one
 * {@link Event} per step in the order the steps held the monitor.  Built after a run from the
 * ints the steps recorded ({@link ReserveTree#recordCopy}), so recording stays a copy of ints.
 */
public final class EventLog implements ReplaySource {
    private final String[] init;
    /** The events' tasks as the model names them (a swapfile's tuple, u1, d1), by Event#task. */
    private final List<String> tasks;
    /** Each event's values are the TLA+ text of the variables it changed, by VARIABLES index. */
    private final List<Event> events;

    EventLog(String[] init, List<String> tasks, List<Event> events) {
        this.init = init;
        this.tasks = tasks;
        this.events = events;
    }

    /** Decodes a record: initial snapshot, then per step label code, actor code, snapshot. */
    public static EventLog decode(ReserveTreeParams p, int[] rec) {
        StateText text = new StateText(p);
        int size = new Layout(p).size();
        int vars = Layout.VARIABLES.length;
        String[] prev = new String[vars];
        for (int v = 0; v < vars; v++) {
            prev[v] = text.render(rec, 0, v);
        }
        String[] init = prev.clone();
        List<String> tasks = new ArrayList<String>();
        List<Event> events = new ArrayList<Event>();
        for (int at = size; at + 2 + size <= rec.length; at += 2 + size) {
            Object[] changed = new Object[vars];
            for (int v = 0; v < vars; v++) {
                String now = text.render(rec, at + 2, v);
                if (!now.equals(prev[v])) {
                    changed[v] = now;
                    prev[v] = now;
                }
            }
            String task = taskName(p, rec[at + 1]);
            int t = Event.NO_TASK;
            if (task != null) {
                t = tasks.indexOf(task);
                if (t < 0) {
                    t = tasks.size();
                    tasks.add(task);
                }
            }
            events.add(new Event(ReserveTree.LABELS[rec[at]], t, changed));
        }
        return new EventLog(init, tasks, events);
    }

    private static String taskName(ReserveTreeParams p, int actor) {
        if (actor == ReserveTree.NO_TASK) {
            return null;
        }
        int kind = actor >> 8;
        int i = actor & 0xFF;
        return kind == ReserveTree.SWAPFILE ? p.swapfileName(i)
                : kind == ReserveTree.USER ? p.userName(i) : p.allocatorName(i);
    }

    @Override
    public int size() {
        return events.size();
    }

    public Event event(int i) {
        return events.get(i);
    }

    @Override
    public String[] variables() {
        return Layout.VARIABLES;
    }

    /** The initial value of variable {@code var} (a {@link Layout#VARIABLES} index) as TLA+ text. */
    @Override
    public String initialText(int var) {
        return init[var];
    }

    @Override
    public String label(int i) {
        return events.get(i).label();
    }

    @Override
    public String task(int i) {
        int t = events.get(i).task();
        return t == Event.NO_TASK ? null : tasks.get(t);
    }

    /** The event's changed variables, in the spec's order. */
    @Override
    public void written(int i, ReplayLog out) {
        Event e = events.get(i);
        for (int v = 0; v < e.variables(); v++) {
            if (e.value(v) != null) {
                out.wrote(Layout.VARIABLES[v], (String) e.value(v));
            }
        }
    }

    /** A copy with event i replaced (tests inject divergences). */
    public EventLog with(int i, Event e) {
        List<Event> l = new ArrayList<Event>(events);
        l.set(i, e);
        return new EventLog(init, tasks, l);
    }

    /** A copy of event i with variable {@code name} written as the TLA+ text {@code value}. */
    public Event changed(int i, String name, String value) {
        return events.get(i).with(Layout.variable(name), value);
    }

    /** Event i as people read it: {@code label(task) var = value, ...}. */
    public String describe(int i) {
        Event e = events.get(i);
        String t = task(i);
        StringBuilder b = new StringBuilder(e.label()).append('(').append(t == null ? "" : t).append(')');
        String sep = " ";
        for (int v = 0; v < e.variables(); v++) {
            if (e.value(v) != null) {
                b.append(sep).append(Layout.VARIABLES[v]).append(" = ").append(e.value(v));
                sep = ", ";
            }
        }
        return b.toString();
    }

    public String toText() {
        StringBuilder b = new StringBuilder("Init");
        for (int v = 0; v < init.length; v++) {
            b.append(v == 0 ? " " : ", ").append(Layout.VARIABLES[v]).append(" = ").append(init[v]);
        }
        b.append('\n');
        for (int i = 0; i < events.size(); i++) {
            b.append(i + 1).append(": ").append(describe(i)).append('\n');
        }
        return b.toString();
    }
}
