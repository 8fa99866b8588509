package reservecheck.impl.common;

/**
 * A run's failure rethrown from the harness's main thread, where a checker sees it: a task's
 * exception in its own thread would otherwise fail neither a Lincheck test nor a plain run.
 */
public final class Failures {
    private Failures() {
    }

    /** What a run's failure says, for its outcome (null: none). */
    public static String message(Throwable failure) {
        return failure == null ? null : failure.getMessage();
    }

    /** A harness run cut short in a Lincheck test's body: the test fails with it. */
    public static AssertionError interrupted(InterruptedException e) {
        return new AssertionError("interrupted", e);
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
