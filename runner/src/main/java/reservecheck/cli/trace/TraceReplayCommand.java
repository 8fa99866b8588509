package reservecheck.cli.trace;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import reservecheck.cli.ExitCodes;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceReplay;

/**
 * {@code reservecheck trace replay FILE}: the trace on the reference model of its protocol,
 * built from the parameters in its {@code #meta}; see {@link TraceReplay} for what must hold.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays FILE on its protocol's reference model: exit 0 if its violation reproduces, 1 if not,"
                + " 9 if the file is malformed.")
final class TraceReplayCommand implements Callable<Integer> {

    @ParentCommand
    TraceCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "the trace (.itf.json)")
    String file;

    @Override
    public Integer call() {
        ItfTrace t = parent.load(file);
        TraceReplay.Result r = TraceReplay.replay(t);
        parent.context().out().println(file + ": " + r.message());
        return r.reproduced() ? ExitCodes.OK : ExitCodes.MISMATCH;
    }
}
