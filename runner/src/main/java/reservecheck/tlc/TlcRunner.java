package reservecheck.tlc;

import java.io.IOException;

/** Runs one TLC job in a forked JVM and reads its -tool output into a {@link TlcResult}. */
public final class TlcRunner {

    public TlcResult run(TlcJob job) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("to be written");
    }
}
