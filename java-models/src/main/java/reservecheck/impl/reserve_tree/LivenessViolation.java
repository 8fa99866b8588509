package reservecheck.impl.reserve_tree;

import reservecheck.impl.common.SpecViolation;

/**
 * A run came back to a state it had been in, and the model judged the loop between the two
 * visits a weakly fair cycle that leaves a request unanswered (see CycleJudge): the spec's
 * liveness property fails on that lasso; the verdict is {@code liveness:<Name>}.
 */
public final class LivenessViolation extends SpecViolation {
    private static final long serialVersionUID = 1L;

    LivenessViolation(String verdict, String detail) {
        super(verdict, detail);
    }
}
