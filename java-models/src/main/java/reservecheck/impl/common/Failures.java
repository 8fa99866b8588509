package reservecheck.impl.common;

/**
 * A run's failure rethrown from the harness's main thread, where a checker sees it: a task's
 * exception in its own thread would otherwise fail neither a Lincheck test nor a plain run.
 */
public final class Failures {
    private Failures() {
    }

    /** An unchecked throwable as it is; anything else wrapped in an AssertionError; null: nothing. */
    public static void rethrow(Throwable failure) {
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure != null) {
            throw new AssertionError(failure.toString(), failure);
        }
    }
}
