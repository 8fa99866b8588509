package reservecheck.impl.reserve_tree;

import java.util.List;

import reservecheck.impl.common.ModelReplay;
import reservecheck.impl.common.ReplayLog;
import reservecheck.impl.common.ReplayOutcome;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/**
 * Trace validation ({@link ModelReplay}): replays an implementation's event log on the
 * reference model (Models.create("reserve_tree", params), the spec as a transition system); an
 * event carries the variables it changed, already as TLA+ text.
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
        ModelReplay.Result<S> r = ModelReplay.replay(model, ReplayLog.of(log), states, steps);
        boolean stuck = r.where() == ModelReplay.AT_INIT ? model.successors(r.last()).isEmpty()
                : r.where() == ModelReplay.AT_END && deadEnd(model, r.last());
        return new Result(r.taken(), r.divergence(), stuck);
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

    /** What a replay found; its steps are those the model took, a diverging one among them. */
    public static final class Result extends ReplayOutcome {
        private final boolean endIsStuck;

        Result(int steps, String divergence, boolean endIsStuck) {
            super(steps, divergence);
            this.endIsStuck = endIsStuck;
        }

        /** In the model's last state nothing but Terminated (or nothing) is enabled. */
        public boolean endIsStuck() {
            return endIsStuck;
        }
    }
}
