package reservecheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import reservecheck.catalog.BadParameterException;
import reservecheck.catalog.Overrides;
import reservecheck.catalog.Variant;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogException;
import reservecheck.catalog.FrontierRecords;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Protocol;
import reservecheck.cli.FrontierSearch.Grown;
import reservecheck.cli.FrontierSearch.Range;
import reservecheck.cli.FrontierSearch.Shrunk;
import reservecheck.results.ResultRecord;
import reservecheck.results.Verdicts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code reservecheck frontier}: how far an entry's verdict holds.  On a design, the explorer checks
 * the entry at every combination of the grown parameters' values, smallest models first (least
 * total growth), until the verdict differs from the one at the smallest bounds or the budget runs
 * out, and reports the largest bounds with the first verdict and the smallest with another, with
 * its counterexample.  With {@code --shrink}, on a bug: its bounds shrunk while its verdict still
 * appears, the least configuration that shows it.  Without {@code --grow}, the protocol's workload
 * bounds ({@code grow} of {@code catalog/bounds/<protocol>.yaml}), each one further than the
 * entry's own; {@code --record} writes the outcome there.  Exit 0 when the verdict held over the
 * whole range (shrink: the bug still shows), 1 when it changed (shrink: the entry's own bounds do
 * not show it), 8 when the budget ran out first.
 */
@Command(name = "frontier", mixinStandardHelpOptions = true,
        description = "Checks a variant with the explorer at growing bounds, smallest first, until its verdict changes; "
                + "--shrink: a bug's bounds shrunk while its verdict still appears.")
final class FrontierCommand implements Callable<Integer> {

    private static final Pattern GROW = Pattern.compile("([a-z_][a-z0-9_]*)=(\\d+)\\.\\.(\\d+)");

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--variant", paramLabel = "V", description = "the entry whose bounds grow (repeatable)")
    List<String> variants = new ArrayList<>();

    @Option(names = "--protocol", paramLabel = "P",
            description = "every design of the protocol (with --shrink: every bug) (repeatable)")
    List<String> protocols = new ArrayList<>();

    @Option(names = "--grow", paramLabel = "NAME=A..B",
            description = "an integer parameter and its range (repeatable; default: the protocol's grow list, one further)")
    List<String> grows = new ArrayList<>();

    @Option(names = "--shrink", description = "shrink a bug's bounds (the protocol's shrink list) while its verdict appears")
    boolean shrink;

    @Option(names = "--record", description = "write the outcome to catalog/bounds/<protocol>.yaml")
    boolean record;

    @Option(names = "--no-confirm", description = "no TLC run at the bounds where the verdict changed (--shrink: at the"
            + " minimal bounds)")
    boolean noConfirm;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "fixed overrides of the entry's parameters (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "S", defaultValue = "60",
            description = "seconds for each entry's search (default: ${DEFAULT-VALUE})")
    long budgetSeconds;

    @Override
    public Integer call() {
        if (budgetSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--budget must be at least 1 second");
        }
        if (variants.isEmpty() == protocols.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give --variant V... or --protocol P..., one of them");
        }
        if (record && (!grows.isEmpty() || !settings.isEmpty())) {
            throw new ParameterException(spec.commandLine(),
                    "--record keeps the protocol's own frontier: no --grow or --set with it");
        }
        if (shrink && !grows.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--shrink lowers the protocol's shrink list: no --grow");
        }
        List<Range> given = new ArrayList<>();
        for (String g : grows) {
            Matcher m = GROW.matcher(g);
            if (!m.matches() || Integer.parseInt(m.group(2)) > Integer.parseInt(m.group(3))) {
                throw new ParameterException(spec.commandLine(), "--grow " + g + ": expected NAME=A..B with A <= B");
            }
            given.add(new Range(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        CliContext ctx = main.context;
        Catalog catalog = Commands.loadCatalog(ctx.root());
        Map<String, FrontierRecords.File> records;
        try {
            records = FrontierRecords.load(catalog);
        } catch (CatalogException e) {
            throw new CliException(ExitCodes.BAD_CATALOG, e.getMessage());
        }
        List<Variant> entries = entries(catalog);
        // every entry's bounds before any search runs: a bad --set or grow list is one line, not a late failure
        Map<String, Variant> based = new LinkedHashMap<>();
        for (Variant e : entries) {
            Variant v;
            try {
                v = e.withOverrides(Overrides.parse(settings));
            } catch (BadParameterException ex) {
                throw new CliException(ExitCodes.BAD_PARAMETER, ex.getMessage());
            }
            if ((grows.isEmpty() || shrink) && !records.containsKey(v.protocol())) {
                throw new CliException(ExitCodes.BAD_CATALOG, v.protocol() + " has no grow list ("
                        + FrontierRecords.DIR + "/" + v.protocol() + ".yaml): give --grow");
            }
            based.put(e.name(), v);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        TextTable t = new TextTable("entry", "bounds", "verdict", "distinct states", "seconds");
        List<String> summary = new ArrayList<>();
        int code = ExitCodes.OK;
        for (Variant v : based.values()) {
            long deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
            FrontierRecords.File own = records.get(v.protocol());
            List<String> names = own == null ? List.of() : shrink ? own.shrink() : own.grow();
            int c;
            if (shrink) {
                String verdict = v.expectedVerdict("explorer").orElse(null);
                if (v.kind() != Kind.BUG || verdict == null) {
                    throw new CliException(ExitCodes.USAGE, v.name() + ": --shrink takes a bug with an explorer verdict");
                }
                Shrunk s = FrontierSearch.shrink(v, v.name(), names, own.floorOf(v.name()), verdict, deadline, t, ctx.err());
                summary.add(v.name() + ": " + (s.shown() ? verdict + " down to " + new FrontierSearch.Point(s.bounds(), 0).text()
                        + (s.outOfBudget() ? " (the budget ran out: perhaps not the least)" : " (the least in each bound)")
                        : "its own bounds give " + s.verdict() + ", not " + verdict));
                c = !s.shown() ? (s.outOfBudget() ? ExitCodes.INCONCLUSIVE : ExitCodes.MISMATCH)
                        : s.outOfBudget() ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
                if (s.shown() && !noConfirm) {
                    c = worse(c, confirm(ctx, v, s.bounds(), verdict, summary));
                }
                if (record && s.shown()) {
                    update(ctx, catalog, records, v, null, new FrontierRecords.Minimal(verdict, s.bounds(), s.points(),
                            budgetSeconds, today));
                }
            } else {
                List<Range> ranges = grows.isEmpty() ? FrontierSearch.oneFurther(v, names) : given;
                Grown g = FrontierSearch.grow(v, v.name(), ranges, deadline, t, ctx.err());
                c = report(g, v.name(), summary);
                if (g.changed() != null && !noConfirm && !Verdicts.isInconclusive(g.change().verdict())) {
                    c = worse(c, confirm(ctx, v, g.changed().values(), g.change().verdict(), summary));
                }
                if (record && g.first() != null) {
                    Map<String, FrontierRecords.Range> grow = new LinkedHashMap<>();
                    ranges.forEach(r -> grow.put(r.name(), new FrontierRecords.Range(r.from(), r.to())));
                    update(ctx, catalog, records, v, new FrontierRecords.Frontier(grow, g.first(),
                            g.eachAlone(), g.points(), g.complete(),
                            g.changed() == null ? null : g.changed().values(),
                            g.change() == null ? null : g.change().verdict(), budgetSeconds, today), null);
                }
            }
            code = worse(code, c);
        }
        ctx.out().print(t);
        ctx.out().println();
        summary.forEach(l -> l.lines().forEach(ctx.out()::println));
        ctx.out().flush();
        return code;
    }

    private static int worse(int a, int b) {
        if (a == ExitCodes.CHECKERS_DISAGREE || b == ExitCodes.CHECKERS_DISAGREE) {
            return ExitCodes.CHECKERS_DISAGREE;
        }
        return a == ExitCodes.MISMATCH || b == ExitCodes.MISMATCH ? ExitCodes.MISMATCH : Math.max(a, b);
    }

    /**
     * TLC on the model at {@code bounds}, where the explorer's search ended with {@code explorerVerdict}
     * (a design's first other verdict, a bug's minimal bounds): the explorer alone decided the
     * frontier, so the point that is recorded is checked by the other engine too.  OK when they
     * agree, CHECKERS_DISAGREE when not, INCONCLUSIVE when TLC gave no verdict in the budget.
     */
    private int confirm(CliContext ctx, Variant v, Map<String, Integer> bounds, String explorerVerdict,
                        List<String> summary) {
        Path dir = ctx.root().resolve("target/reservecheck-work/frontier-tlc").resolve(v.name());
        List<String> sets = new ArrayList<>(settings);
        bounds.forEach((k, x) -> sets.add(k + "=" + x));
        ResultRecord r = PerPropertyRun.check(ctx, dir, v.name(), List.of("tlc"), sets, Math.max(60, budgetSeconds),
                        v.name() + " (TLC at " + new FrontierSearch.Point(bounds, 0).text() + ")", false).stream()
                .filter(x -> x.checker().equals("tlc")).findFirst()
                .orElseThrow(() -> new CliException(ExitCodes.CRASH, v.name() + ": TLC's confirmation wrote no record"));
        String where = "TLC at those bounds: ";
        if (Verdicts.isInconclusive(r.actual())) {
            summary.add(where + r.actual() + " (" + Main.oneLine(String.valueOf(r.message())) + ")");
            return ExitCodes.INCONCLUSIVE;
        }
        if (!r.actual().equals(explorerVerdict)) {
            summary.add(where + r.actual() + ", the explorer " + explorerVerdict + ": the checkers DISAGREE"
                    + (r.trace() == null ? "" : " (TLC's trace: " + r.trace() + ")"));
            return ExitCodes.CHECKERS_DISAGREE;
        }
        summary.add(where + r.actual() + " too (" + r.distinctStates() + " distinct states)");
        return ExitCodes.OK;
    }

    private List<Variant> entries(Catalog catalog) {
        List<Variant> out = new ArrayList<>();
        for (String name : variants) {
            out.add(catalog.variant(name).orElseThrow(() -> new CliException(
                    ExitCodes.UNKNOWN_NAME, "unknown variant " + name + " (see 'reservecheck list')")));
        }
        for (String name : protocols) {
            Protocol p = Commands.protocol(catalog, name);
            p.variants().stream().filter(v -> v.kind() == (shrink ? Kind.BUG : Kind.DESIGN)).forEach(out::add);
        }
        return out;
    }

    private static int report(Grown g, String name, List<String> summary) {
        StringBuilder sb = new StringBuilder(name + ": ");
        sb.append(g.held() == null ? "no bounds checked within the budget"
                : g.first() + " up to " + g.held().text() + " (the largest bounds checked with the first verdict)"
                + "\neach bound alone: " + g.first() + " up to " + new FrontierSearch.Point(g.eachAlone(), 0).text());
        if (g.changed() != null) {
            sb.append('\n').append(g.change().verdict()).append(" at ").append(g.changed().text())
                    .append(" (the smallest bounds with another verdict)");
            if (g.change().counterexample() != null) {
                g.change().counterexample().lines().forEach(l -> sb.append("\n    ").append(l));
            }
        } else if (g.outOfBudget()) {
            sb.append("\nthe budget ran out before the whole range was checked");
        } else {
            sb.append("\nthe verdict holds over the whole range");
        }
        summary.add(sb.toString());
        return g.changed() != null ? ExitCodes.MISMATCH : g.outOfBudget() ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }

    /** Puts one entry's record into its protocol's file, the others kept as they were. */
    private static void update(CliContext ctx, Catalog catalog, Map<String, FrontierRecords.File> records, Variant v,
                               FrontierRecords.Frontier frontier, FrontierRecords.Minimal minimal) {
        FrontierRecords.File f = records.get(v.protocol());
        Map<String, FrontierRecords.Frontier> fr = new LinkedHashMap<>(f.frontier());
        Map<String, FrontierRecords.Minimal> mi = new LinkedHashMap<>(f.minimal());
        if (frontier != null) {
            fr.put(v.name(), frontier);
        }
        if (minimal != null) {
            mi.put(v.name(), minimal);
        }
        FrontierRecords.File next = new FrontierRecords.File(f.protocol(), f.grow(), f.shrink(), f.shrinkFloor(), fr, mi);
        records.put(v.protocol(), next);
        Path file = FrontierRecords.file(catalog.root(), v.protocol());
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, FrontierRecords.render(catalog.protocolOf(v), next), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, "cannot write " + file + ": " + Main.oneLine(e.getMessage()));
        }
        ctx.err().println("recorded " + v.name() + " in " + Commands.display(catalog.root(), file));
        ctx.err().flush();
    }
}
