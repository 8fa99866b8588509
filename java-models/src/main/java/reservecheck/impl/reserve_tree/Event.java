package reservecheck.impl.reserve_tree;

import java.util.Arrays;

/**
 * One step of the implementation: the spec action (the model's transition label), the actor
 * as the model names it (a swapfile's tuple, u1, d1; null for the sysctl writer and kswapd),
 * and the spec variables the step changed with their new values as TLA+ text.
 */
public final class Event {
    private final String label;
    private final String task;
    private final String[] names;
    private final String[] values;

    Event(String label, String task, String[] names, String[] values) {
        this.label = label;
        this.task = task;
        this.names = names;
        this.values = values;
    }

    public String label() {
        return label;
    }

    /** The model's task of the step, or null. */
    public String task() {
        return task;
    }

    /** How many variables the step changed. */
    public int changed() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    public String value(int i) {
        return values[i];
    }

    /** A copy in which variable {@code name} was written as {@code value} (tests inject divergences). */
    public Event with(String name, String value) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                String[] v = values.clone();
                v[i] = value;
                return new Event(label, task, names, v);
            }
        }
        String[] n = Arrays.copyOf(names, names.length + 1);
        String[] v = Arrays.copyOf(values, values.length + 1);
        n[names.length] = name;
        v[values.length] = value;
        return new Event(label, task, n, v);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(label).append('(').append(task == null ? "" : task).append(')');
        for (int i = 0; i < names.length; i++) {
            b.append(i == 0 ? " " : ", ").append(names[i]).append(" = ").append(values[i]);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Event)) {
            return false;
        }
        Event e = (Event) o;
        return label.equals(e.label) && (task == null ? e.task == null : task.equals(e.task))
                && Arrays.equals(names, e.names) && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return (label.hashCode() * 31 + (task == null ? 0 : task.hashCode())) * 31 + Arrays.hashCode(values);
    }
}
