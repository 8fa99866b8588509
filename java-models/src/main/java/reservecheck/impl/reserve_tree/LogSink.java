package reservecheck.impl.reserve_tree;

/**
 * Where the harness hands a run's record when the run ends, so it can be replayed on the
 * model after the checker is done (Lincheck restores the heap between interleavings).
 */
public interface LogSink {
    String PASSED = "pass";
    String FAILED = "fail";
    /** Every running task sleeps and nobody can wake it. */
    String HUNG = "hang";

    /**
     * Called once per run from the harness's main thread holding the monitor.  Inside a
     * checker's run copy the ints out; decode afterwards ({@link EventLog#decode}).
     */
    void ended(String kind, int[] record);
}
