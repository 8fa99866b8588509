package reservecheck.impl.common;

/**
 * The thread of one task of a run: its steps until it is done, then the run is told it ended,
 * with the throwable that ended it early, if any.  The run keeps the failure for the harness's
 * main thread to rethrow (Failures): an exception in a spawned thread would otherwise fail
 * neither a Lincheck test nor a plain run.
 *
 * @param <O> the task's own state while it runs (a per-task trace), or Void
 */
public abstract class StepThread<O> implements Runnable {
    /**
     * The task's own state, created on its thread and only ever passed down, never kept in a
     * field: a field would be shared memory, where Lincheck switches threads.
     */
    protected abstract O begin();

    /** The task's steps, until it is done. */
    protected abstract void steps(O own) throws Exception;

    /** The task ended: done (failed == null) or failed. */
    protected abstract void ended(O own, Throwable failed);

    @Override
    public final void run() {
        O own = begin();
        Throwable failed = null;
        try {
            steps(own);
        } catch (Throwable e) {
            failed = e;
        }
        ended(own, failed);
    }
}
