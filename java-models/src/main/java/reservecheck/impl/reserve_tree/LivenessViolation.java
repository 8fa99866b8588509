package reservecheck.impl.reserve_tree;

/**
 * A run came back to a state it had been in, and the model judged the loop between the two
 * visits a weakly fair cycle that leaves a request unanswered (see CycleJudge): the spec's
 * liveness property fails on that lasso.  The message starts with the catalog's verdict,
 * {@code liveness:<Name>}, as InvariantViolation's does.
 */
public final class LivenessViolation extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final String verdict;

    LivenessViolation(String verdict, String detail) {
        super(verdict + " " + detail);
        this.verdict = verdict;
    }

    public String verdict() {
        return verdict;
    }
}
