package reservecheck.impl.common;

/**
 * Where a harness's main thread waits for a run to settle: every thread ended, one failed, or
 * every running one sleeps with nobody to wake it.  A monitor of its own, not the steps'
 * monitor, so the steps' wake-ups never wake the main thread: a model checker explores no steps
 * of the main thread in between (with the main thread on the steps' monitor, Lincheck 3.7
 * explored three interleavings of a design and stopped).  Once settled it stays settled.
 */
public final class SettledLatch {
    /** Guarded by this. */
    private boolean settled;

    /** The run has settled: wakes the main thread (called holding the steps' monitor). */
    public void settle() {
        synchronized (this) {
            settled = true;
            notifyAll();
        }
    }

    /** Waits until the run has settled. */
    public void await() throws InterruptedException {
        synchronized (this) {
            while (!settled) {
                wait();
            }
        }
    }

    /**
     * Waits for ever, as the run's threads do on a hang: a checker that reports threads that can
     * never run again (Lincheck's hang, JPF's deadlock) then sees every thread stuck.  Call only
     * once settled.
     */
    public void blockForever() throws InterruptedException {
        synchronized (this) {
            while (settled) {
                wait();
            }
        }
    }

    /**
     * The harness's main thread: waits until the run settled.  On a hang the sink gets the
     * run's record; then, unless stopOnHang, the main thread waits for ever like the others, so
     * a checker that reports threads that can never run again (Lincheck's hang, JPF's deadlock)
     * sees every thread stuck.
     *
     * @param run the run, which is also the monitor its steps hold
     * @return true when the run ended (every task done, or one failed), false on a hang
     */
    public <R> boolean awaitEnd(Run<R> run, boolean stopOnHang, RunSink<R> sink) throws InterruptedException {
        await();
        synchronized (run) {
            if (run.ended()) {
                return true;
            }
            R record = sink == null ? null : run.record();
            if (record != null) {
                sink.ended(RunSink.HUNG, record);
            }
            if (stopOnHang) {
                return false;
            }
        }
        blockForever();
        return false;
    }

    /** What {@link #awaitEnd} asks a settled run, holding the run's monitor. */
    public interface Run<R> {
        /** Every task is done or one failed (else the run hung). */
        boolean ended();

        /** A copy of what the run recorded, or null when it records nothing. */
        R record();
    }
}
