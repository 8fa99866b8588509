package reservecheck.impl.reserve_tree;

import java.util.ArrayList;
import java.util.List;

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
    private final List<Event> events;

    EventLog(String[] init, List<Event> events) {
        this.init = init;
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
        List<Event> events = new ArrayList<Event>();
        for (int at = size; at + 2 + size <= rec.length; at += 2 + size) {
            List<String> names = new ArrayList<String>();
            List<String> values = new ArrayList<String>();
            for (int v = 0; v < vars; v++) {
                String now = text.render(rec, at + 2, v);
                if (!now.equals(prev[v])) {
                    names.add(Layout.VARIABLES[v]);
                    values.add(now);
                    prev[v] = now;
                }
            }
            events.add(new Event(ReserveTree.LABELS[rec[at]], taskName(p, rec[at + 1]),
                    names.toArray(new String[0]), values.toArray(new String[0])));
        }
        return new EventLog(init, events);
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
        return events.get(i).task();
    }

    /** The event's changed variables as it recorded them (a test's {@link Event#with} may add any name). */
    @Override
    public void written(int i, ReplayLog out) {
        Event e = events.get(i);
        for (int k = 0; k < e.changed(); k++) {
            out.wrote(e.name(k), e.value(k));
        }
    }

    /** A copy with event i replaced (tests inject divergences). */
    public EventLog with(int i, Event e) {
        List<Event> l = new ArrayList<Event>(events);
        l.set(i, e);
        return new EventLog(init, l);
    }

    public String toText() {
        StringBuilder b = new StringBuilder("Init");
        for (int v = 0; v < init.length; v++) {
            b.append(v == 0 ? " " : ", ").append(Layout.VARIABLES[v]).append(" = ").append(init[v]);
        }
        b.append('\n');
        for (int i = 0; i < events.size(); i++) {
            b.append(i + 1).append(": ").append(events.get(i)).append('\n');
        }
        return b.toString();
    }
}
