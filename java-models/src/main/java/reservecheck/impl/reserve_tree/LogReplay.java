package reservecheck.impl.reserve_tree;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/**
 * Trace validation: replays an implementation's event log on the reference model
 * (Models.create("reserve_tree", params), the spec as a transition system).  From the model's
 * initial state, each event's action (label and task) must be an enabled transition; the model
 * takes it; the implementation's state (the previous one with the event's changed values) must
 * print, variable by variable, the same TLA+ text as the model's.  The first divergence is one
 * line: the step, the event, and both values of the first differing variable (or the steps the
 * model allowed instead).
 */
public final class LogReplay {
    private LogReplay() {
    }

    public static <S> Result replay(Model<S> model, EventLog log) {
        return replay(model, log, null, null);
    }

    /**
     * The same, also collecting the model's path: {@code states} gets the initial state and the
     * state after each agreeing step, {@code steps} the transition taken for each.
     */
    public static <S> Result replay(Model<S> model, EventLog log, List<S> states, List<Transition<S>> steps) {
        S s = model.initialStates().get(0);
        if (states != null) {
            states.add(s);
        }
        int vars = Layout.VARIABLES.length;
        String[] impl = new String[vars];
        for (int v = 0; v < vars; v++) {
            impl[v] = log.initial(v);
        }
        String d = compare(model, s, impl, "step 0 Init");
        if (d != null) {
            return new Result(0, d, model.successors(s).isEmpty());
        }
        for (int i = 0; i < log.size(); i++) {
            Event e = log.event(i);
            String[] next = impl.clone();
            for (int k = 0; k < e.changed(); k++) {
                int v = Layout.variable(e.name(k));
                if (v < 0) {
                    return new Result(i, "step " + (i + 1) + " " + e.label() + ": no spec variable " + e.name(k), false);
                }
                next[v] = e.value(k);
            }
            List<Transition<S>> enabled = model.successors(s);
            Transition<S> taken = null;
            for (Transition<S> t : enabled) {
                boolean sameTask = e.task() == null ? t.task() == null : e.task().equals(t.task());
                if (t.label().equals(e.label()) && sameTask) {
                    if (taken == null || compare(model, t.target(), next, "") == null) {
                        taken = t;
                    }
                }
            }
            String step = "step " + (i + 1) + " " + e.label() + "(" + (e.task() == null ? "" : e.task()) + ")";
            if (taken == null) {
                List<String> names = new ArrayList<String>();
                for (Transition<S> t : enabled) {
                    names.add(t.toString());
                }
                return new Result(i, step + ": not enabled in the model (it allows " + names + ")", false);
            }
            s = taken.target();
            if (states != null) {
                states.add(s);
                steps.add(taken);
            }
            impl = next;
            d = compare(model, s, impl, step);
            if (d != null) {
                return new Result(i + 1, d, false);
            }
        }
        return new Result(log.size(), null, deadEnd(model, s));
    }

    /** The model has no step in s but Terminated's self-loop and none at all otherwise. */
    private static <S> boolean deadEnd(Model<S> model, S s) {
        for (Transition<S> t : model.successors(s)) {
            if (!"Terminated".equals(t.label())) {
                return false;
            }
        }
        return true;
    }

    private static <S> String compare(Model<S> model, S s, String[] impl, String step) {
        for (String name : model.variableNames()) {
            int v = Layout.variable(name);
            if (v < 0) {
                return step + ": the implementation does not record the spec variable " + name;
            }
            String m = model.variable(s, name);
            if (!m.equals(impl[v])) {
                return step + ": " + name + " is " + impl[v] + " in the implementation but " + m + " in the model";
            }
        }
        return null;
    }

    /** What a replay found. */
    public static final class Result {
        private final int steps;
        private final String divergence;
        private final boolean endIsStuck;

        Result(int steps, String divergence, boolean endIsStuck) {
            this.steps = steps;
            this.divergence = divergence;
            this.endIsStuck = endIsStuck;
        }

        public int steps() {
            return steps;
        }

        /** Null when the log agrees with the model; else the first divergence, one line. */
        public String divergence() {
            return divergence;
        }

        public boolean agrees() {
            return divergence == null;
        }

        /** In the model's last state nothing but Terminated (or nothing) is enabled. */
        public boolean endIsStuck() {
            return endIsStuck;
        }

        @Override
        public String toString() {
            return agrees() ? "agrees with the model for " + steps + " steps" : divergence;
        }
    }
}
