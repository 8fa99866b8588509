package reservecheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.Variant;
import reservecheck.jpf.JpfFiles;
import reservecheck.jpf.JpfRunner;
import reservecheck.jpf.JpfTraces;
import reservecheck.results.Outcome;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.traces.CatalogTraces;

/**
 * {@code reservecheck jpf} (make jpf): Java PathFinder on every variant that expects it — the
 * reference model's walk ({@code jpf_model}, JPF exploring every walk) and the implementation's
 * harness with real threads ({@code jpf}).  The .jpf files are generated from the catalog; JPF
 * exits 0 whatever it finds, so its report is read.  JPF is in no package registry: without a
 * build, the command says how to make one and exits {@link ExitCodes#TOOL_MISSING}.  A harness
 * found failing is run once more with its event log recorded, for its ITF trace in
 * results/traces/jpf/ ({@link JpfTraces}).
 */
@Command(name = "jpf", mixinStandardHelpOptions = true,
        description = "Runs Java PathFinder on the model walks and implementation harnesses the catalog expects it on.")
final class JpfCommand implements Callable<Integer> {
    static final String MODEL = "jpf_model";
    static final String IMPL = "jpf";

    @ParentCommand
    Main main;

    @Option(names = "--protocol", paramLabel = "P", description = "only this protocol's variants")
    String protocol;

    @Option(names = "--variant", paramLabel = "V", description = "only these variants (repeatable)")
    List<String> variantNames = new ArrayList<>();

    @Option(names = "--checker", paramLabel = "C", description = "jpf_model (the model walk) or jpf (the harness); default both")
    List<String> checkers = new ArrayList<>();

    @Option(names = "--jpf-home", paramLabel = "DIR", description = "a jpf-core build (default: $JPF_HOME)")
    Path jpfHome;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "1800", description = "seconds per run (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        reservecheck.results.Run stamp = Commands.run(null);
        CliContext ctx = main.context;
        Path root = ctx.root();
        Catalog catalog = Commands.loadCatalog(root);
        List<String> which = checkers.isEmpty() ? List.of(MODEL, IMPL) : checkers;
        for (String c : which) {
            if (!c.equals(MODEL) && !c.equals(IMPL)) {
                throw new CliException(ExitCodes.UNKNOWN_NAME, "unknown checker " + c + " (jpf_model or jpf)");
            }
        }
        if (protocol != null && catalog.protocol(protocol).isEmpty()) {
            throw new CliException(ExitCodes.UNKNOWN_NAME, "unknown protocol " + protocol + " (see 'reservecheck list')");
        }
        List<Variant> variants = new ArrayList<>();
        for (Variant v : catalog.variants()) {
            boolean named = variantNames.isEmpty() || variantNames.contains(v.name());
            boolean inProtocol = protocol == null || protocol.equals(v.protocol());
            if (named && inProtocol) {
                variants.add(v);
            }
        }
        for (String n : variantNames) {
            if (catalog.variant(n).isEmpty()) {
                throw new CliException(ExitCodes.UNKNOWN_NAME, "unknown variant " + n + " (see 'reservecheck list')");
            }
        }
        Commands.checkTimeout(timeoutSeconds);
        Path home = jpfHome != null ? ctx.resolve(jpfHome)
                : System.getenv("JPF_HOME") == null || System.getenv("JPF_HOME").isBlank() ? null
                : Path.of(System.getenv("JPF_HOME"));
        if (JpfRunner.runJpfJar(home) == null) {
            throw new CliException(ExitCodes.TOOL_MISSING, (home == null ? "JPF_HOME is not set"
                    : "JPF_HOME=" + home + " holds no build/RunJPF.jar")
                    + ": Java PathFinder is in no package registry; clone https://github.com/javapathfinder/jpf-core, "
                    + "check out its java-17 branch and build it (README.md, section Java PathFinder, says how without Gradle), then run: JPF_HOME=/path/to/jpf-core make jpf");
        }
        Path classes = root.resolve("java-models/target/classes");
        if (!Files.isDirectory(classes)) {
            throw new CliException(ExitCodes.USAGE, "java-models is not built: run make build first");
        }
        Path work = root.resolve("target/reservecheck-jpf");
        Path resultsDir = root.resolve(ResultsFile.DEFAULT).getParent();
        List<ResultRecord> records = new ArrayList<>();
        TextTable table = new TextTable("protocol", "variant", "kind", "checker", "expected", "actual", "match",
                "jpf states", "seconds");
        for (Variant catalogVariant : variants) {
            for (String checker : which) {
                if (catalogVariant.expectedVerdict(checker).isEmpty()) {
                    continue;
                }
                Variant v = catalogVariant.forChecker(checker);
                Path file = work.resolve(checker).resolve(v.name() + ".jpf");
                Files.createDirectories(file.getParent());
                Files.writeString(file, checker.equals(MODEL) ? JpfFiles.modelWalk(v, classes) : JpfFiles.harness(v, classes));
                ctx.err().println("jpf: " + checker + " " + v.name() + " ...");
                ctx.err().flush();
                JpfRunner.Run run = JpfRunner.run(home, file, Duration.ofSeconds(timeoutSeconds));
                String message = run.output().message();
                String trace = Commands.display(root, run.log());
                if (checker.equals(IMPL) && CatalogTraces.isViolation(run.output().verdict())) {
                    // the implementation's failing schedule as an ITF trace (docs/TRACES.md)
                    ctx.err().println("jpf: " + checker + " " + v.name() + " again, recording the failing schedule ...");
                    ctx.err().flush();
                    JpfTraces.Recorded rec = JpfTraces.record(home, v, classes,
                            work.resolve(checker).resolve(v.name() + ".record.jpf"), resultsDir,
                            run.output().verdict(), Duration.ofSeconds(timeoutSeconds));
                    if (rec.trace() != null) {
                        trace = Commands.display(root, rec.trace());
                    }
                    if (rec.problem() != null) {
                        message += "; " + rec.problem();
                        ctx.err().println("jpf: " + v.name() + ": " + rec.problem());
                    }
                }
                ResultRecord r = ResultRecord.compare(v, checker, run.output().verdict(), run.output().distinctStates(),
                        -1, run.seconds(), message, trace);
                records.add(r.withRun(stamp));
                table.add(v.protocol(), v.name(), v.kind().label(), checker, r.expected(), r.actual(),
                        r.outcome() == Outcome.MATCH ? "yes" : r.outcome() == Outcome.MISMATCH ? "NO" : "?",
                        String.valueOf(run.output().distinctStates()), String.format(Locale.ROOT, "%.1f", run.seconds()));
            }
        }
        if (records.isEmpty()) {
            throw new CliException(ExitCodes.UNKNOWN_NAME, "no chosen variant expects a jpf_model or jpf verdict");
        }
        Path resultsFile = root.resolve(ResultsFile.DEFAULT);
        try {
            new ResultsFile(resultsFile).mergeWithJUnit(records);
        } catch (IOException e) {
            ctx.err().println("reservecheck: cannot write the results: " + Main.oneLine(e.getMessage()));
        }
        ctx.out().print(table);
        long match = records.stream().filter(r -> r.outcome() == Outcome.MATCH).count();
        ctx.out().println();
        ctx.out().println(records.size() + " JPF runs: " + match + " match, " + (records.size() - match) + " do not");
        ctx.out().flush();
        return ExitCodes.afterRunning(records);
    }
}
