package reservecheck.cli;

import reservecheck.tlc.TlcJob;
import reservecheck.tlc.TlcResult;
import reservecheck.tlc.TlcRunner;

import java.io.IOException;

/** Runs one TLC job. The CLI takes it as a parameter so that tests can run it without a TLC JVM. */
@FunctionalInterface
public interface JobRunner {

    TlcResult run(TlcJob job) throws IOException, InterruptedException;

    /** The real one: a fresh {@link TlcRunner} per job, as jobs run on several threads. */
    static JobRunner tlc() {
        return job -> new TlcRunner().run(job);
    }

    /**
     * TLC's distributed server and its workers: one model at a time, since every run's server listens
     * on the one port the workers know.
     */
    static JobRunner distributed(reservecheck.tlc.DistributedTlc d) {
        Object oneAtATime = new Object();
        return job -> {
            synchronized (oneAtATime) {
                return new TlcRunner(d).run(job);
            }
        };
    }
}
