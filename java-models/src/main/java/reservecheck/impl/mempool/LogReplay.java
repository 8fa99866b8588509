package reservecheck.impl.mempool;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.Transition;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.models.mempool.MempoolState;

/**
 * Trace validation: replays an implementation's event log on the reference model
 * ({@link MempoolModel}, the spec as a transition system).  Starting from the model's initial
 * state, each event's action (label and task) must be enabled in the model's current state;
 * the model takes it; the implementation's full state is rebuilt by applying the event's
 * written values to the previous one, and EVERY spec variable must then print the same TLA+
 * text as the model's.  The first divergence is reported as one line: the step, the event, and
 * both values of the first differing variable (or the steps the model allowed instead).
 */
public final class LogReplay {
    private LogReplay() {
    }

    /** Replays the log; never throws for a divergence, it is in the result. */
    public static Result replay(MempoolModel model, EventLog log) {
        MempoolState s = model.initialStates().get(0);
        String[] impl = new String[EventLog.VARIABLES.length];
        for (int v = 0; v < impl.length; v++) {
            impl[v] = log.render(v, log.initial(v));
        }
        String d = compare(model, s, impl, 0, "Init");
        if (d != null) {
            return new Result(0, d, s);
        }
        for (int i = 0; i < log.size(); i++) {
            Event e = log.event(i);
            String task = log.taskName(e.task());
            String[] next = impl.clone();
            for (int v = 0; v < next.length; v++) {
                Object value = e.value(v);
                if (value != null) {
                    next[v] = log.render(v, value);
                }
            }
            List<Transition<MempoolState>> enabled = model.successors(s);
            Transition<MempoolState> taken = null;
            for (Transition<MempoolState> t : enabled) {
                if (t.label().equals(e.label()) && task.equals(t.task())) {
                    // the spec's actions are deterministic; if several matched, prefer the one
                    // that agrees with the implementation
                    if (taken == null || compare(model, t.target(), next, i + 1, "") == null) {
                        taken = t;
                    }
                }
            }
            String step = "step " + (i + 1) + " " + log.describe(i);
            if (taken == null) {
                List<String> names = new ArrayList<String>();
                for (Transition<MempoolState> t : enabled) {
                    names.add(t.toString());
                }
                return new Result(i, step + ": not enabled in the model (it allows " + names + ")", s);
            }
            s = taken.target();
            impl = next;
            d = compare(model, s, impl, i + 1, log.describe(i));
            if (d != null) {
                return new Result(i, d, s);
            }
        }
        return new Result(log.size(), null, s);
    }

    private static String compare(MempoolModel model, MempoolState s, String[] impl, int step, String event) {
        for (String name : model.variableNames()) {
            int v = EventLog.variable(name);
            if (v < 0) {
                return "step " + step + " " + event + ": the implementation does not record the spec variable " + name;
            }
            String m = model.variable(s, name);
            if (!m.equals(impl[v])) {
                return "step " + step + " " + event + ": " + name + " is " + impl[v]
                        + " in the implementation but " + m + " in the model";
            }
        }
        return null;
    }

    /** What a replay found. */
    public static final class Result {
        private final int steps;
        private final String divergence;
        private final MempoolState last;

        Result(int steps, String divergence, MempoolState last) {
            this.steps = steps;
            this.divergence = divergence;
            this.last = last;
        }

        /** The events replayed in agreement with the model. */
        public int steps() {
            return steps;
        }

        /** Null when the whole log agrees with the model; else the first divergence, one line. */
        public String divergence() {
            return divergence;
        }

        public boolean agrees() {
            return divergence == null;
        }

        /** The model's state after the last agreeing step. */
        public MempoolState lastState() {
            return last;
        }

        @Override
        public String toString() {
            return agrees() ? "agrees with the model for " + steps + " steps" : divergence;
        }
    }
}
