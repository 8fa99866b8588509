package reservecheck.impl.common;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/**
 * Trace validation for every protocol: replays an implementation's event log on the reference
 * model (the spec as a transition system).  From the model's initial state, each event's action
 * (label and task) must be an enabled transition; the model takes it; the implementation's
 * state (the previous one with the event's written values) must print, variable by variable,
 * the same TLA+ text as the model's.  The first divergence is one line: the step, the event,
 * and both values of the first differing variable (or the steps the model allowed instead).
 * The protocol's log says only what its events are ({@link ReplayLog}).
 */
public final class ModelReplay {
    /** Where a replay stopped. */
    public static final int AT_INIT = 0;
    public static final int IN_STEP = 1;
    public static final int AT_END = 2;

    private ModelReplay() {
    }

    /** Replays a protocol's event log; never throws for a divergence, it is in the result. */
    public static <S> Result<S> replay(Model<S> model, ReplaySource source) {
        return replay(model, source, null, null);
    }

    /**
     * The same; with non-null {@code states} and {@code steps}, they get the model's path: the
     * initial state and the state after each step the model took, and the transition taken for
     * each.
     */
    public static <S> Result<S> replay(Model<S> model, ReplaySource source, List<S> states,
                                       List<Transition<S>> steps) {
        ReplayLog log = ReplayLog.of(source);
        S s = model.initialStates().get(0);
        if (states != null) {
            states.add(s);
        }
        String[] impl = log.initial();
        String d = compare(model, log, s, impl, "step 0 Init");
        if (d != null) {
            return new Result<S>(model, 0, 0, d, s, AT_INIT);
        }
        for (int i = 0; i < log.size(); i++) {
            String[] next = impl.clone();
            String unreadable = log.apply(i, next);
            if (unreadable != null) {
                return new Result<S>(model, i, i, "step " + (i + 1) + " " + log.label(i) + ": " + unreadable, s, IN_STEP);
            }
            String task = log.task(i);
            List<Transition<S>> enabled = model.successors(s);
            Transition<S> taken = null;
            for (Transition<S> t : enabled) {
                boolean sameTask = task == null ? t.task() == null : task.equals(t.task());
                if (t.label().equals(log.label(i)) && sameTask) {
                    // the spec's actions are deterministic; if several matched, prefer the one
                    // that agrees with the implementation
                    if (taken == null || compare(model, log, t.target(), next, "") == null) {
                        taken = t;
                    }
                }
            }
            String step = "step " + (i + 1) + " " + log.label(i) + "(" + (task == null ? "" : task) + ")";
            if (taken == null) {
                List<String> names = new ArrayList<String>();
                for (Transition<S> t : enabled) {
                    names.add(t.toString());
                }
                return new Result<S>(model, i, i, step + ": not enabled in the model (it allows " + names + ")", s, IN_STEP);
            }
            s = taken.target();
            if (states != null) {
                states.add(s);
                steps.add(taken);
            }
            impl = next;
            d = compare(model, log, s, impl, step);
            if (d != null) {
                return new Result<S>(model, i, i + 1, d, s, IN_STEP);
            }
        }
        return new Result<S>(model, log.size(), log.size(), null, s, AT_END);
    }

    private static <S> String compare(Model<S> model, ReplayLog log, S s, String[] impl, String step) {
        for (String name : model.variableNames()) {
            int v = log.variable(name);
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

    /**
     * What a replay found; {@link #steps()} counts the events that agree with the model, {@link
     * #taken()} also a diverging one the model took.
     */
    public static final class Result<S> extends ReplayOutcome {
        private final Model<S> model;
        private final int taken;
        private final S last;
        private final int where;

        Result(Model<S> model, int agreeing, int taken, String divergence, S last, int where) {
            super(agreeing, divergence);
            this.model = model;
            this.taken = taken;
            this.last = last;
            this.where = where;
        }

        /** The events the model took (one more than steps() where a step's values diverged). */
        public int taken() {
            return taken;
        }

        /** The model's state after the last step it took. */
        public S lastState() {
            return last;
        }

        /** {@link #AT_INIT}, {@link #IN_STEP} or {@link #AT_END}. */
        public int where() {
            return where;
        }

        /**
         * Where the replay stopped at the start or at the log's end, the model has no step left
         * but Terminated's self-loop: an implementation that hung there agrees with a deadlock.
         */
        public boolean endIsStuck() {
            if (where == IN_STEP) {
                return false;
            }
            for (Transition<S> t : model.successors(last)) {
                if (where == AT_INIT || !"Terminated".equals(t.label())) {
                    return false;
                }
            }
            return true;
        }
    }
}
