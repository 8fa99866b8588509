package reservecheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import reservecheck.catalog.BadParameterException;
import reservecheck.catalog.Overrides;
import reservecheck.catalog.Variant;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.traces.html.DiffHtml;
import reservecheck.traces.html.ReportWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code reservecheck diff}: which (variant, checker, property) cells flip between two runs, old
 * to new, with the counterexample of each new failure.  Three forms: two results files, two
 * policies of one variant, or two git revisions of the repository (each in a temporary worktree,
 * {@link RevisionRuns}); each side is checked with {@code check --per-property} in a folder of its
 * own.  Exit 0 when nothing flips, 1 when a cell does, 8 when only cells without a verdict on
 * one side differ.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Shows the (variant, checker, property) cells whose verdict differs between two results "
                + "files, two policies of one variant (--variant V --a-set ... --b-set ...), or two git revisions "
                + "(--a-rev REV --b-rev REV [--variant V | --protocol P]...).")
final class DiffCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..2", description = "two results files: old, then new")
    List<Path> files = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "V",
            description = "check this variant under two policies (with --a-rev/--b-rev: repeatable)")
    List<String> variants = new ArrayList<>();

    @Option(names = "--protocol", paramLabel = "P", description = "with --a-rev/--b-rev: check this protocol's entries (repeatable)")
    List<String> protocols = new ArrayList<>();

    @Option(names = "--a-rev", paramLabel = "REV", description = "the old git revision of the repository")
    String aRev;

    @Option(names = "--b-rev", paramLabel = "REV", description = "the new git revision of the repository")
    String bRev;

    @Option(names = "--no-build", description = "with --a-rev/--b-rev: check each revision's catalog and specs with "
            + "this build's code instead of building the revision (for revisions that differ in catalog or spec only)")
    boolean noBuild;

    @Option(names = "--a-set", paramLabel = "NAME=VALUE", description = "the old policy's overrides (repeatable)")
    List<String> aSettings = new ArrayList<>();

    @Option(names = "--b-set", paramLabel = "NAME=VALUE", description = "the new policy's overrides (repeatable)")
    List<String> bSettings = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "overrides both policies share (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--checker", paramLabel = "C", description = "tlc or explorer (repeatable; default: both)")
    List<String> checkers = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "S", description = "seconds per model (default: check's)")
    Long timeoutSeconds;

    @Option(names = "--work", paramLabel = "DIR", description = "where the two runs go (default: target/reservecheck-diff)")
    Path work;

    @Option(names = "--json", description = "print the flips as JSON instead of a table")
    boolean json;

    @Override
    public Integer call() {
        CliContext ctx = main.context;
        Path root = ctx.root();
        List<ResultRecord> a;
        List<ResultRecord> b;
        String aName;
        String bName;
        Path newDir;
        Path base = work != null ? ctx.resolve(work) : root.resolve("target/reservecheck-diff");
        if (aRev != null || bRev != null) {
            if (aRev == null || bRev == null || !files.isEmpty() || !aSettings.isEmpty() || !bSettings.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "give both --a-rev and --b-rev, without results files, --a-set or --b-set");
            }
            // both names before either side is checked out or built
            String aCommit = RevisionRuns.resolve(root, aRev);
            String bCommit = RevisionRuns.resolve(root, bRev);
            aName = aRev + " (" + aCommit.substring(0, 12) + ")";
            bName = bRev + " (" + bCommit.substring(0, 12) + ")";
            a = checkRevision(ctx, base.resolve("rev-a"), aRev, "a");
            b = checkRevision(ctx, base.resolve("rev-b"), bRev, "b");
            newDir = base.resolve("rev-b");
        } else if (!variants.isEmpty()) {
            if (!files.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give two results files or --variant, not both");
            }
            if (variants.size() != 1 || !protocols.isEmpty() || noBuild) {
                throw new ParameterException(spec.commandLine(),
                        "two policies take one --variant (several, --protocol and --no-build need --a-rev/--b-rev)");
            }
            String variant = variants.get(0);
            validate(root, variant);
            aName = variant + describe(aSettings);
            bName = variant + describe(bSettings);
            a = checkPolicy(ctx, base.resolve("a"), aSettings, "a");
            b = checkPolicy(ctx, base.resolve("b"), bSettings, "b");
            newDir = base.resolve("b");
        } else {
            if (files.size() != 2) {
                throw new ParameterException(spec.commandLine(), "give two results files (old, new) or --variant V");
            }
            if (!aSettings.isEmpty() || !bSettings.isEmpty() || !settings.isEmpty() || !checkers.isEmpty()
                    || !protocols.isEmpty() || noBuild) {
                throw new ParameterException(spec.commandLine(),
                        "--a-set, --b-set, --set, --checker, --protocol and --no-build need --variant or --a-rev/--b-rev");
            }
            aName = Commands.display(root, ctx.resolve(files.get(0)));
            bName = Commands.display(root, ctx.resolve(files.get(1)));
            a = read(ctx.resolve(files.get(0)));
            b = read(ctx.resolve(files.get(1)));
            newDir = ctx.resolve(files.get(1)).getParent();
        }
        List<ResultsDiff.Flip> flips = ResultsDiff.flips(a, b);
        int cells = ResultsDiff.cells(a, b);
        writePage(ctx, root, newDir, aName, bName, cells, flips);
        if (json) {
            printJson(ctx, root, aName, bName, cells, flips);
        } else {
            printTable(ctx, root, aName, bName, cells, flips);
        }
        if (flips.stream().anyMatch(f -> !f.inconclusive())) {
            return ExitCodes.MISMATCH;
        }
        return flips.isEmpty() ? ExitCodes.OK : ExitCodes.INCONCLUSIVE;
    }

    /** Bad input before either policy runs: an unknown variant (3), a bad override on either side (5). */
    private void validate(Path root, String variant) {
        Variant v = Commands.loadCatalog(root).variant(variant).orElseThrow(() -> new CliException(
                ExitCodes.UNKNOWN_NAME, "unknown variant " + variant + " (see 'reservecheck list')"));
        for (List<String> side : List.of(aSettings, bSettings)) {
            List<String> all = new ArrayList<>(settings);
            all.addAll(side);
            try {
                v.withOverrides(Overrides.parse(all));
            } catch (BadParameterException e) {
                throw new CliException(ExitCodes.BAD_PARAMETER, e.getMessage());
            }
        }
    }

    private static String describe(List<String> sets) {
        return sets.isEmpty() ? " (catalog)" : " " + String.join(" ", sets);
    }

    private static List<ResultRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCodes.USAGE, "no results file " + file);
        }
        try {
            return new ResultsFile(file).read();
        } catch (IOException | RuntimeException e) {
            throw new CliException(ExitCodes.USAGE, Main.oneLine(e.getMessage()));
        }
    }

    /** One side: {@code check --per-property} of the variant with the shared and the side's overrides. */
    private List<ResultRecord> checkPolicy(CliContext ctx, Path dir, List<String> side, String label) {
        Path results = fresh(dir).resolve("results.json");
        List<String> args = checkArgs(dir, side);
        ctx.err().println("policy " + label + ": check " + String.join(" ", args.subList(1, args.size())));
        ctx.err().flush();
        return PerPropertyRun.inProcess(ctx, ctx.root(), args, results, "policy " + label);
    }

    /**
     * One side of a revision diff: the revision in a temporary worktree, built there and checked by
     * its own {@code bin/reservecheck} (or, with --no-build, checked by this build), the worktree
     * removed afterwards.  The results and traces are written outside the worktree, so they outlive it.
     */
    private List<ResultRecord> checkRevision(CliContext ctx, Path dir, String rev, String label) {
        Path results = fresh(dir).resolve("results.json");
        List<String> args = checkArgs(dir, List.of());
        try (RevisionRuns r = RevisionRuns.checkout(ctx.root(), rev)) {
            ctx.err().println("revision " + label + ": " + rev + " (" + r.commit().substring(0, 12) + ") in " + r.root());
            ctx.err().flush();
            if (noBuild) {
                return PerPropertyRun.inProcess(ctx, r.root(), args, results, "revision " + rev);
            }
            ctx.err().println("revision " + label + ": mvn -o -q package -DskipTests");
            ctx.err().flush();
            r.build(dir.resolve("build.log"));
            Path log = dir.resolve("check.log");
            List<String> cmd = new ArrayList<>(List.of(r.root().resolve("bin/reservecheck").toString()));
            cmd.addAll(args);
            ctx.err().println("revision " + label + ": check " + String.join(" ", args.subList(1, args.size())));
            ctx.err().flush();
            int code = r.run(cmd, log);
            String err;
            try {
                err = Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err = "";
            }
            return PerPropertyRun.accepted(code, err, results, "revision " + rev);
        }
    }

    private static Path fresh(Path dir) {
        try {
            return WorkDirs.fresh(dir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, "cannot prepare " + dir + ": " + Main.oneLine(e.getMessage()));
        }
    }

    /** The arguments of one side's {@code check --per-property}, its records going to {@code dir}. */
    private List<String> checkArgs(Path dir, List<String> side) {
        List<String> selection = new ArrayList<>();
        variants.forEach(v -> selection.addAll(List.of("--variant", v)));
        protocols.forEach(p -> selection.addAll(List.of("--protocol", p)));
        List<String> all = new ArrayList<>(settings);
        all.addAll(side);
        return PerPropertyRun.args(dir, selection, checkers, all, timeoutSeconds);
    }

    /** diff.html beside the new side's index.html, and the index again, now linking it. */
    private static void writePage(CliContext ctx, Path root, Path dir, String aName, String bName, int cells,
                                  List<ResultsDiff.Flip> flips) {
        List<DiffHtml.Flip> rows = flips.stream().map(f -> new DiffHtml.Flip(f.protocol(), f.variant(), f.checker(),
                f.property(), f.oldVerdict(), f.newVerdict(), f.newFailure(), f.after())).toList();
        try {
            Path page = DiffHtml.write(dir, aName, bName, cells, rows);
            if (Files.isRegularFile(dir.resolve("results.json"))) {
                ReportWriter.writeAll(dir); // the index of those results, now with its link to the page
            }
            ctx.err().println("report: " + Commands.display(root, page));
        } catch (IOException | RuntimeException e) {
            // the table and the exit code are the diff; a page that cannot be written is only said
            ctx.err().println("report: diff.html not written: " + Main.oneLine(e.getMessage()));
        }
        ctx.err().flush();
    }

    private static String cell(ResultsDiff.Flip f) {
        return f.property() == null ? "-" : f.property();
    }

    private void printTable(CliContext ctx, Path root, String aName, String bName, int cells,
                            List<ResultsDiff.Flip> flips) {
        PrintWriter out = ctx.out();
        out.println("old: " + aName);
        out.println("new: " + bName);
        out.println();
        if (!flips.isEmpty()) {
            TextTable t = new TextTable("protocol", "variant", "checker", "property", "old", "new");
            for (ResultsDiff.Flip f : flips) {
                t.add(f.protocol(), f.variant(), f.checker(), cell(f), f.oldVerdict(), f.newVerdict());
            }
            out.print(t);
            for (ResultsDiff.Flip f : flips) {
                if (f.newFailure()) {
                    out.println();
                    out.println("  " + f.variant() + " (" + f.checker() + " / " + cell(f) + "): " + f.newVerdict());
                    String text = counterexample(root, f.after());
                    text.lines().forEach(l -> out.println("    " + l));
                }
            }
            out.println();
        }
        long conclusive = flips.stream().filter(f -> !f.inconclusive()).count();
        out.println(cells + (cells == 1 ? " cell, " : " cells, ") + conclusive + " flip" + (conclusive == 1 ? "" : "s")
                + (conclusive == flips.size() ? "" : ", " + (flips.size() - conclusive) + " without a verdict on one side"));
        out.flush();
    }

    private void printJson(CliContext ctx, Path root, String aName, String bName, int cells,
                           List<ResultsDiff.Flip> flips) {
        ObjectNode n = JSON.createObjectNode();
        n.put("old", aName);
        n.put("new", bName);
        n.put("cells", cells);
        ArrayNode arr = n.putArray("flips");
        for (ResultsDiff.Flip f : flips) {
            ObjectNode o = arr.addObject();
            o.put("protocol", f.protocol());
            o.put("variant", f.variant());
            o.put("checker", f.checker());
            o.put("property", f.property());
            o.put("old", f.oldVerdict());
            o.put("new", f.newVerdict());
            o.put("inconclusive", f.inconclusive());
            if (f.newFailure()) {
                o.put("trace", f.after().trace());
                o.put("counterexample", counterexample(root, f.after()));
            }
        }
        try {
            ctx.out().println(JSON.writeValueAsString(n));
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, "cannot write JSON: " + Main.oneLine(e.getMessage()));
        }
        ctx.out().flush();
    }

    /** The new failure's counterexample as the checker wrote it, or why there is none to show. */
    private static String counterexample(Path root, ResultRecord r) {
        if (r.trace() == null) {
            return r.message() == null ? "(no counterexample recorded)" : r.message();
        }
        Path f = Path.of(r.trace());
        f = f.isAbsolute() ? f : root.resolve(f);
        try {
            return Files.readString(f, StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            return "(the counterexample " + r.trace() + " cannot be read: " + Main.oneLine(e.getMessage()) + ")";
        }
    }
}
