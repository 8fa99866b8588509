package reservecheck.impl.common;

import java.util.Arrays;

/**
 * An implementation's event log as the model replay reads it ({@link ModelReplay}), the same
 * for every protocol: the spec variables' values at construction as TLA+ text, then per event
 * its spec action, its task as the model names it, and the variables it wrote with their new
 * values as TLA+ text.  A protocol's log says how its events map to these ({@link ReplaySource}).
 */
public final class ReplayLog {
    private final String[] variables;
    private final String[] initial;
    private String[] labels = new String[16];
    private String[] tasks = new String[16];
    private int[][] written = new int[16][];
    private String[][] values = new String[16][];
    /** Why event i cannot be read (a variable the spec does not have), or null. */
    private String[] unreadable = new String[16];
    private int size;

    /**
     * @param variables the spec variables the log records, in the log's order
     * @param initial   their values when the implementation was built
     */
    public ReplayLog(String[] variables, String[] initial) {
        this.variables = variables;
        this.initial = initial.clone();
    }

    /** The log a protocol's event log gives ({@link ReplaySource}), read once, event by event. */
    public static ReplayLog of(ReplaySource source) {
        String[] variables = source.variables();
        String[] init = new String[variables.length];
        for (int v = 0; v < init.length; v++) {
            init[v] = source.initialText(v);
        }
        ReplayLog log = new ReplayLog(variables, init);
        for (int i = 0; i < source.size(); i++) {
            log.step(source.label(i), source.task(i));
            source.written(i, log);
        }
        return log;
    }

    /** The next event: a spec action, by a task (null for a step of no task). */
    public void step(String label, String task) {
        if (size == labels.length) {
            int n = size * 2;
            labels = Arrays.copyOf(labels, n);
            tasks = Arrays.copyOf(tasks, n);
            written = Arrays.copyOf(written, n);
            values = Arrays.copyOf(values, n);
            unreadable = Arrays.copyOf(unreadable, n);
        }
        labels[size] = label;
        tasks[size] = task;
        written[size] = new int[0];
        values[size] = new String[0];
        size++;
    }

    /** The last event wrote {@code value} to the variable named {@code name}. */
    public void wrote(String name, String value) {
        int v = variable(name);
        int e = size - 1;
        if (v < 0) {
            if (unreadable[e] == null) {
                unreadable[e] = "no spec variable " + name;
            }
            return;
        }
        written[e] = Arrays.copyOf(written[e], written[e].length + 1);
        values[e] = Arrays.copyOf(values[e], values[e].length + 1);
        written[e][written[e].length - 1] = v;
        values[e][values[e].length - 1] = value;
    }

    public int size() {
        return size;
    }

    /** The variable's index in the log's order, or -1 if the log does not record it. */
    public int variable(String name) {
        for (int i = 0; i < variables.length; i++) {
            if (variables[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Every variable's value when the implementation was built (a fresh copy). */
    public String[] initial() {
        return initial.clone();
    }

    public String label(int i) {
        return labels[i];
    }

    public String task(int i) {
        return tasks[i];
    }

    /** Writes event i's new values into {@code state}; null, or why the event cannot be read. */
    public String apply(int i, String[] state) {
        for (int k = 0; k < written[i].length; k++) {
            state[written[i][k]] = values[i][k];
        }
        return unreadable[i];
    }
}
