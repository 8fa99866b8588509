package reservecheck.cli.trace;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceMeta;

/** {@code reservecheck trace validate FILE}: schema and consistency checks only, no model. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks that FILE is a well-formed reservecheck ITF trace (exit 0, else 9 with the JSON path of"
                + " the problem).")
final class TraceValidateCommand implements Callable<Integer> {

    @ParentCommand
    TraceCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "the trace (.itf.json)")
    String file;

    @Override
    public Integer call() {
        ItfTrace t = parent.load(file);
        int steps = t.states().size() - 1;
        parent.context().out().println(file + ": well-formed: " + TraceMeta.string(t, TraceMeta.CHECKER) + " trace of "
                + TraceMeta.string(t, TraceMeta.VARIANT) + " (" + TraceMeta.string(t, TraceMeta.PROTOCOL) + "), "
                + TraceMeta.string(t, TraceMeta.VIOLATION) + ", " + steps + (steps == 1 ? " step" : " steps")
                + (t.loop() == null ? "" : ", loops back to state " + t.loop()));
        return 0;
    }
}
