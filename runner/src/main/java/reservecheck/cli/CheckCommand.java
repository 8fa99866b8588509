package reservecheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import reservecheck.catalog.BadParameterException;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CfgWriter;
import reservecheck.catalog.Overrides;
import reservecheck.catalog.Protocol;
import reservecheck.catalog.SpecMissingException;
import reservecheck.catalog.Variant;
import reservecheck.results.JUnitXmlWriter;
import reservecheck.results.Outcome;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.results.Run;
import reservecheck.results.Verdicts;
import reservecheck.traces.html.ReportWriter;
import reservecheck.conformance.Conformance;
import reservecheck.explorer.Explorer;
import reservecheck.explorer.ExplorerOptions;
import reservecheck.explorer.ExplorerResult;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;
import reservecheck.tlc.TlcJob;
import reservecheck.tlc.TlcResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code reservecheck check}: checks the chosen variants with each chosen checker — TLC on the
 * spec, the explorer on the reference model, and spec/model conformance — in parallel, and
 * compares each verdict and state count with the catalog.  The jqwik, Lincheck and JPF
 * checkers run as tests ({@code make test}, {@code make jpf}) and add their records to the
 * same results file.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks variants with TLC, the explorer and conformance against the catalog's expected verdicts.")
final class CheckCommand implements Callable<Integer> {

    static final String CHECKER = "tlc";
    static final String EXPLORER = "explorer";
    static final String CONFORMANCE = "conformance";
    /** The checkers this command runs, in the order of the table. */
    static final List<String> CHECKERS = List.of(CHECKER, EXPLORER, CONFORMANCE);
    static final long DEFAULT_TIMEOUT_SECONDS = 900;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--protocol", paramLabel = "P", description = "only this protocol's variants")
    String protocol;

    @Option(names = "--variant", paramLabel = "V", description = "only these variants (repeatable)")
    List<String> variantNames = new ArrayList<>();

    @Option(names = "--checker", paramLabel = "C",
            description = "only these checkers (repeatable): tlc, explorer, conformance (default: all three)")
    List<String> checkerNames = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "override a parameter (repeatable); state counts are then not compared; "
                    + "'reservecheck list --parameters' lists every parameter with its type, range and doc")
    List<String> settings = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "" + DEFAULT_TIMEOUT_SECONDS,
            description = "seconds per model before it is inconclusive (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--workers", paramLabel = "N",
            description = "models checked at the same time (default: the number of processors)")
    Integer workers;

    @Option(names = "--explorer-threads", paramLabel = "N", defaultValue = "1",
            description = "threads of one explorer search (default: ${DEFAULT-VALUE}; the same verdict, counts "
                    + "and counterexample for any number)")
    int explorerThreads;

    @Option(names = "--symmetry",
            description = "explorer only: tasks of one kind interchangeable (symmetry reduction), for safety only: "
                    + "the entry's temporal properties are left out, since symmetry is unsound for liveness")
    boolean symmetry;

    @Option(names = "--results", paramLabel = "FILE", description = "results file (default: results/results.json)")
    Path results;

    @Option(names = "--work", paramLabel = "DIR", description = "work folder (default: target/reservecheck-work)")
    Path work;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "only shard K of N: the jobs split by their catalog state counts (join the shards with merge)")
    String shard;

    @Option(names = "--per-property",
            description = "judge each invariant, temporal property and the deadlock check of an entry on its own "
                    + "(tlc and explorer: one model per property); one record per variant, checker and property")
    boolean perProperty;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "the id this run's records carry (default: $RESERVECHECK_RUN_ID, else its start time and process id); "
                    + "shards of one CI run pass the same, so the report shows them as one run")
    String runId;

    @Mixin
    DistributedOptions distributed;

    /** TLC's distributed server for the tlc jobs, or null for TLC on this machine. */
    private JobRunner distributedTlc;

    @Option(names = "--keep-work", description = "keep every job's work folder (kept anyway for a job that did not match)")
    boolean keepWork;

    /** One model to check; {@code cell} is the property it judges alone, or null for the whole entry. */
    private record Job(Variant variant, String checker, Protocol protocol, Path dir, Path cfg,
                       PropertyCells.Cell cell) {
    }

    @Override
    public Integer call() {
        // the run starts when it is asked for: its records' time says when their check began
        Run run = Commands.run(runId);
        Commands.checkTimeout(timeoutSeconds);
        if (workers != null && workers < 1) {
            throw new ParameterException(spec.commandLine(), "--workers must be at least 1");
        }
        if (explorerThreads < 1) {
            throw new ParameterException(spec.commandLine(), "--explorer-threads must be at least 1");
        }
        if (symmetry && !checkerNames.equals(List.of(EXPLORER))) {
            throw new ParameterException(spec.commandLine(), "--symmetry needs --checker explorer alone");
        }
        CliContext ctx = main.context;
        Path root = ctx.root();

        // Bad inputs in priority order: catalog (4), names (3), parameters (5), specs (6).
        Catalog catalog = Commands.loadCatalog(root);
        this.catalog = catalog;
        List<String> checkers = checkers();
        List<Variant> selected = select(catalog, checkers);
        selected = applyOverrides(selected);
        for (Variant v : selected) {
            try {
                catalog.requireSpec(catalog.protocolOf(v));
            } catch (SpecMissingException e) {
                throw new CliException(ExitCodes.MODEL_ERROR, e.getMessage());
            }
        }

        Path resultsFile = results != null ? ctx.resolve(results) : root.resolve(ResultsFile.DEFAULT);
        Path workBase = work != null ? ctx.resolve(work) : root.resolve("target/reservecheck-work");
        Path traceDir = resultsFile.getParent().resolve("traces");
        Commands.requireWritable(resultsFile);
        distributedTlc = distributed.runner("--tlc-distributed", ctx.err());

        // a bad --shard is refused before any work folder is taken
        BiPredicate<Variant, String> inShard = ShardPlan.selector(shard, selected, checkers);
        for (Variant v : selected) {
            List<String> w = OverrideCoverage.warnings(v, timeoutSeconds);
            if (!w.isEmpty()) {
                w.forEach(line -> ctx.err().println("reservecheck: warning: " + line));
                warnings.put(v.name(), w);
            }
        }
        try (WorkClaims claims = new WorkClaims()) {
            return run(ctx, root, catalog, checkers, selected, inShard, resultsFile, workBase, traceDir, claims, run);
        }
    }

    private int run(CliContext ctx, Path root, Catalog catalog, List<String> checkers, List<Variant> selected,
                    BiPredicate<Variant, String> inShard, Path resultsFile, Path workBase, Path traceDir, WorkClaims claims,
                    Run run) {
        List<Job> jobs = new ArrayList<>();
        for (Variant v : selected) {
            for (String checker : checkers) {
                if (v.expectedVerdict(checker).isEmpty() || !inShard.test(v, checker)) {
                    continue;
                }
                if (!perProperty) {
                    jobs.add(job(catalog, v, checker, claims, workBase.resolve(checker), v.name(), null));
                } else if (PropertyCells.CHECKERS.contains(checker)) {
                    for (PropertyCells.Cell c : PropertyCells.split(v)) {
                        jobs.add(job(catalog, c.variant(), checker, claims,
                                workBase.resolve(checker).resolve(v.name()), c.property(), c));
                    }
                }
            }
        }

        if (jobs.isEmpty() && perProperty) {
            throw new CliException(ExitCodes.UNKNOWN_NAME, "--per-property splits only "
                    + String.join(", ", PropertyCells.CHECKERS) + " (conformance compares whole graphs)");
        }
        int n = Math.max(1, Math.min(jobs.size(), workers != null ? workers : Runtime.getRuntime().availableProcessors()));
        ctx.err().println((shard == null ? "" : "shard " + shard.strip() + ": ") + "checking " + selected.size() + (selected.size() == 1 ? " variant" : " variants") + " with "
                + String.join(", ", checkers) + ": " + jobs.size() + " jobs, " + n + " at a time, timeout "
                + timeoutSeconds + " s");
        ctx.err().flush();

        List<ResultRecord> records = runAll(ctx, root, jobs, n, traceDir).stream().map(r -> r.withRun(run)).toList();

        for (int i = 0; i < jobs.size(); i++) {
            claims.finished(jobs.get(i).dir());
            if (records.get(i).outcome() == Outcome.MATCH && !keepWork) {
                WorkDirs.deleteQuietly(jobs.get(i).dir());
            }
        }

        boolean written = true;
        try {
            new ResultsFile(resultsFile).mergeWithJUnit(records);
        } catch (IOException | RuntimeException e) {
            written = false;
            ctx.err().println("reservecheck: cannot write the results to " + resultsFile + ": "
                    + Main.oneLine(e.getMessage()));
        }

        printTable(ctx, root, jobs, records);
        if (written) {
            try {
                // the run's page: the verdict table linking a viewer page per counterexample
                ReportWriter.Summary report = ReportWriter.writeFor(resultsFile);
                ctx.err().println("report: " + Commands.display(root, report.index()));
            } catch (IOException | RuntimeException e) {
                ctx.err().println("reservecheck: cannot write the HTML report: " + Main.oneLine(e.getMessage()));
            }
            ctx.err().println("results: " + Commands.display(root, resultsFile) + ", JUnit XML in "
                    + Commands.display(root, JUnitXmlWriter.junitDir(resultsFile)));
        }
        int code = ExitCodes.afterRunning(records);
        if (!written && code != ExitCodes.MISMATCH) {
            code = ExitCodes.CRASH;
        }
        return code;
    }

    private static Job job(Catalog catalog, Variant v, String checker, WorkClaims claims, Path parent, String name,
                           PropertyCells.Cell cell) {
        Path dir = parent.resolve(name);
        try {
            // another run of this variant at the same time gets a folder of its own
            dir = claims.claim(parent, name);
            Path cfg = dir.resolve(v.name() + ".cfg");
            CfgWriter.write(v, cfg);
            return new Job(v, checker, catalog.protocolOf(v), dir, cfg, cell);
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, "cannot prepare the work folder " + dir + ": "
                    + Main.oneLine(e.getMessage()));
        }
    }

    private List<String> checkers() {
        if (checkerNames.isEmpty()) {
            return CHECKERS;
        }
        List<String> out = new ArrayList<>();
        for (String c : checkerNames) {
            if (!CHECKERS.contains(c)) {
                throw new CliException(ExitCodes.UNKNOWN_NAME, "unknown checker " + c + " (check runs "
                        + String.join(", ", CHECKERS) + "; jqwik and Lincheck run in make test, JPF in make jpf)");
            }
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean expectsAny(Variant v, List<String> checkers) {
        return checkers.stream().anyMatch(c -> v.expectedVerdict(c).isPresent());
    }

    private List<Variant> select(Catalog catalog, List<String> checkers) {
        Protocol only = protocol == null ? null : Commands.protocol(catalog, protocol);
        Set<Variant> out = new LinkedHashSet<>();
        if (variantNames.isEmpty()) {
            List<Variant> all = only == null ? catalog.variants() : only.variants();
            for (Variant v : all) {
                if (expectsAny(v, checkers)) {
                    out.add(v);
                }
            }
            if (out.isEmpty()) {
                throw new CliException(ExitCodes.UNKNOWN_NAME, "no variant "
                        + (only == null ? "" : "of " + only.name() + " ") + "has an expected verdict for "
                        + String.join(", ", checkers));
            }
            return List.copyOf(out);
        }
        for (String name : variantNames) {
            Variant v = catalog.variant(name).orElseThrow(() -> new CliException(ExitCodes.UNKNOWN_NAME,
                    "unknown variant " + name + " (see 'reservecheck list')"));
            if (only != null && !v.protocol().equals(only.name())) {
                throw new CliException(ExitCodes.UNKNOWN_NAME, "variant " + name + " is not of protocol "
                        + only.name() + " but of " + v.protocol());
            }
            if (!expectsAny(v, checkers)) {
                throw new CliException(ExitCodes.UNKNOWN_NAME, "variant " + name + " has no expected verdict for "
                        + String.join(", ", checkers) + " in " + v.catalogFile());
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    private List<Variant> applyOverrides(List<Variant> variants) {
        if (settings.isEmpty()) {
            return variants;
        }
        try {
            Map<String, String> parsed = Overrides.parse(settings);
            List<Variant> out = new ArrayList<>();
            for (Variant v : variants) {
                Variant changed = v.withOverrides(parsed);
                requirePossibleBounds(changed);
                out.add(changed);
            }
            return out;
        } catch (BadParameterException e) {
            throw new CliException(ExitCodes.BAD_PARAMETER, e.getMessage());
        }
    }

    /**
     * Bounds each in range can still be impossible together (procs=0 with irqs=0: the spec's
     * ASSUME Tasks # {} fails). The reference model refuses them as the spec would; checked here,
     * before any job, they are exit 5 for every checker rather than a crash from the explorer and
     * a vacuous "tautology" from TLC.
     */
    private void requirePossibleBounds(Variant v) {
        if (!Models.protocols().contains(v.protocol())) {
            return;
        }
        Commands.modelOf(v, "--set " + String.join(" --set ", settings) + ": impossible bounds for " + v.name());
    }

    private List<ResultRecord> runAll(CliContext ctx, Path root, List<Job> jobs, int parallel, Path traceDir) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "reservecheck-job");
            t.setDaemon(true);
            return t;
        });
        try (ProgressReporter progress = new ProgressReporter(ctx.err(), ctx.errIsTerminal(), jobs.size(), true)) {
            List<Future<ResultRecord>> futures = new ArrayList<>();
            for (Job j : jobs) {
                futures.add(pool.submit(() -> runOne(ctx, root, j, progress, traceDir)));
            }
            List<ResultRecord> out = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    // runOne catches everything; this is only a guard
                    out.add(ResultRecord.compare(jobs.get(i).variant(), jobs.get(i).checker(), Verdicts.CRASH, -1, -1, 0,
                            "the job failed: " + Main.oneLine(String.valueOf(e.getCause())), null));
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.CRASH, "interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private ResultRecord runOne(CliContext ctx, Path root, Job j, ProgressReporter progress, Path traceDir) {
        Variant v = j.variant();
        String name = j.checker() + " " + v.name() + (j.cell() == null ? "" : " " + j.cell().property());
        // a cell's counterexample beside the entry's, in a folder of its property
        Path traces = j.cell() == null ? traceDir : traceDir.resolve("by-property").resolve(j.cell().property());
        progress.started(name, "(" + v.kind().label() + ", expected " + v.expectedVerdict(j.checker()).orElse("-")
                + (v.isOverridden() ? ", overridden" : "") + ")");
        ResultRecord rec = switch (j.checker()) {
            case EXPLORER -> runExplorer(root, j, traces.resolve(EXPLORER));
            case CONFORMANCE -> runConformance(j);
            default -> runTlc(ctx, root, j, progress, traces.resolve(CHECKER));
        };
        if (j.cell() != null) {
            rec = PropertyCells.judge(j.cell(), rec);
        }
        for (String w : warnings.getOrDefault(v.name(), List.of())) {
            rec = rec.withWarning(w);
        }
        progress.finished(name, rec.actual() + " (" + rec.outcome().label() + ")"
                + (rec.distinctStates() >= 0 ? ", " + rec.distinctStates() + " states" : "")
                + String.format(Locale.ROOT, ", %.1f s", rec.seconds()));
        return rec;
    }

    /** The loaded catalog, for the protocols' action lists. */
    private Catalog catalog;

    /** Per variant, the overrides whose affected actions are never taken at its bounds ({@link OverrideCoverage}). */
    private final Map<String, List<String>> warnings = new java.util.HashMap<>();

    /** The explorer on the reference model, with the variant's checks. */
    private ResultRecord runExplorer(Path root, Job j, Path traceDir) {
        Variant v = j.variant();
        try {
            Model<?> model = Models.create(v.protocol(), Map.copyOf(v.parameters()));
            return explore(root, v, model, traceDir);
        } catch (RuntimeException | Error e) {
            return ResultRecord.compare(v, EXPLORER, Verdicts.CRASH, -1, -1, 0,
                    "the explorer failed: " + e.getClass().getSimpleName() + ": " + Main.oneLine(e.getMessage()), null);
        }
    }

    private <S> ResultRecord explore(Path root, Variant v, Model<S> model, Path traceDir) {
        ExplorerOptions options = ExplorerChecks.options(v, timeoutSeconds, explorerThreads);
        if (symmetry) {
            options = options.withProperties(List.of()).withSymmetry(true);
        }
        ExplorerResult<S> r = Explorer.check(model, options);
        String tracePath = null;
        if (r.counterexample() != null) {
            Path f = traceDir.resolve(v.name() + ".txt");
            try {
                Files.createDirectories(f.getParent());
                Files.writeString(f, "reservecheck: " + v.name() + " (" + v.protocol() + "), explorer: " + r.verdict()
                        + "\n" + r.counterexample().render(model), StandardCharsets.UTF_8);
                tracePath = Commands.display(root, f);
            } catch (IOException e) {
                tracePath = null;
            }
            CheckTraces.writeExplorer(traceDir, v, model, r);
        }
        String message = symmetry ? r.message() + " (symmetry: safety only, temporal properties not checked)"
                : r.message();
        ResultRecord rec = ResultRecord.compare(v, EXPLORER, r.verdict(), r.distinctStates(), r.depth(), r.seconds(),
                message, tracePath).withCoverage(r.coverage());
        return withCoverageRule(v, rec, r.actionsTaken());
    }

    /**
     * No vacuous pass: a design's checked graph must take every action its protocol declares but
     * those the entry lists as uncovered.  At the catalog's bounds less is a mismatch; with
     * bounds changed by --set it is a warning in the message, since the new bounds are the
     * user's experiment (the pass then says nothing about the actions named).
     */
    private ResultRecord withCoverageRule(Variant v, ResultRecord rec, java.util.Set<String> taken) {
        if (catalog == null || v.kind() != reservecheck.catalog.Kind.DESIGN || !rec.match() && !v.isOverridden()) {
            return rec;
        }
        Protocol p = catalog.protocol(v.protocol()).orElse(null);
        if (p == null || Verdicts.isInconclusive(rec.actual())) {
            return rec;
        }
        List<String> missing = p.requiredActions(v).stream().filter(a -> !taken.contains(a)).toList();
        if (missing.isEmpty()) {
            return rec;
        }
        if (!v.isOverridden()) {
            return rec.withUncoveredActions(missing);
        }
        String warn = "warning: at these bounds the design never takes " + String.join(", ", missing)
                + ", so this result says nothing about them";
        return new ResultRecord(rec.protocol(), rec.variant(), rec.checker(), rec.expected(),
                rec.expectedDistinctStates(), rec.actual(), rec.match(), rec.distinctStates(), rec.depth(),
                rec.seconds(), rec.message() == null ? warn : warn + "; " + rec.message(), rec.trace(),
                rec.overrides(), rec.coverage());
    }

    /** Spec and model must have the same reachable state graph: "ok", else "divergence". */
    private ResultRecord runConformance(Job j) {
        Variant v = j.variant();
        try {
            Conformance.Result r = Conformance.check(v, j.protocol().specFile(), j.dir(),
                    Duration.ofSeconds(timeoutSeconds));
            return ResultRecord.compare(v, CONFORMANCE, r.conforms() ? Verdicts.OK : "divergence", r.modelStates(), -1,
                    r.seconds(), r.message(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResultRecord.compare(v, CONFORMANCE, Verdicts.CRASH, -1, -1, 0, "interrupted", null);
        } catch (Conformance.NoGraphException e) {
            return ResultRecord.compare(v, CONFORMANCE, e.verdict(), -1, -1, 0,
                    "conformance failed: " + Main.oneLine(e.getMessage()), null);
        } catch (IOException | RuntimeException e) {
            return ResultRecord.compare(v, CONFORMANCE, Verdicts.CRASH, -1, -1, 0,
                    "conformance failed: " + Main.oneLine(e.getMessage()), null);
        }
    }

    private ResultRecord runTlc(CliContext ctx, Path root, Job j, ProgressReporter progress, Path traceDir) {
        Variant v = j.variant();
        String name = j.checker() + " " + v.name() + (j.cell() == null ? "" : " " + j.cell().property());
        long start = System.nanoTime();
        TlcJob job = new TlcJob(j.protocol().specFile(), j.cfg(), j.dir(), Duration.ofSeconds(timeoutSeconds), 1,
                v.checks().deadlock(), null, progress.listener(name));
        TlcResult r;
        try {
            r = (distributedTlc != null ? distributedTlc : ctx.runner()).run(job);
            if (r == null) {
                r = crash("the TLC runner returned no result", start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = crash("interrupted", start);
        } catch (IOException e) {
            r = crash("cannot run TLC: " + Main.oneLine(e.getMessage()), start);
        } catch (RuntimeException | Error e) {
            r = crash("the TLC runner failed: " + e.getClass().getSimpleName() + ": " + Main.oneLine(e.getMessage()),
                    start);
        }
        String tracePath = null;
        if (r.trace() != null && !r.trace().isEmpty()) {
            Path f = traceDir.resolve(v.name() + ".txt");
            try {
                Files.createDirectories(f.getParent());
                Files.writeString(f, TraceText.format("reservecheck: " + v.name() + " (" + v.protocol() + "), TLC"
                        + (v.isOverridden() ? ", overrides " + v.overrides() : ""), r), StandardCharsets.UTF_8);
                tracePath = Commands.display(root, f);
            } catch (IOException e) {
                tracePath = null;
            }
            CheckTraces.writeTlc(traceDir, v, r);
        }
        return ResultRecord.compare(v, CHECKER, r.verdict(), r.distinctStates(), r.depth(), r.seconds(),
                r.message(), tracePath);
    }

    private static TlcResult crash(String message, long startNanos) {
        return new TlcResult(Verdicts.CRASH, message, -1, -1, -1, -1, (System.nanoTime() - startNanos) / 1e9,
                List.of(), null);
    }

    private void printTable(CliContext ctx, Path root, List<Job> jobs, List<ResultRecord> records) {
        TextTable t = new TextTable("protocol", "variant", "kind", "checker", "expected", "actual", "match",
                "distinct states", "depth", "seconds");
        Map<String, String> notes = new LinkedHashMap<>();
        int match = 0;
        int mismatch = 0;
        int inconclusive = 0;
        for (int i = 0; i < jobs.size(); i++) {
            Variant v = jobs.get(i).variant();
            ResultRecord r = records.get(i);
            String matchCell;
            switch (r.outcome()) {
                case MATCH -> {
                    match++;
                    matchCell = "yes";
                }
                case MISMATCH -> {
                    mismatch++;
                    matchCell = "NO";
                }
                default -> {
                    inconclusive++;
                    matchCell = "?";
                }
            }
            String states = r.distinctStates() < 0 ? "-" : String.valueOf(r.distinctStates());
            if (v.isOverridden()) {
                states += " (overridden)";
            } else if (r.distinctStates() >= 0 && r.expectedDistinctStates() != null
                    && r.expectedDistinctStates() != r.distinctStates()) {
                states += " (expected " + r.expectedDistinctStates() + ")";
            }
            String checker = r.property() == null ? r.checker() : r.checker() + " / " + r.property();
            t.add(r.protocol(), r.variant(), v.kind().label(), checker, r.expected() == null ? "-" : r.expected(), r.actual(), matchCell, states,
                    r.depth() < 0 ? "-" : String.valueOf(r.depth()),
                    String.format(Locale.ROOT, "%.1f", r.seconds()));
            if (r.outcome() != Outcome.MATCH) {
                StringBuilder note = new StringBuilder();
                note.append(r.message() == null ? r.actual() : Main.oneLine(r.message()));
                if (r.trace() != null) {
                    note.append("\n      trace: ").append(r.trace());
                }
                if (Files.isDirectory(jobs.get(i).dir())) {
                    note.append("\n      work folder: ").append(Commands.display(root, jobs.get(i).dir()));
                }
                notes.put(r.variant() + " (" + checker + ")", note.toString());
            }
        }
        ctx.out().print(t);
        if (!notes.isEmpty()) {
            ctx.out().println();
            notes.forEach((name, note) -> ctx.out().println("  " + name + ": " + note));
        }
        ctx.out().println();
        long variants = records.stream().map(ResultRecord::variant).distinct().count();
        ctx.out().println(variants + (variants == 1 ? " variant, " : " variants, ") + records.size()
                + (records.size() == 1 ? " check: " : " checks: ") + match + " match, "
                + mismatch + " mismatch, " + inconclusive + " inconclusive");
        ctx.out().flush();
    }
}
