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
import reservecheck.explorer.Explorer;
import reservecheck.explorer.ExplorerOptions;
import reservecheck.explorer.ExplorerResult;
import reservecheck.models.lts.Model;
import reservecheck.results.Verdicts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code reservecheck frontier}: how far an entry's verdict holds.  The explorer checks the entry
 * at every combination of the grown parameters' values, smallest models first (least total
 * growth), until the verdict differs from the one at the smallest bounds or the budget runs out,
 * and reports the largest bounds with the first verdict and the smallest with another, with its
 * counterexample.  Exit 0 when the verdict held over the whole range, 1 when it changed, 8 when
 * the budget ran out first.
 */
@Command(name = "frontier", mixinStandardHelpOptions = true,
        description = "Checks a variant with the explorer at growing bounds, smallest first, until its verdict changes.")
final class FrontierCommand implements Callable<Integer> {

    private static final Pattern GROW = Pattern.compile("([a-z_][a-z0-9_]*)=(\\d+)\\.\\.(\\d+)");

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--variant", paramLabel = "V", required = true, description = "the entry whose bounds grow")
    String variant;

    @Option(names = "--grow", paramLabel = "NAME=A..B", required = true,
            description = "an integer parameter and its range (repeatable)")
    List<String> grows = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "fixed overrides of the entry's parameters (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "S", defaultValue = "60",
            description = "seconds for the whole search (default: ${DEFAULT-VALUE})")
    long budgetSeconds;

    private record Range(String name, int from, int to) {
    }

    private record Point(Map<String, String> values, int growth) {
        String text() {
            StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return sb.toString();
        }
    }

    @Override
    public Integer call() {
        if (budgetSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--budget must be at least 1 second");
        }
        List<Range> ranges = new ArrayList<>();
        for (String g : grows) {
            Matcher m = GROW.matcher(g);
            if (!m.matches() || Integer.parseInt(m.group(2)) > Integer.parseInt(m.group(3))) {
                throw new ParameterException(spec.commandLine(), "--grow " + g + ": expected NAME=A..B with A <= B");
            }
            ranges.add(new Range(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        CliContext ctx = main.context;
        Variant base = Commands.loadCatalog(ctx.root()).variant(variant).orElseThrow(() -> new CliException(
                ExitCodes.UNKNOWN_NAME, "unknown variant " + variant + " (see 'reservecheck list')"));
        try {
            base = base.withOverrides(Overrides.parse(settings));
        } catch (BadParameterException e) {
            throw new CliException(ExitCodes.BAD_PARAMETER, e.getMessage());
        }
        List<Point> points = points(ranges);
        for (Point p : List.of(points.get(0), points.get(points.size() - 1))) {
            model(at(base, p), p); // bad bounds before anything runs
        }
        long deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
        TextTable t = new TextTable("bounds", "verdict", "distinct states", "seconds");
        String first = null;
        Point held = null;
        String changedTrace = null;
        Point changed = null;
        String changedVerdict = null;
        boolean outOfBudget = false;
        for (Point p : points) {
            long left = (deadline - System.nanoTime()) / 1_000_000_000L;
            if (left < 1) {
                outOfBudget = true;
                break;
            }
            Variant v = at(base, p);
            Model<?> model = model(v, p);
            String[] out = explore(v, model, left);
            t.add(p.text(), out[0], out[1], out[2]);
            ctx.err().println("frontier " + variant + " " + p.text() + ": " + out[0]);
            ctx.err().flush();
            if (Verdicts.isInconclusive(out[0])) {
                outOfBudget = true;
                break;
            }
            if (first == null) {
                first = out[0];
            }
            if (out[0].equals(first)) {
                held = p;
            } else {
                changed = p;
                changedVerdict = out[0];
                changedTrace = out[3];
                break;
            }
        }
        ctx.out().print(t);
        ctx.out().println();
        ctx.out().println(held == null ? "no bounds checked within the budget"
                : first + " up to " + held.text() + " (the largest bounds checked with the first verdict)");
        if (changed != null) {
            ctx.out().println(changedVerdict + " at " + changed.text() + " (the smallest bounds with another verdict)");
            if (changedTrace != null) {
                changedTrace.lines().forEach(l -> ctx.out().println("    " + l));
            }
        } else if (outOfBudget) {
            ctx.out().println("the budget of " + budgetSeconds + " s ran out before the whole range was checked");
        } else {
            ctx.out().println("the verdict holds over the whole range");
        }
        ctx.out().flush();
        return changed != null ? ExitCodes.MISMATCH : outOfBudget ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }

    /** Every combination of the ranges, least total growth first (the smallest models), then in order. */
    private static List<Point> points(List<Range> ranges) {
        List<Point> out = new ArrayList<>();
        out.add(new Point(new LinkedHashMap<>(), 0));
        for (Range r : ranges) {
            List<Point> next = new ArrayList<>();
            for (Point p : out) {
                for (int x = r.from(); x <= r.to(); x++) {
                    Map<String, String> m = new LinkedHashMap<>(p.values());
                    m.put(r.name(), String.valueOf(x));
                    next.add(new Point(m, p.growth() + x - r.from()));
                }
            }
            out = next;
        }
        out.sort(Comparator.comparingInt(Point::growth));
        return out;
    }

    /** The model at these bounds; bounds its spec's ASSUME rejects are impossible bounds (5). */
    private static Model<?> model(Variant v, Point p) {
        return Commands.modelOf(v, "at " + p.text());
    }

    private static Variant at(Variant base, Point p) {
        try {
            return base.withOverrides(p.values());
        } catch (BadParameterException e) {
            throw new CliException(ExitCodes.BAD_PARAMETER, e.getMessage());
        }
    }

    /** The explorer with the entry's checks: verdict, states, seconds, counterexample (or null). */
    private static <S> String[] explore(Variant v, Model<S> model, long seconds) {
        ExplorerOptions options = ExplorerChecks.options(v, seconds);
        ExplorerResult<S> r = Explorer.check(model, options);
        return new String[] {r.verdict(), String.valueOf(r.distinctStates()),
                String.format(Locale.ROOT, "%.1f", r.seconds()),
                r.counterexample() == null ? null : r.counterexample().render(model)};
    }
}
