package reservecheck.cli.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import reservecheck.cli.CliException;
import reservecheck.cli.ExitCodes;
import reservecheck.traces.html.TraceHtml;

/**
 * {@code reservecheck trace html FILE [-o OUT.html]}: one self-contained page to step through
 * the trace (no network): the action and the state diff at each step, a lane per task, a plot
 * of the resources.  Without -o the page goes beside the trace, as {@code <name>.html}.
 */
@Command(name = "html", mixinStandardHelpOptions = true,
        description = "Writes a self-contained HTML page to step through FILE (default: beside it, as .html).")
final class TraceHtmlCommand implements Callable<Integer> {

    @ParentCommand
    TraceCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "the trace (.itf.json)")
    String file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.html", description = "where to write the page")
    Path output;

    @Override
    public Integer call() {
        Path itf = parent.context().resolve(Path.of(file));
        Path out = output != null ? parent.context().resolve(output) : TraceHtml.pageFor(itf);
        try {
            TraceHtml.write(parent.load(file), out);
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, "cannot write " + out + ": " + e.getMessage());
        }
        parent.context().out().println(out);
        parent.context().out().flush();
        return 0;
    }
}
