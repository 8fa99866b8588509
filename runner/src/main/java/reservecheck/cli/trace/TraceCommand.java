package reservecheck.cli.trace;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import reservecheck.cli.CliContext;
import reservecheck.cli.CliException;
import reservecheck.cli.ExitCodes;
import reservecheck.cli.Main;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.MalformedTraceException;

/**
 * {@code reservecheck trace}: the commands on ITF trace files (docs/TRACES.md).  A file that is
 * not a well-formed trace is exit code {@link ExitCodes#MALFORMED_TRACE} with one line naming
 * the JSON path of the problem.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Shows, validates or replays an ITF trace, writes its HTML page, or turns it into a JUnit test.",
        subcommands = {TraceShowCommand.class, TraceHtmlCommand.class, TraceValidateCommand.class,
            TraceReplayCommand.class, TraceJunitCommand.class})
public final class TraceCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        throw new CliException(ExitCodes.USAGE,
                "missing a trace command: show, html, validate, replay or junit (see 'reservecheck trace --help')");
    }

    CliContext context() {
        return main.context();
    }

    /** The trace in a file named on the command line; messages name it as it was typed. */
    ItfTrace load(String file) {
        Path p = context().resolve(Path.of(file));
        if (Files.isDirectory(p)) {
            // It exists, so "no such file" would mislead: a folder is no trace (exit 9, like any other).
            throw new CliException(ExitCodes.MALFORMED_TRACE, file + ": a directory, not a trace file");
        }
        if (!Files.isRegularFile(p)) {
            throw new CliException(ExitCodes.USAGE, file + ": no such file");
        }
        try {
            return ItfJson.read(p, file);
        } catch (MalformedTraceException e) {
            throw new CliException(ExitCodes.MALFORMED_TRACE, e.getMessage());
        } catch (CharacterCodingException e) {
            // A binary file was read, not an unreadable one: malformed like any other non-JSON.
            throw new CliException(ExitCodes.MALFORMED_TRACE, file + ": $: not UTF-8 text (a binary file?)");
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, file + ": cannot be read: " + e.getMessage());
        }
    }
}
