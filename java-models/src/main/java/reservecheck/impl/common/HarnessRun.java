package reservecheck.impl.common;

/**
 * A harness's parsed arguments, able to run the implementation once: what {@link #check}, the
 * body of every protocol's Lincheck test, needs of a protocol.
 *
 * @param <K> the protocol's sink for a finished run's record
 * @param <O> the protocol's outcome
 */
public interface HarnessRun<K, O extends RunOutcome> {
    /** Runs the implementation once with these arguments. */
    O run(K sink) throws InterruptedException;

    /**
     * Runs once and throws on a failure, as a Lincheck test's body must: a failure of the run
     * rethrown from the calling thread ({@link Failures#rethrow}), an interrupt as an
     * AssertionError.  The outcome is returned for what a protocol also counts as a failure
     * (a verdict its run reports without throwing).
     */
    static <K, O extends RunOutcome> O check(HarnessRun<K, O> run, K sink) {
        O o;
        try {
            o = run.run(sink);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        }
        Failures.rethrow(o.failure());
        return o;
    }
}
