package reservecheck.impl.common;

import java.util.Arrays;

/**
 * One step of an implementation, for every protocol: the spec action it performs (the model's
 * transition label), the task that performed it (an index into its log's tasks, or
 * {@link #NO_TASK}), and the new values of the spec variables the step wrote, by the index of
 * the variable in its log's {@link ReplaySource#variables()} (null = not written).  A value is
 * whatever the protocol's log renders as TLA+ text at replay ({@link ReplaySource#written}):
 * typed values (the pool's ints and arrays), so recording stays cheap, or the text itself.
 */
public final class Event {
    /** The task of a step that belongs to no task (a sysctl writer, kswapd). */
    public static final int NO_TASK = -1;

    private final String label;
    private final int task;
    private final Object[] values;

    /** {@code values} is kept, not copied: the log that builds an event hands it over. */
    public Event(String label, int task, Object[] values) {
        this.label = label;
        this.task = task;
        this.values = values;
    }

    /** The spec action's name, e.g. {@code mempool_free}. */
    public String label() {
        return label;
    }

    /** The task's index in its log, or {@link #NO_TASK}. */
    public int task() {
        return task;
    }

    /** How many variables the event has a slot for (its log's variables). */
    public int variables() {
        return values.length;
    }

    /** The value written to variable {@code var}, or null. */
    public Object value(int var) {
        return values[var];
    }

    /** A copy with variable {@code var} written as {@code value} (tests inject divergences so). */
    public Event with(int var, Object value) {
        Object[] v = values.clone();
        v[var] = value;
        return new Event(label, task, v);
    }

    /** Two values alike: arrays by their elements, null only like null. */
    public static boolean sameValue(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof int[] && b instanceof int[]) {
            return Arrays.equals((int[]) a, (int[]) b);
        }
        if (a instanceof boolean[] && b instanceof boolean[]) {
            return Arrays.equals((boolean[]) a, (boolean[]) b);
        }
        return a.equals(b);
    }

    /** A hash that agrees with {@link #sameValue}. */
    public static int valueHash(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof int[]) {
            return Arrays.hashCode((int[]) v);
        }
        if (v instanceof boolean[]) {
            return Arrays.hashCode((boolean[]) v);
        }
        return v.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Event)) {
            return false;
        }
        Event e = (Event) o;
        if (!label.equals(e.label) || task != e.task || values.length != e.values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!sameValue(values[i], e.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = label.hashCode() * 31 + task;
        for (Object v : values) {
            h = h * 31 + valueHash(v);
        }
        return h;
    }
}
