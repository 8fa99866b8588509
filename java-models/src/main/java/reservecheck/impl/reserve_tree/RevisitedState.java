package reservecheck.impl.reserve_tree;

/**
 * A run came back to a state it had been in, and was stopped there for its caller to judge the
 * loop (ReserveTree.stopOnRevisit; see CycleJudge for the judgement).  Not a verdict by
 * itself: the loop may be one a fair scheduler would leave.
 */
public final class RevisitedState extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** The message is what the Lincheck test reads the loop's start from (TreeLincheckRun). */
    RevisitedState(int from, int at) {
        super("revisit: at step " + at + " the run is back in the state of step " + from);
    }
}
