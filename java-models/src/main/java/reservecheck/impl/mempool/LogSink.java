package reservecheck.impl.mempool;

/**
 * Where a harness hands the event log of a run it watched end, so the log can be replayed on
 * the model after the checker is done.  A checker that restores memory between interleavings
 * (Lincheck does) would otherwise erase it.
 */
public interface LogSink {
    /** The run ended: every task finished. */
    String PASSED = "pass";
    /** A task failed (an invariant, an exception). */
    String FAILED = "fail";
    /** Every unfinished task sleeps on the pool and nobody can wake it. */
    String HUNG = "hang";

    /**
     * Called once per run, from the harness's main thread holding the pool's monitor, with one
     * of the kinds above.  Inside a checker's run: copy the words out, do not decode there
     * (decoding loops over the whole run, which Lincheck would take for a livelock).
     */
    void ended(String kind, RunTrace run);
}
