package reservecheck.impl.mempool;

import java.util.Arrays;

import reservecheck.impl.common.Event;

/**
 * What a run recorded, as the harness hands it to a {@link LogSink}: the initial state's
 * values and, per task, the last copy of its {@link Trace} it published.  Nothing here is
 * decoded: inside a checker's run only copies are taken; {@link #decode} runs afterwards.
 *
 * <p>Initial words, in EventLog.VARIABLES order: the four numbers, waitq's length (always 0),
 * then pc, held, rounds_left, full_mask, plugged, snap, tstate, saw_empty, one int per task.
 */
public final class RunTrace {
    private final String[] taskNames;
    private final int[] init;
    private final int[][] tasks;

    RunTrace(String[] taskNames, int[] init, int[][] tasks) {
        this.taskNames = taskNames;
        this.init = init;
        this.tasks = tasks;
    }

    public String[] taskNames() {
        return taskNames.clone();
    }

    /** The initial state's words (not a copy: do not change). */
    public int[] init() {
        return init;
    }

    /** Task i's published words, its hash last (not a copy: do not change); may be empty. */
    public int[] task(int i) {
        return tasks[i];
    }

    public int taskCount() {
        return tasks.length;
    }

    /** A hash of the whole run, from the tasks' running hashes (no pass over the words). */
    public int hash() {
        int h = 1;
        for (int[] w : tasks) {
            h = h * 1000003 + (w.length == 0 ? 0 : w[w.length - 1]);
        }
        // spread the bits, so that a sample "hash mod k" does not follow the low bits of one value
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return h;
    }

    /** The run as an event log: every task's steps merged in the order they held the monitor. */
    public EventLog decode() {
        return decode(taskNames, init, tasks);
    }

    /** Decodes the words a run recorded (see {@link Trace} and {@link RunTrace}). */
    public static EventLog decode(String[] taskNames, int[] init, int[][] tasks) {
        int n = taskNames.length;
        Object[] state = new Object[EventLog.VARIABLES.length];
        int at = 0;
        for (int v = 0; v < state.length; v++) {
            if (v <= EventLog.DIRTY_PAGES) {
                state[v] = Integer.valueOf(init[at++]);
            } else if (v == EventLog.WAITQ) {
                int len = init[at++];
                state[v] = Arrays.copyOfRange(init, at, at + len);
                at += len;
            } else if (v == EventLog.FULL_MASK || v == EventLog.SAW_EMPTY) {
                boolean[] b = new boolean[n];
                for (int i = 0; i < n; i++) {
                    b[i] = init[at + i] != 0;
                }
                state[v] = b;
                at += n;
            } else {
                state[v] = Arrays.copyOfRange(init, at, at + n);
                at += n;
            }
        }
        EventLog log = new EventLog(taskNames, state);
        // per task: the position of its next step and that step's seq
        int[] pos = new int[tasks.length];
        int steps = 0;
        for (int[] w : tasks) {
            for (int i = 0; i + 1 < w.length; i++) {
                if (w[i] < 0) {
                    steps++;
                }
            }
        }
        for (int s = 0; s < steps; s++) {
            // the task whose next step has the smallest seq goes next
            int best = -1;
            int bestSeq = Integer.MAX_VALUE;
            int bestEnd = -1;
            for (int t = 0; t < tasks.length; t++) {
                int[] w = tasks[t];
                int i = pos[t];
                while (i + 1 < w.length && w[i] >= 0) {
                    i++;
                }
                if (i + 1 < w.length) {
                    int seq = -w[i] - 1;
                    if (seq < bestSeq) {
                        bestSeq = seq;
                        best = t;
                        bestEnd = i;
                    }
                }
            }
            int[] w = tasks[best];
            Object[] values = new Object[state.length];
            for (int i = pos[best]; i < bestEnd; i++) {
                int var = w[i] >>> 24;
                int task = w[i] >>> 16 & 0xFF;
                // a signed 16-bit value: curr_nr is -1 once the lock fault takes the last element twice
                int value = (short) (w[i] & 0xFFFF);
                state[var] = apply(state[var], var, task, value);
                values[var] = state[var];
            }
            log.append(new Event(Action.label(w[bestEnd + 1]), best, values));
            pos[best] = bestEnd + 2;
        }
        return log;
    }

    private static Object apply(Object old, int var, int task, int value) {
        if (var <= EventLog.DIRTY_PAGES) {
            return Integer.valueOf(value);
        }
        if (var == EventLog.WAITQ) {
            int[] q = (int[]) old;
            if (value == 1) {
                int[] r = Arrays.copyOf(q, q.length + 1);
                r[q.length] = task;
                return r;
            }
            int[] r = new int[q.length];
            int k = 0;
            for (int x : q) {
                if (x != task) {
                    r[k++] = x;
                }
            }
            return Arrays.copyOf(r, k);
        }
        if (var == EventLog.FULL_MASK || var == EventLog.SAW_EMPTY) {
            boolean[] b = ((boolean[]) old).clone();
            b[task] = value != 0;
            return b;
        }
        int[] a = ((int[]) old).clone();
        a[task] = value;
        return a;
    }
}
