package reservecheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import reservecheck.catalog.BadParameterException;
import reservecheck.catalog.ParamType;
import reservecheck.catalog.ParameterDecl;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CfgWriter;
import reservecheck.catalog.Variant;
import reservecheck.explorer.Explorer;
import reservecheck.explorer.ExplorerOptions;
import reservecheck.explorer.ExplorerResult;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;
import reservecheck.tlc.TlcJob;
import reservecheck.tlc.TlcResult;
import reservecheck.tlc.TlcRunner;

/**
 * {@code reservecheck bench}: speed, measured in one run so that ratios hold on a noisy
 * machine.  TLC and the explorer check the same catalog variant (its invariants and deadlock;
 * liveness is left out, as the two check it differently) and must find the same number of
 * distinct states; each is run several times and the median states/second is compared.  Then
 * the explorer alone at growing bounds, so the cost of each extra task or element shows.
 * TLC's time is the whole forked JVM, start-up included, as a user experiences it; its start-up
 * is also measured apart (TLC on the entry at the catalog's small bounds) and taken off for the
 * warm rate.  Then the explorer's bytes per stored state and its speed-up on several threads
 * (same counts required), and the time each checker takes to find each catalog bug.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Compares TLC and the explorer on one model, then the explorer at growing bounds.")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--variant", paramLabel = "V", defaultValue = "mempool_2001",
            description = "the variant to compare on (default: ${DEFAULT-VALUE})")
    String variantName;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "runs of each (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--grow", paramLabel = "NAME=A..B", split = ",",
            description = "parameters to grow for the explorer, one at a time (default: each task parameter "
                    + "of the variant's protocol, from its value up by two, within its range)")
    List<String> grow = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "override a parameter of the compared variant (repeatable), e.g. to reach a million states")
    List<String> settings = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "explorer threads for the speed-up row (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--no-bugs", description = "leave out the table of the time each checker takes to find each bug")
    boolean noBugs;

    /** One parameter's range, parsed and checked against the catalog before anything runs. */
    private record Growth(String name, int from, int to) {
    }

    @Override
    public Integer call() throws Exception {
        CliContext ctx = main.context;
        Path root = ctx.root();
        Catalog catalog = Commands.loadCatalog(root);
        Variant v = catalog.variant(variantName).orElseThrow(() -> new CliException(ExitCodes.UNKNOWN_NAME,
                "unknown variant " + variantName + " (see 'reservecheck list')"));
        if (runs < 1) {
            throw new CliException(ExitCodes.BAD_PARAMETER, "--runs must be at least 1");
        }
        if (threads < 1) {
            throw new CliException(ExitCodes.BAD_PARAMETER, "--threads must be at least 1");
        }
        Variant base = v;
        if (!settings.isEmpty()) {
            try {
                v = v.withOverrides(reservecheck.catalog.Overrides.parse(settings));
            } catch (BadParameterException e) {
                throw new CliException(ExitCodes.BAD_PARAMETER, e.getMessage());
            }
            Commands.modelOf(v, "--set " + String.join(" --set ", settings) + ": impossible bounds for " + v.name());
        }
        List<Growth> growths = grow.isEmpty() ? defaultGrowths(v) : parseGrowths(v);
        Variant safety = v;
        Path work = root.resolve("target/reservecheck-bench");
        String at = settings.isEmpty() ? "" : " at " + String.join(" ", settings);
        // TLC's start-up (JVM, parsing, the cfg, the first states), measured apart: TLC on the
        // same entry with one task of each kind, a few dozen states, is nearly all start-up
        Variant tiny = oneTaskEach(base);
        TlcResult warmup = tlc(catalog, tiny, work.resolve("start-up"));
        double startup = warmup.seconds();
        ctx.out().println(String.format(Locale.ROOT, "TLC start-up: %.2f s (TLC on %s with one task of each kind, %d "
                + "states)", startup, base.name(), warmup.distinctStates()));
        ctx.out().println("TLC and the explorer on " + v.name() + at + " (invariants and deadlock, " + runs
                + " runs each; explorer on 1 and " + threads + " threads)");
        List<Double> tlcRates = new ArrayList<>();
        List<Double> tlcWarmRates = new ArrayList<>();
        List<Double> explorerRates = new ArrayList<>();
        List<Double> parallelRates = new ArrayList<>();
        long tlcStates = -1;
        long explorerStates = -1;
        double bytes = 0;
        for (int i = 0; i < runs; i++) {
            TlcResult t = tlc(catalog, safety, work.resolve("run" + i));
            tlcStates = t.distinctStates();
            tlcRates.add(t.distinctStates() / t.seconds());
            tlcWarmRates.add(t.distinctStates() / Math.max(1e-3, t.seconds() - startup));
            ExplorerResult<?> e = explore(safety, 1);
            explorerStates = e.distinctStates();
            explorerRates.add(e.distinctStates() / e.seconds());
            bytes = e.bytesPerState();
            ExplorerResult<?> p = explore(safety, threads);
            if (p.distinctStates() != e.distinctStates() || p.depth() != e.depth() || !p.verdict().equals(e.verdict())) {
                throw new CliException(ExitCodes.MISMATCH, "the explorer on " + threads + " threads found " + p
                        + ", on one " + e);
            }
            parallelRates.add(p.distinctStates() / p.seconds());
        }
        if (tlcStates != explorerStates) {
            throw new CliException(ExitCodes.MISMATCH, "TLC found " + tlcStates + " distinct states and the explorer "
                    + explorerStates + ": not the same model, no comparison");
        }
        double tlcRate = median(tlcRates);
        double tlcWarm = median(tlcWarmRates);
        double explorerRate = median(explorerRates);
        double parallelRate = median(parallelRates);
        TextTable t = new TextTable("checker", "distinct states", "median states/s", "min", "max");
        t.add("tlc", String.valueOf(tlcStates), rate(tlcRate), rate(min(tlcRates)), rate(max(tlcRates)));
        t.add("tlc warm (start-up taken off)", String.valueOf(tlcStates), rate(tlcWarm), rate(min(tlcWarmRates)),
                rate(max(tlcWarmRates)));
        t.add("explorer, 1 thread", String.valueOf(explorerStates), rate(explorerRate), rate(min(explorerRates)),
                rate(max(explorerRates)));
        t.add("explorer, " + threads + " threads", String.valueOf(explorerStates), rate(parallelRate),
                rate(min(parallelRates)), rate(max(parallelRates)));
        ctx.out().print(t);
        ctx.out().println(String.format(Locale.ROOT, "explorer/tlc states per second: %.1f (TLC warm), %.1f (TLC with "
                + "its start-up)", explorerRate / tlcWarm, explorerRate / tlcRate));
        ctx.out().println(String.format(Locale.ROOT, "explorer bytes per stored state: %.1f", bytes));
        ctx.out().println(String.format(Locale.ROOT, "explorer speed-up on %d threads: %.2f", threads,
                parallelRate / explorerRate));
        ctx.out().println();

        ctx.out().println("the explorer at growing bounds (from " + v.name() + ")");
        TextTable g = new TextTable("parameter", "value", "distinct states", "depth", "seconds", "states/s");
        for (Growth gr : growths) {
            for (int x = gr.from(); x <= gr.to(); x++) {
                ExplorerResult<?> e = explore(safety.withOverrides(Map.of(gr.name(), String.valueOf(x))));
                g.add(gr.name(), String.valueOf(x), String.valueOf(e.distinctStates()), String.valueOf(e.depth()),
                        String.format(Locale.ROOT, "%.2f", e.seconds()), rate(e.distinctStates() / e.seconds()));
            }
        }
        ctx.out().print(g);
        if (!noBugs) {
            ctx.out().println();
            bugTable(ctx, root, catalog, work.resolve("bugs"));
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }

    /**
     * The time each checker takes to find each bug of the catalog: TLC and the explorer run here
     * with the entry's checks; jqwik and Lincheck run in make test, so their seconds are those
     * of their records in results/results.json (- when there is none).  A time whose verdict is
     * not the catalog's is marked with *.
     */
    private void bugTable(CliContext ctx, Path root, Catalog catalog, Path work) throws Exception {
        Map<String, reservecheck.results.ResultRecord> recorded = new java.util.HashMap<>();
        try {
            for (reservecheck.results.ResultRecord r : reservecheck.results.ResultsFile.inRepository(root).read()) {
                recorded.put(r.variant() + "/" + r.checker(), r);
            }
        } catch (IOException | RuntimeException e) {
            // no results file yet: the jqwik and Lincheck columns stay empty
        }
        ctx.out().println("seconds to find each bug (tlc, explorer: this run; jqwik, lincheck: results/results.json "
                + "of make test; * verdict not the catalog's)");
        TextTable b = new TextTable("protocol", "variant", "expected", "tlc", "explorer", "jqwik", "lincheck");
        for (Variant v : catalog.variants()) {
            if (v.kind() != reservecheck.catalog.Kind.BUG) {
                continue;
            }
            String expected = v.expectedVerdict("explorer").or(() -> v.expectedVerdict("tlc")).orElse("-");
            String tlc = "-";
            if (v.expectedVerdict("tlc").isPresent()) {
                Path dir = work.resolve(v.name());
                Path cfg = dir.resolve(v.name() + ".cfg");
                WorkDirs.fresh(dir);
                java.nio.file.Files.writeString(cfg, CfgWriter.write(v));
                TlcResult r = new TlcRunner().run(new TlcJob(catalog.protocolOf(v).specFile(), cfg, dir,
                        Duration.ofMinutes(10), 1, v.checks().deadlock(), null, null));
                tlc = seconds(r.seconds(), r.verdict(), v.expectedVerdict("tlc").get());
            }
            String explorer = "-";
            if (v.expectedVerdict("explorer").isPresent() && Models.protocols().contains(v.protocol())) {
                Model<?> model = Models.create(v.protocol(), new LinkedHashMap<>(v.parameters()));
                ExplorerResult<?> r = Explorer.check(model, ExplorerChecks.options(v, 600));
                explorer = seconds(r.seconds(), r.verdict(), v.expectedVerdict("explorer").get());
            }
            b.add(v.protocol(), v.name(), expected, tlc, explorer, fromResults(recorded, v, "jqwik"),
                    fromResults(recorded, v, "lincheck"));
        }
        ctx.out().print(b);
    }

    private static String fromResults(Map<String, reservecheck.results.ResultRecord> recorded, Variant v,
                                      String checker) {
        reservecheck.results.ResultRecord r = recorded.get(v.name() + "/" + checker);
        return r == null ? "-" : seconds(r.seconds(), r.actual(), r.expected());
    }

    private static String seconds(double s, String verdict, String expected) {
        return String.format(Locale.ROOT, "%.2f%s", s, verdict.equals(expected) ? "" : "*");
    }

    /**
     * Without --grow: every task parameter the variant uses (procs and irqs for mempool, users
     * or allocators for the reserve tree), from the variant's value one task up, where the model
     * takes that bound; a fixed default such as procs named a parameter other protocols do not
     * have.  One more task multiplies the states by ten or more, so one step is enough to show it.
     */
    private static List<Growth> defaultGrowths(Variant v) {
        List<Growth> l = new ArrayList<>();
        for (ParameterDecl d : v.declarations().values()) {
            Object now = v.parameters().get(d.name());
            if (d.type() == ParamType.TASKS && now instanceof Number n && n.intValue() > 0 && n.intValue() < d.max()) {
                Growth g = new Growth(d.name(), n.intValue(), n.intValue() + 1);
                try {
                    modelAt(v, g.name(), g.to());
                    l.add(g);
                } catch (CliException | BadParameterException e) {
                    // a bound this variant's model does not take: not grown
                }
            }
        }
        return l;
    }

    /** v with every task parameter above 1 set to 1: the smallest model of the same spec and checks. */
    private static Variant oneTaskEach(Variant v) {
        Map<String, String> one = new LinkedHashMap<>();
        for (ParameterDecl d : v.declarations().values()) {
            if (d.type() == ParamType.TASKS && v.parameters().get(d.name()) instanceof Number n && n.intValue() > 1) {
                one.put(d.name(), "1");
            }
        }
        try {
            return v.withOverrides(one);
        } catch (BadParameterException e) {
            throw new CliException(ExitCodes.BAD_PARAMETER, "no one-task model of " + v.name() + ": " + e.getMessage());
        }
    }

    /** The variant's model with NAME=x, or why not (a bound the catalog or the model refuses). */
    private static Model<?> modelAt(Variant v, String name, int x) throws BadParameterException {
        return Commands.modelOf(v.withOverrides(Map.of(name, String.valueOf(x))), name + "=" + x);
    }

    /** --grow NAME=A..B, each value a legal value of the parameter, A at most B: checked before TLC starts. */
    private List<Growth> parseGrowths(Variant v) {
        List<Growth> l = new ArrayList<>();
        for (String spec : grow) {
            String[] kv = spec.split("=", 2);
            String[] range = kv.length == 2 ? kv[1].split("\\.\\.", 2) : new String[0];
            int from;
            int to;
            try {
                if (range.length != 2) {
                    throw new NumberFormatException();
                }
                from = Integer.parseInt(range[0].trim());
                to = Integer.parseInt(range[1].trim());
            } catch (NumberFormatException e) {
                throw new CliException(ExitCodes.BAD_PARAMETER, "--grow " + spec + ": expected NAME=A..B with whole numbers A and B");
            }
            if (from > to) {
                throw new CliException(ExitCodes.BAD_PARAMETER, "--grow " + spec + ": the range is empty (" + from + " > " + to + ")");
            }
            try {
                modelAt(v, kv[0], from);
                modelAt(v, kv[0], to);
            } catch (BadParameterException | CliException ex) {
                throw new CliException(ExitCodes.BAD_PARAMETER, "--grow " + spec + ": " + ex.getMessage());
            }
            l.add(new Growth(kv[0], from, to));
        }
        return l;
    }

    private static TlcResult tlc(Catalog catalog, Variant v, Path dir) throws IOException, InterruptedException {
        Path cfg = dir.resolve(v.name() + ".cfg");
        WorkDirs.fresh(dir);
        String text = CfgWriter.write(v).lines().filter(l -> !l.startsWith("PROPERTY"))
                .reduce("", (a, b) -> a + b + "\n");
        java.nio.file.Files.writeString(cfg, text);
        TlcResult r = new TlcRunner().run(new TlcJob(catalog.protocolOf(v).specFile(), cfg, dir,
                Duration.ofMinutes(30), 1, v.checks().deadlock(), null, null));
        if (!r.verdict().equals("ok")) {
            throw new CliException(ExitCodes.MISMATCH, "TLC on " + v.name() + ": " + r.verdict()
                    + " — bench a variant that passes its invariants");
        }
        return r;
    }

    private static ExplorerResult<?> explore(Variant v) {
        return explore(v, 1);
    }

    private static ExplorerResult<?> explore(Variant v, int threads) {
        Model<?> model = Models.create(v.protocol(), new LinkedHashMap<>(v.parameters()));
        return Explorer.check(model, ExplorerOptions.defaults().withInvariants(v.checks().invariants())
                .withDeadlock(v.checks().deadlock()).withThreads(threads));
    }

    private static String rate(double r) {
        return String.format(Locale.ROOT, "%,.0f", r);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
