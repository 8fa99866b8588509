package reservecheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.Kind;
import reservecheck.catalog.ParameterDecl;
import reservecheck.catalog.Protocol;
import reservecheck.catalog.Variant;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.results.Verdicts;
import reservecheck.traces.html.PolicyPage;
import reservecheck.traces.html.ReportWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code reservecheck policies --protocol P}: the policy table.  Every combination of the values
 * of the parameters the catalog declares {@code policy_axis: true} is checked at the bounds of
 * one design (the protocol's first, or --variant), each through {@code check --per-property}
 * ({@link PerPropertyRun}), so every property has its own verdict per row, from TLC and from the
 * explorer; a cell where they differ is a disagreement (exit 1).  Output: a terminal table (or
 * --json), and results/policies/&lt;protocol&gt;.html with .json beside it, linked from the run
 * report's index.
 */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "Check every combination of a protocol's policy axes (catalog: policy_axis: true) at one "
                + "design's bounds, each property on its own, with TLC and the explorer.")
final class PoliciesCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--protocol", paramLabel = "P", required = true, description = "the protocol")
    String protocol;

    @Option(names = "--variant", paramLabel = "V", description = "the design whose bounds are used (default: the protocol's first design)")
    String variant;

    @Option(names = "--axis", paramLabel = "NAME",
            description = "vary only these axes (repeatable; default: every declared axis); the others keep the design's values")
    List<String> axisNames = new ArrayList<>();

    @Option(names = "--checker", paramLabel = "C", description = "tlc or explorer (repeatable; default: both)")
    List<String> checkers = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "S", description = "seconds per model (default: check's)")
    Long timeoutSeconds;

    @Option(names = "--out", paramLabel = "DIR",
            description = "the results folder the page and each combination's run go to (default: results)")
    Path out;

    @Option(names = "--json", description = "print the table as JSON instead of text")
    boolean json;

    /** One combination: its overrides and its records, one per checker and property. */
    record Row(Map<String, String> settings, List<ResultRecord> records) {
    }

    @Override
    public Integer call() {
        CliContext ctx = main.context;
        Path root = ctx.root();
        Catalog catalog = Commands.loadCatalog(root);
        Protocol p = Commands.protocol(catalog, protocol);
        List<ParameterDecl> axes = axes(p);
        Variant design = design(p);
        for (String c : checkers) {
            if (!PropertyCells.CHECKERS.contains(c)) {
                throw new CliException(ExitCodes.UNKNOWN_NAME, "unknown checker " + c + " (policies runs "
                        + String.join(", ", PropertyCells.CHECKERS) + ")");
            }
        }
        Path resultsDir = out != null ? ctx.resolve(out) : root.resolve(ResultsFile.DEFAULT).getParent();
        Path base = resultsDir.resolve(PolicyPage.FOLDER).resolve(p.name());

        List<Map<String, String>> combos = combinations(axes);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < combos.size(); i++) {
            List<String> sets = new ArrayList<>();
            combos.get(i).forEach((k, v) -> sets.add(k + "=" + v));
            String label = String.format("combination %d/%d", i + 1, combos.size());
            rows.add(new Row(combos.get(i), PerPropertyRun.check(ctx, base.resolve(String.format("%02d", i + 1)),
                    design.name(), checkers, sets, timeoutSeconds, label)));
        }
        List<String> properties = PropertyCells.split(design).stream().map(PropertyCells.Cell::property).toList();
        List<String> axisList = axes.stream().map(ParameterDecl::name).toList();
        Path page = resultsDir.resolve(PolicyPage.FOLDER).resolve(p.name() + ".html");
        List<PolicyPage.Row> table = pageRows(root, page.getParent(), rows, properties);
        try {
            PolicyPage.write(resultsDir, p.name(), PolicyPage.render(p.name(), design.name(), axisList, properties, table));
            Files.writeString(page.resolveSibling(p.name() + ".json"), json(root, p, design, axisList, properties, rows));
            if (Files.isRegularFile(resultsDir.resolve("results.json"))) {
                ReportWriter.writeAll(resultsDir);
            }
        } catch (IOException | RuntimeException e) {
            throw new CliException(ExitCodes.CRASH, "cannot write the policy page " + page + ": " + Main.oneLine(e.getMessage()));
        }
        if (json) {
            ctx.out().print(json(root, p, design, axisList, properties, rows));
        } else {
            printTable(ctx.out(), axisList, properties, table, rows, root);
            ctx.out().println("page: " + Commands.display(root, page));
        }
        ctx.out().flush();
        return exitCode(table);
    }

    private List<ParameterDecl> axes(Protocol p) {
        List<ParameterDecl> declared = p.policyAxes();
        if (declared.isEmpty()) {
            throw new CliException(ExitCodes.UNKNOWN_NAME, "protocol " + p.name() + " declares no policy axis "
                    + "(policy_axis: true on a bool or enum parameter of " + p.file().getFileName() + ")");
        }
        if (axisNames.isEmpty()) {
            return declared;
        }
        List<ParameterDecl> out = new ArrayList<>();
        for (String n : axisNames) {
            ParameterDecl d = declared.stream().filter(x -> x.name().equals(n)).findFirst()
                    .orElseThrow(() -> new CliException(ExitCodes.UNKNOWN_NAME, n + " is not a policy axis of "
                            + p.name() + " (its axes: " + String.join(", ", declared.stream().map(ParameterDecl::name).toList()) + ")"));
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private Variant design(Protocol p) {
        if (variant == null) {
            return p.variants().stream().filter(v -> v.kind() == Kind.DESIGN).findFirst()
                    .orElseThrow(() -> new CliException(ExitCodes.UNKNOWN_NAME, "protocol " + p.name() + " has no design"));
        }
        Variant v = p.variant(variant).orElseThrow(() -> new CliException(ExitCodes.UNKNOWN_NAME,
                "unknown variant " + variant + " of " + p.name() + " (see 'reservecheck list --protocol " + p.name() + "')"));
        if (v.kind() != Kind.DESIGN) {
            throw new CliException(ExitCodes.UNKNOWN_NAME, variant + " is a " + v.kind().label()
                    + ", not a design: the table uses a design's bounds");
        }
        return v;
    }

    /** Every combination of the axes' values, the first axis varying slowest. */
    static List<Map<String, String>> combinations(List<ParameterDecl> axes) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (ParameterDecl a : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> m : out) {
                for (Object v : a.axisValues()) {
                    Map<String, String> c = new LinkedHashMap<>(m);
                    c.put(a.name(), String.valueOf(v));
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<PolicyPage.Row> pageRows(Path root, Path pageDir, List<Row> rows, List<String> properties) {
        List<PolicyPage.Row> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, PolicyPage.Cell> cells = new LinkedHashMap<>();
            for (String prop : properties) {
                Map<String, String> verdicts = new LinkedHashMap<>();
                Map<String, String> traces = new LinkedHashMap<>();
                for (ResultRecord rec : r.records()) {
                    if (prop.equals(rec.property())) {
                        verdicts.put(rec.checker(), rec.actual());
                        traces.put(rec.checker(), rec.trace() == null ? null
                                : pageDir.relativize(root.resolve(rec.trace()).toAbsolutePath().normalize()).toString());
                    }
                }
                if (!verdicts.isEmpty()) {
                    cells.put(prop, new PolicyPage.Cell(verdicts, traces));
                }
            }
            out.add(new PolicyPage.Row(r.settings(), cells));
        }
        return out;
    }

    private static void printTable(PrintWriter w, List<String> axes, List<String> properties, List<PolicyPage.Row> table,
                                   List<Row> rows, Path root) {
        List<String> head = new ArrayList<>();
        head.add("#");
        head.addAll(axes);
        head.addAll(properties);
        TextTable t = new TextTable(head.toArray(String[]::new));
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            PolicyPage.Row r = table.get(i);
            List<String> line = new ArrayList<>();
            line.add(String.valueOf(i + 1));
            axes.forEach(a -> line.add(r.settings().get(a)));
            for (String prop : properties) {
                PolicyPage.Cell c = r.cells().get(prop);
                line.add(c == null ? "-" : c.agree() ? short_(PolicyPage.text(c)) : "DISAGREE");
            }
            t.add(line.toArray(String[]::new));
            for (ResultRecord rec : rows.get(i).records()) {
                if (rec.trace() != null) {
                    notes.add("  " + (i + 1) + " " + rec.property() + " (" + rec.checker() + "): " + rec.trace());
                }
                PolicyPage.Cell c = r.cells().get(rec.property());
                if (c != null && !c.agree() && rec.checker().equals(PropertyCells.CHECKERS.get(0))) {
                    notes.add("  " + (i + 1) + " " + rec.property() + ": DISAGREE " + PolicyPage.text(c));
                }
            }
        }
        w.print(t);
        w.println();
        w.println("cells: ok, or the violation (deadlock, inv = invariant, live = liveness); counterexamples:");
        notes.forEach(w::println);
    }

    /** "invariant:X" as "inv", "liveness:X" as "live": the column already names X. */
    private static String short_(String verdict) {
        if (verdict.startsWith("invariant:")) {
            return "inv";
        }
        if (verdict.startsWith("liveness:")) {
            return "live";
        }
        return verdict;
    }

    private static int exitCode(List<PolicyPage.Row> table) {
        boolean disagree = false;
        boolean inconclusive = false;
        for (PolicyPage.Row r : table) {
            for (PolicyPage.Cell c : r.cells().values()) {
                disagree |= !c.agree();
                inconclusive |= c.verdicts().values().stream().anyMatch(Verdicts::isInconclusive);
            }
        }
        return disagree ? ExitCodes.MISMATCH : inconclusive ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }

    private static String json(Path root, Protocol p, Variant design, List<String> axes, List<String> properties,
                               List<Row> rows) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = m.createObjectNode();
        doc.put("protocol", p.name());
        doc.put("variant", design.name());
        axes.forEach(doc.putArray("axes")::add);
        properties.forEach(doc.putArray("properties")::add);
        ArrayNode arr = doc.putArray("rows");
        for (Row r : rows) {
            ObjectNode row = arr.addObject();
            ObjectNode s = row.putObject("settings");
            r.settings().forEach(s::put);
            ObjectNode cells = row.putObject("cells");
            for (ResultRecord rec : r.records()) {
                if (rec.property() == null) {
                    continue;
                }
                ObjectNode c = cells.has(rec.property()) ? (ObjectNode) cells.get(rec.property())
                        : cells.putObject(rec.property());
                ObjectNode one = c.putObject(rec.checker());
                one.put("verdict", rec.actual());
                one.put("trace", rec.trace());
            }
        }
        try {
            return m.writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, Main.oneLine(e.getMessage()));
        }
    }
}
