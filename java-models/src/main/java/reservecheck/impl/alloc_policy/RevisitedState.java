package reservecheck.impl.alloc_policy;

/**
 * A run came back to a state and was stopped there for its caller to judge the loop outside a
 * model checker (AllocKernel.stopOnRevisit): not a verdict by itself.
 */
public final class RevisitedState extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** The message is what the Lincheck test reads the loop's start from. */
    RevisitedState(int from, int at) {
        super("revisit: at step " + at + " the run is back in the state of step " + from);
    }
}
