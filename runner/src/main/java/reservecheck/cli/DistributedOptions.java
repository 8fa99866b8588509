package reservecheck.cli;

import picocli.CommandLine.Option;
import reservecheck.tlc.DistributedTlc;

import java.io.PrintWriter;

/**
 * {@code check --tlc-distributed HOST:PORT} and {@code tlc --distributed HOST:PORT} (each command takes
 * both spellings): TLC's distributed server on this machine, its registry on PORT, and how many
 * workers a loopback run starts itself.  See {@link DistributedTlc} for what that TLC cannot check.
 */
final class DistributedOptions {

    @Option(names = {"--tlc-distributed", "--distributed"}, paramLabel = "HOST:PORT",
            description = "run TLC on its distributed server at this port, one model at a time; on localhost it starts "
                    + "its workers itself, for another host it prints the command that starts one there "
                    + "(no temporal properties: a pass that leaves one unchecked is inconclusive)")
    String hostPort;

    @Option(names = {"--tlc-distributed-workers", "--distributed-workers"}, paramLabel = "N", defaultValue = "2",
            description = "with a distributed server on localhost: the workers to start (default: ${DEFAULT-VALUE})")
    int workers;

    /**
     * The TLC runner (null: a local run), refused (exit 2) when malformed, before any checker runs.
     * For another host the server waits for workers started there: the line to run on each goes to
     * stderr first.
     */
    JobRunner runner(String option, PrintWriter err) {
        if (hostPort == null) {
            return null;
        }
        DistributedTlc d;
        try {
            d = DistributedTlc.parse(hostPort, workers);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, option + ": " + e.getMessage());
        }
        if (d.loopback()) {
            err.println("distributed TLC: the server on port " + d.port() + " with " + d.localWorkers()
                    + " workers on this machine; temporal properties are not checked distributed");
        } else {
            err.println("distributed TLC: the server listens on " + d.host() + ":" + d.port()
                    + "; on each worker host run: " + d.remoteWorkerCommandLine());
        }
        err.flush();
        return JobRunner.distributed(d);
    }
}
