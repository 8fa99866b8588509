package reservecheck.cli;

import reservecheck.catalog.BadParameterException;
import reservecheck.catalog.ParameterDecl;
import reservecheck.catalog.Variant;
import reservecheck.explorer.Explorer;
import reservecheck.explorer.ExplorerOptions;
import reservecheck.explorer.ExplorerResult;
import reservecheck.models.lts.Model;
import reservecheck.results.Verdicts;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two searches of {@code reservecheck frontier}, both with the explorer on the entry's checks:
 * growing a design's bounds (smallest models first) until its verdict changes, and shrinking a
 * bug's bounds (one parameter one step at a time) while its verdict still appears.
 */
final class FrontierSearch {

    record Range(String name, int from, int to) {
    }

    record Point(Map<String, Integer> values, int growth) {
        String text() {
            StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return sb.toString();
        }
    }

    /** One explorer run: verdict, distinct states, seconds, counterexample (or null). */
    record Run(String verdict, long states, double seconds, String counterexample) {
    }

    /**
     * A grow search's outcome.
     *
     * @param first   the verdict at the smallest bounds (null: none checked)
     * @param held    the largest bounds checked with it (null: none)
     * @param points  models checked with it
     * @param changed the smallest bounds with another verdict (null: none)
     * @param change  the run there
     */
    record Grown(List<Range> ranges, String first, Point held, int points, Point changed, Run change,
                 boolean outOfBudget, List<Point> verified) {
        boolean complete() {
            return changed == null && !outOfBudget;
        }

        /**
         * Each grown bound's largest value at which the first verdict was found with the other
         * bounds at their smallest: how far each bound alone was verified (the combinations are
         * all verified only when {@link #complete}).  Null when nothing was.
         */
        Map<String, Integer> eachAlone() {
            if (verified.isEmpty()) {
                return null;
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            for (Range r : ranges) {
                int best = r.from();
                for (Point p : verified) {
                    boolean alone = ranges.stream().allMatch(o -> o == r || p.values().get(o.name()) == o.from());
                    if (alone) {
                        best = Math.max(best, p.values().get(r.name()));
                    }
                }
                out.put(r.name(), best);
            }
            return out;
        }
    }

    /** A shrink search's outcome: the least bounds that still show the verdict, and the runs it took. */
    record Shrunk(Map<String, Integer> bounds, String verdict, int points, boolean outOfBudget, boolean shown) {
    }

    private FrontierSearch() {
    }

    /** Every combination of the ranges, least total growth first (the smallest models), then in order. */
    static List<Point> points(List<Range> ranges) {
        List<Point> out = new ArrayList<>();
        out.add(new Point(new LinkedHashMap<>(), 0));
        for (Range r : ranges) {
            List<Point> next = new ArrayList<>();
            for (Point p : out) {
                for (int x = r.from(); x <= r.to(); x++) {
                    Map<String, Integer> m = new LinkedHashMap<>(p.values());
                    m.put(r.name(), x);
                    next.add(new Point(m, p.growth() + x - r.from()));
                }
            }
            out = next;
        }
        out.sort(Comparator.comparingInt(Point::growth));
        return out;
    }

    /**
     * The design's own value of each of {@code names} up to one more (or the parameter's maximum):
     * one task, one round, one element further than the catalog checks.  A bound the design's
     * model refuses one further (a parameter of another design) stays at its own value.
     */
    static List<Range> oneFurther(Variant v, List<String> names) {
        List<Range> out = new ArrayList<>();
        for (String n : names) {
            int own = (Integer) v.parameters().get(n);
            ParameterDecl d = v.declarations().get(n);
            int to = d.max() == null ? own + 1 : Math.min(own + 1, d.max());
            if (to > own) {
                try {
                    model(at(v, Map.of(n, to)), "");
                } catch (CliException e) {
                    to = own; // the design's model refuses the bound (reserve_tree_2008 has no allocators)
                }
            }
            out.add(new Range(n, own, to));
        }
        return out;
    }

    /** Grows {@code base}'s bounds over the ranges until the verdict changes or {@code deadline} (nanoTime) passes. */
    static Grown grow(Variant base, String name, List<Range> ranges, long deadline, TextTable table, PrintWriter err) {
        List<Point> points = points(ranges);
        for (Point p : List.of(points.get(0), points.get(points.size() - 1))) {
            model(at(base, p.values()), p.text()); // bad bounds before anything runs
        }
        String first = null;
        Point held = null;
        int count = 0;
        List<Point> verified = new ArrayList<>();
        for (Point p : points) {
            long left = (deadline - System.nanoTime()) / 1_000_000_000L;
            if (left < 1) {
                return new Grown(ranges, first, held, count, null, null, true, verified);
            }
            Variant v = at(base, p.values());
            Run r = explore(v, model(v, p.text()), left);
            table.add(name, p.text(), r.verdict(), String.valueOf(r.states()), String.format(Locale.ROOT, "%.1f", r.seconds()));
            err.println("frontier " + name + " " + p.text() + ": " + r.verdict());
            err.flush();
            if (Verdicts.isInconclusive(r.verdict())) {
                return new Grown(ranges, first, held, count, null, null, true, verified);
            }
            if (first == null) {
                first = r.verdict();
            }
            if (!r.verdict().equals(first)) {
                return new Grown(ranges, first, held, count, p, r, false, verified);
            }
            held = p;
            verified.add(p);
            count++;
        }
        return new Grown(ranges, first, held, count, null, null, false, verified);
    }

    /**
     * Shrinks a bug's bounds: each of {@code names} in turn one step down (not below its declared
     * minimum nor below the entry's {@code floor}, skipping bounds the model refuses), kept while the explorer still gives
     * {@code verdict}, passes repeated until none shrinks.  Greedy, so the result is minimal in
     * each parameter alone (one step less of any one loses the verdict), not the least of all.
     */
    static Shrunk shrink(Variant base, String name, List<String> names, Map<String, Integer> floor, String verdict,
                         long deadline, TextTable table,
                         PrintWriter err) {
        Map<String, Integer> cur = new LinkedHashMap<>();
        for (String n : names) {
            cur.put(n, (Integer) base.parameters().get(n));
        }
        int count = 0;
        long left = (deadline - System.nanoTime()) / 1_000_000_000L;
        Run own = explore(base, model(base, "at the entry's bounds"), Math.max(1, left));
        count++;
        table.add(name, "(its own bounds)", own.verdict(), String.valueOf(own.states()),
                String.format(Locale.ROOT, "%.1f", own.seconds()));
        if (!own.verdict().equals(verdict)) {
            return new Shrunk(cur, own.verdict(), count, Verdicts.isInconclusive(own.verdict()), false);
        }
        boolean shrank = true;
        while (shrank) {
            shrank = false;
            for (String n : names) {
                int declared = base.declarations().get(n).min() == null ? 0 : base.declarations().get(n).min();
                int min = Math.max(declared, floor.getOrDefault(n, declared));
                while (cur.get(n) > min) {
                    left = (deadline - System.nanoTime()) / 1_000_000_000L;
                    if (left < 1) {
                        return new Shrunk(cur, verdict, count, true, true);
                    }
                    Map<String, Integer> next = new LinkedHashMap<>(cur);
                    next.put(n, cur.get(n) - 1);
                    Variant v = at(base, next);
                    Model<?> m;
                    try {
                        m = model(v, "");
                    } catch (CliException e) {
                        break; // bounds the spec's ASSUMEs refuse (no task at all): not smaller, impossible
                    }
                    Run r = explore(v, m, left);
                    count++;
                    String text = new Point(next, 0).text();
                    table.add(name, text, r.verdict(), String.valueOf(r.states()), String.format(Locale.ROOT, "%.1f", r.seconds()));
                    err.println("shrink " + name + " " + text + ": " + r.verdict());
                    err.flush();
                    if (!r.verdict().equals(verdict)) {
                        if (Verdicts.isInconclusive(r.verdict())) {
                            return new Shrunk(cur, verdict, count, true, true);
                        }
                        break;
                    }
                    cur = next;
                    shrank = true;
                }
            }
        }
        return new Shrunk(cur, verdict, count, false, true);
    }

    /** The model at these bounds; bounds its spec's ASSUME rejects are impossible bounds (5). */
    static Model<?> model(Variant v, String where) {
        return Commands.modelOf(v, where);
    }

    static Variant at(Variant base, Map<String, Integer> values) {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((k, x) -> text.put(k, String.valueOf(x)));
        try {
            return base.withOverrides(text);
        } catch (BadParameterException e) {
            throw new CliException(ExitCodes.BAD_PARAMETER, e.getMessage());
        }
    }

    static <S> Run explore(Variant v, Model<S> model, long seconds) {
        ExplorerOptions options = ExplorerChecks.options(v, seconds);
        ExplorerResult<S> r = Explorer.check(model, options);
        return new Run(r.verdict(), r.distinctStates(), r.seconds(),
                r.counterexample() == null ? null : r.counterexample().render(model));
    }
}
