package reservecheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import reservecheck.tlc.TlcJob;
import reservecheck.tlc.TlcResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code reservecheck tlc SPEC.tla}: checks any TLA+ model, outside the catalog. With no
 * expectation to compare with, the exit code is the verdict itself (see {@link ExitCodes}).
 */
@Command(name = "tlc", mixinStandardHelpOptions = true,
        description = "Checks one TLA+ model with TLC and reports its verdict.")
final class TlcCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC.tla", description = "the TLA+ module")
    Path specFile;

    @Option(names = "--config", paramLabel = "CFG", description = "the TLC configuration (default: SPEC.cfg beside it)")
    Path config;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "" + CheckCommand.DEFAULT_TIMEOUT_SECONDS,
            description = "seconds before the run is inconclusive (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--no-deadlock", description = "do not report states without a successor")
    boolean noDeadlock;

    @Mixin
    DistributedOptions distributedOptions;

    @Option(names = "--work", paramLabel = "DIR",
            description = "work folder, kept (default: a temporary folder, removed afterwards)")
    Path work;

    @Option(names = "--keep-work", description = "keep the temporary work folder")
    boolean keepWork;

    @Override
    public Integer call() {
        Commands.checkTimeout(timeoutSeconds);
        CliContext ctx = main.context;
        Path tla = ctx.resolve(specFile);
        String fileName = tla.getFileName() == null ? tla.toString() : tla.getFileName().toString();
        if (!fileName.endsWith(".tla")) {
            throw new CliException(ExitCodes.MODEL_ERROR, specFile + ": not a TLA+ module (a .tla file)");
        }
        if (!Files.isRegularFile(tla)) {
            throw new CliException(ExitCodes.MODEL_ERROR, "spec " + specFile + " does not exist");
        }
        Path cfg = config != null ? ctx.resolve(config)
                : tla.resolveSibling(fileName.substring(0, fileName.length() - ".tla".length()) + ".cfg");
        if (!Files.isRegularFile(cfg)) {
            throw new CliException(ExitCodes.MODEL_ERROR, "config " + (config != null ? config : cfg)
                    + " does not exist" + (config == null ? " (give one with --config)" : ""));
        }

        JobRunner distributed = distributedOptions.runner("--distributed", ctx.err());
        Path dir;
        boolean temporary = work == null;
        try {
            dir = temporary ? Files.createTempDirectory("reservecheck-tlc-") : WorkDirs.fresh(ctx.resolve(work));
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, "cannot make a work folder: " + Main.oneLine(e.getMessage()));
        }
        TlcResult r;
        try (ProgressReporter progress = new ProgressReporter(ctx.err(), ctx.errIsTerminal(), 1, false)) {
            progress.started(fileName, null);
            TlcJob job = new TlcJob(tla, cfg, dir, Duration.ofSeconds(timeoutSeconds), 1, !noDeadlock, null,
                    progress.listener(fileName));
            try {
                r = (distributed != null ? distributed : ctx.runner()).run(job);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.CRASH, fileName + ": inconclusive:crash: interrupted");
            } catch (IOException e) {
                throw new CliException(ExitCodes.CRASH, fileName + ": inconclusive:crash: cannot run TLC: "
                        + Main.oneLine(e.getMessage()));
            } catch (RuntimeException | Error e) {
                throw new CliException(ExitCodes.CRASH, fileName + ": inconclusive:crash: the TLC runner failed: "
                        + e.getClass().getSimpleName() + ": " + Main.oneLine(e.getMessage()));
            }
            progress.finished(fileName, String.valueOf(r == null ? null : r.verdict()));
        } finally {
            if (temporary && !keepWork) {
                WorkDirs.deleteQuietly(dir);
            }
        }
        if (r == null) {
            throw new CliException(ExitCodes.CRASH, fileName + ": inconclusive:crash: the TLC runner returned no result");
        }

        int code = ExitCodes.forTlcVerdict(r.verdict());
        String stats = stats(r);
        if (code >= ExitCodes.BAD_PARAMETER && code <= ExitCodes.INCONCLUSIVE) {
            throw new CliException(code, fileName + ": " + r.verdict()
                    + (r.message() == null ? "" : ": " + Main.oneLine(r.message()))
                    + (stats.isEmpty() ? "" : " (" + stats + ")"));
        }
        ctx.out().println(fileName + ": " + r.verdict()
                + (r.message() == null || code == ExitCodes.OK ? "" : ": " + Main.oneLine(r.message()))
                + (stats.isEmpty() ? "" : " | " + stats));
        if (r.trace() != null && !r.trace().isEmpty()) {
            ctx.out().println();
            ctx.out().print(TraceText.steps(r.trace()));
        }
        if ((keepWork || !temporary) && Files.isDirectory(dir)) {
            ctx.err().println("work folder: " + dir);
        }
        return code;
    }

    private static String stats(TlcResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.distinctStates() >= 0) {
            sb.append(r.distinctStates()).append(" distinct states");
        }
        if (r.statesGenerated() >= 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.statesGenerated()).append(" generated");
        }
        if (r.depth() >= 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append("depth ").append(r.depth());
        }
        sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f s", r.seconds()));
        return sb.toString();
    }
}
