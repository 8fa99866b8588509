package reservecheck.impl.net_rx;

import reservecheck.impl.common.SpecViolation;

/**
 * A recording run came back to a state on a loop the model judged weakly fair, and the loop
 * leaves a swap-out or ordinary traffic unfinished (NetRxJudge): {@code liveness:<Name>}.
 */
public final class LivenessViolation extends SpecViolation {
    private static final long serialVersionUID = 1L;

    LivenessViolation(String verdict, String detail) {
        super(verdict, detail);
    }
}
