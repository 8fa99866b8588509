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
 * TLC's time is the whole forked JVM, start-up included, as a user experiences it.
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
        List<Growth> growths = grow.isEmpty() ? defaultGrowths(v) : parseGrowths(v);
        Variant safety = v;
        Path work = root.resolve("target/reservecheck-bench");
        ctx.out().println("TLC and the explorer on " + v.name() + " (invariants and deadlock, " + runs + " runs each)");
        List<Double> tlcRates = new ArrayList<>();
        List<Double> explorerRates = new ArrayList<>();
        long tlcStates = -1;
        long explorerStates = -1;
        for (int i = 0; i < runs; i++) {
            TlcResult t = tlc(catalog, safety, work.resolve("run" + i));
            tlcStates = t.distinctStates();
            tlcRates.add(t.distinctStates() / t.seconds());
            ExplorerResult<?> e = explore(safety);
            explorerStates = e.distinctStates();
            explorerRates.add(e.distinctStates() / e.seconds());
        }
        if (tlcStates != explorerStates) {
            throw new CliException(ExitCodes.MISMATCH, "TLC found " + tlcStates + " distinct states and the explorer "
                    + explorerStates + ": not the same model, no comparison");
        }
        double tlcRate = median(tlcRates);
        double explorerRate = median(explorerRates);
        TextTable t = new TextTable("checker", "distinct states", "median states/s", "min", "max");
        t.add("tlc", String.valueOf(tlcStates), rate(tlcRate), rate(min(tlcRates)), rate(max(tlcRates)));
        t.add("explorer", String.valueOf(explorerStates), rate(explorerRate), rate(min(explorerRates)),
                rate(max(explorerRates)));
        ctx.out().print(t);
        ctx.out().println(String.format(Locale.ROOT, "explorer/tlc states per second: %.1f", explorerRate / tlcRate));
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
        ctx.out().flush();
        return ExitCodes.OK;
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
        Model<?> model = Models.create(v.protocol(), new LinkedHashMap<>(v.parameters()));
        return Explorer.check(model, ExplorerOptions.defaults().withInvariants(v.checks().invariants())
                .withDeadlock(v.checks().deadlock()));
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
