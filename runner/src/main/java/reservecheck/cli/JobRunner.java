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
}
