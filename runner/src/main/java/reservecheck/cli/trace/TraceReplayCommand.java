package reservecheck.cli.trace;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import reservecheck.cli.ExitCodes;
import reservecheck.traces.ImplementationTraces;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceReplay;

/**
 * {@code reservecheck trace replay FILE}: the trace on the reference model of its protocol,
 * built from the parameters in its {@code #meta}; see {@link TraceReplay} for what must hold.  A
 * Lincheck or JPF trace also replays on the implementation, its steps forced into the trace's
 * order ({@link ImplementationTraces#replayOnImplementation}); both must reproduce for exit 0.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays FILE on its protocol's reference model (and a lincheck or jpf trace on the"
                + " implementation, in the trace's step order): exit 0 if its violation reproduces, 1 if not,"
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
        boolean reproduced = r.reproduced();
        if (ImplementationTraces.fromImplementation(t)) {
            // a trace from the implementation's event log replays there too, on its own schedule
            TraceReplay.Result impl = ImplementationTraces.replayOnImplementation(t);
            parent.context().out().println(file + ": " + impl.message());
            reproduced &= impl.reproduced();
        }
        return reproduced ? ExitCodes.OK : ExitCodes.MISMATCH;
    }
}
