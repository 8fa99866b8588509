package reservecheck.impl.mempool;

import reservecheck.impl.common.ModelReplay;
import reservecheck.impl.common.ReplayLog;
import reservecheck.impl.common.ReplayOutcome;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.models.mempool.MempoolState;

/**
 * Trace validation ({@link ModelReplay}): replays an implementation's event log on the
 * reference model ({@link MempoolModel}, the spec as a transition system).  The implementation's
 * full state is rebuilt by applying each event's written values to the previous one, and EVERY
 * spec variable must then print the same TLA+ text as the model's.
 */
public final class LogReplay {
    private LogReplay() {
    }

    /** Replays the log; never throws for a divergence, it is in the result. */
    public static Result replay(MempoolModel model, EventLog log) {
        ModelReplay.Result<MempoolState> r = ModelReplay.replay(model, ReplayLog.of(log), null, null);
        return new Result(r.agreeing(), r.divergence(), r.last());
    }

    /** What a replay found. */
    public static final class Result extends ReplayOutcome {
        private final MempoolState last;

        Result(int steps, String divergence, MempoolState last) {
            super(steps, divergence);
            this.last = last;
        }

        /** The model's state after the last agreeing step. */
        public MempoolState lastState() {
            return last;
        }
    }
}
