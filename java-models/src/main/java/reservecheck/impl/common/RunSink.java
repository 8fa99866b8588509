package reservecheck.impl.common;

/**
 * Where a harness hands the record of a run it watched end, so the record can be decoded and
 * replayed on the model after the checker is done.  A checker that restores memory between
 * interleavings (Lincheck does) would otherwise erase it.  {@code R} is what the protocol
 * records: its tasks' traces, or one array of ints.
 */
public interface RunSink<R> {
    /** The run ended: every task finished. */
    String PASSED = "pass";
    /** A task failed (an invariant, an exception). */
    String FAILED = "fail";
    /** Every unfinished task sleeps and nobody can wake it. */
    String HUNG = "hang";

    /**
     * Called once per run, from the harness's main thread holding the monitor the tasks sleep
     * on, with one of the kinds above.  Inside a checker's run: copy the words out, do not
     * decode there (decoding loops over the whole run, which Lincheck would take for a
     * livelock).
     */
    void ended(String kind, R run);
}
