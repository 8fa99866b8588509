package reservecheck.impl.alloc_policy;

import reservecheck.impl.common.SpecViolation;

/**
 * A recording run came back to a state on a loop the model judged weakly fair, and the loop
 * breaks a liveness property (AllocPolicyJudge): {@code liveness:<Name>}.
 */
public final class LivenessViolation extends SpecViolation {
    private static final long serialVersionUID = 1L;

    LivenessViolation(String verdict, String detail) {
        super(verdict, detail);
    }
}
