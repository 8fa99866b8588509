package reservecheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import reservecheck.cli.trace.TraceCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code reservecheck}: lists the catalog's variants, checks them with TLC against their expected
 * verdicts, or checks one TLA+ model. Every problem is one line on stderr starting with
 * {@code reservecheck: }, with an exit code from {@link ExitCodes}; never a stack trace, since the
 * people reading it want the problem, not the program's insides.
 */
@Command(name = "reservecheck", mixinStandardHelpOptions = true, version = "reservecheck 0.1.0",
        description = "Model-checks the catalog's memory-reserve protocols against their expected verdicts.",
        subcommands = {ListCommand.class, CheckCommand.class, MergeCommand.class, TlcCommand.class, TraceCommand.class, BenchCommand.class,
                JpfCommand.class, KnockoutCommand.class, DiffCommand.class, FrontierCommand.class, PoliciesCommand.class,
                HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every verdict matches the catalog",
            "  1  at least one verdict (or recorded state count) mismatches",
            "  2  usage error",
            "  3  unknown protocol or variant",
            "  4  malformed catalog (the message names the file and line)",
            "  5  impossible bounds: a bad --set value, or an ASSUME of the spec is false",
            "  6  spec or cfg missing, or TLC found a parse, semantic or config error",
            "  7  a checker crashed (inconclusive:crash)",
            "  8  inconclusive (timeout, out of memory) and nothing mismatched",
            "  9  malformed trace file (trace commands; the message names the JSON path)",
            "  10 jpf: no jpf-core build (JPF_HOME); the message says how to get one",
            "  diff: 0 no cell flips, 1 a cell flips, 8 only cells without a verdict on one side differ",
            "  trace replay: 1 when the trace's violation does not reproduce",
            "  tlc only: 11 deadlock, 12 invariant, 13 liveness, 14 assert failed"})
public final class Main implements Callable<Integer> {

    /** Set by the launcher when stderr is a terminal ("true") or not ("false"). */
    public static final String TTY_PROPERTY = "reservecheck.stderr.tty";

    final CliContext context;

    Main(CliContext context) {
        this.context = context;
    }

    /** Where this run's commands read and write; subcommands in other packages reach it here. */
    public CliContext context() {
        return context;
    }

    @Override
    public Integer call() {
        throw new CliException(ExitCodes.USAGE, "missing a command: list, check, tlc or trace (see 'reservecheck --help')");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CliContext ctx = new CliContext(null, out, err, stderrIsTerminal(), JobRunner.tlc(), Path.of(""));
        ChildProcesses.endWithThisProcess();
        int code = execute(args, ctx);
        ChildProcesses.exitingNormally();
        System.exit(code);
    }

    /** Runs the CLI in this JVM and returns its exit code; tests call this with their own context. */
    public static int execute(String[] args, CliContext ctx) {
        try {
            CommandLine cmd = new CommandLine(new Main(ctx), new Factory(ctx));
            cmd.setOut(ctx.out());
            cmd.setErr(ctx.err());
            cmd.setParameterExceptionHandler(Main::usageError);
            cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ctx, ex));
            return cmd.execute(args);
        } catch (Throwable t) {
            return failure(ctx, t);
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        StringBuilder msg = new StringBuilder(oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            msg.append(" (did you mean ").append(String.join(" or ", u.getSuggestions())).append("?)");
        }
        msg.append(" (see '").append(cl.getCommandSpec().qualifiedName()).append(" --help')");
        cl.getErr().println("reservecheck: " + msg);
        cl.getErr().flush();
        return ExitCodes.USAGE;
    }

    private static int failure(CliContext ctx, Throwable t) {
        if (t instanceof CliException ce) {
            ctx.err().println("reservecheck: " + oneLine(ce.getMessage()));
            ctx.err().flush();
            return ce.exitCode();
        }
        // not a bad input but a fault of ours or of the machine: still one line
        ctx.err().println("reservecheck: internal error: " + t.getClass().getSimpleName() + ": "
                + oneLine(t.getMessage()));
        ctx.err().flush();
        return ExitCodes.CRASH;
    }

    static String oneLine(String s) {
        if (s == null || s.isBlank()) {
            return "(no detail)";
        }
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Whether stderr is a terminal: the launcher knows ([ -t 2 ]); else ask Linux where fd 2 goes. */
    static boolean stderrIsTerminal() {
        String prop = System.getProperty(TTY_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Boolean.parseBoolean(prop.trim());
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Makes the subcommands, which take no constructor arguments; Main itself gets the context. */
    private static final class Factory implements CommandLine.IFactory {
        private final CliContext ctx;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == Main.class) {
                return cls.cast(new Main(ctx));
            }
            return fallback.create(cls);
        }
    }
}
