package reservecheck.cli.trace;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import reservecheck.cli.CliException;
import reservecheck.cli.Commands;
import reservecheck.cli.ExitCodes;
import reservecheck.traces.CatalogReplay;
import reservecheck.traces.ImplementationTraces;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceReplay;

/**
 * {@code reservecheck trace replay FILE}: the trace on the reference model of the catalog variant
 * it names, at the variant's parameters with the overrides the trace records
 * ({@link CatalogReplay}); see {@link TraceReplay} for what must hold.  A variant the catalog does
 * not have is exit 3; a trace that is not a behaviour of that model (first state, a step, its
 * protocol, variables or parameters) is exit 9 with the first thing that does not fit.  A
 * Lincheck or JPF trace also replays on the implementation, its steps forced into the trace's
 * order ({@link ImplementationTraces#replayOnImplementation}); both must reproduce for exit 0.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays FILE on the reference model of the catalog variant it names, at the variant's"
                + " parameters and the overrides the trace records (and a lincheck or jpf trace on the"
                + " implementation, in the trace's step order): exit 0 if its violation reproduces, 1 if not,"
                + " 3 if the variant is unknown, 9 if the file is malformed or not a behaviour of that model.")
final class TraceReplayCommand implements Callable<Integer> {

    @ParentCommand
    TraceCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "the trace (.itf.json)")
    String file;

    @Override
    public Integer call() {
        ItfTrace t = parent.load(file);
        // the variant the trace names, from the catalog: its #meta alone could claim anything
        CatalogReplay.Outcome r = CatalogReplay.replay(t, Commands.loadCatalog(parent.context().root()));
        switch (r.status()) {
            case UNKNOWN_VARIANT -> throw new CliException(ExitCodes.UNKNOWN_NAME, file + ": " + r.message());
            case DOES_NOT_FIT -> throw new CliException(ExitCodes.MALFORMED_TRACE, file + ": " + r.message());
            default -> {
            }
        }
        parent.context().out().println(file + ": " + r.message());
        boolean reproduced = r.status() == CatalogReplay.Status.REPRODUCED;
        if (ImplementationTraces.fromImplementation(t)) {
            // a trace from the implementation's event log replays there too, on its own schedule
            TraceReplay.Result impl = ImplementationTraces.replayOnImplementation(t);
            parent.context().out().println(file + ": " + impl.message());
            reproduced &= impl.reproduced();
        }
        return reproduced ? ExitCodes.OK : ExitCodes.MISMATCH;
    }
}
