package reservecheck.cli.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import reservecheck.traces.TraceRenderer;

/** {@code reservecheck trace show FILE}: the trace for people, step by step, a lane per task. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints FILE step by step: action and task, changed variables, one lane per task; the loop of"
                + " a lasso and stuttering are marked.")
final class TraceShowCommand implements Callable<Integer> {

    /** Set by a launcher that knows whether stdout is a terminal ("true") or not ("false"). */
    static final String TTY_PROPERTY = "reservecheck.stdout.tty";

    enum Color { auto, always, never }

    @ParentCommand
    TraceCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "the trace (.itf.json)")
    String file;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "highlight changes with ANSI colour: auto (when stdout is a terminal), always, never")
    Color color;

    @Override
    public Integer call() {
        boolean ansi = color == Color.always || (color == Color.auto && stdoutIsTerminal());
        parent.context().out().print(TraceRenderer.render(parent.load(file), ansi));
        parent.context().out().flush();
        return 0;
    }

    /** Escape codes only for a terminal: in a pipe or a file they are noise. */
    static boolean stdoutIsTerminal() {
        String prop = System.getProperty(TTY_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Boolean.parseBoolean(prop.trim());
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
