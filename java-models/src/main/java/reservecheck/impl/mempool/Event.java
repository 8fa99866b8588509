package reservecheck.impl.mempool;

/**
 * One step of the implementation: the spec action it performs (the model's transition label),
 * the task that performed it, and the new values of the spec variables the step wrote, typed
 * as the pool holds them ({@link EventLog#VARIABLES} order; null = not written).  Values are
 * rendered as TLA+ text only when a log is replayed, so recording stays cheap.
 */
public final class Event {
    private final String label;
    private final int task;
    private final Object[] values;

    Event(String label, int task, Object[] values) {
        this.label = label;
        this.task = task;
        this.values = values;
    }

    /** The spec action's name, e.g. {@code mempool_free}. */
    public String label() {
        return label;
    }

    /** The task's index (p1.. then i1..). */
    public int task() {
        return task;
    }

    /** The value written to variable {@code var} (an {@link EventLog#VARIABLES} index), or null. */
    public Object value(int var) {
        return values[var];
    }

    /** A copy with variable {@code var} written as {@code value} (tests inject divergences so). */
    public Event with(int var, Object value) {
        Object[] v = values.clone();
        v[var] = value;
        return new Event(label, task, v);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Event)) {
            return false;
        }
        Event e = (Event) o;
        if (!label.equals(e.label) || task != e.task) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!EventLog.sameValue(values[i], e.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = label.hashCode() * 31 + task;
        for (Object v : values) {
            h = h * 31 + EventLog.valueHash(v);
        }
        return h;
    }
}
