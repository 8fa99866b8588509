package reservecheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import reservecheck.results.JUnitXmlWriter;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.traces.html.ReportWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * {@code reservecheck merge SHARD/results.json...}: joins the results of {@code check --shard}
 * runs (or of any runs) into one results folder, as one unsharded run writes it: the results
 * file, the JUnit XML per checker, the traces and the HTML report.  A record of a later file
 * replaces one with the same (variant, checker), as in every merge into a results file.  The
 * exit code is check's for the joined records, so the merge job carries the whole verdict.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Joins the results files of sharded check runs into one, with its JUnit XML and HTML report.")
final class MergeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "RESULTS.json", arity = "1..*", description = "the shards' results files")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--results", paramLabel = "FILE", description = "the joined results file (default: results/results.json)")
    Path results;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "also append the verdict table as Markdown to FILE (e.g. $GITHUB_STEP_SUMMARY)")
    Path summary;

    @Override
    public Integer call() {
        CliContext ctx = main.context;
        Path root = ctx.root();
        Path out = (results != null ? ctx.resolve(results) : root.resolve(ResultsFile.DEFAULT)).toAbsolutePath()
                .normalize();
        Path outDir = out.getParent();

        Map<String, ResultRecord> byKey = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        for (Path p : inputs) {
            Path in = ctx.resolve(p).toAbsolutePath().normalize();
            if (!Files.isRegularFile(in)) {
                throw new CliException(ExitCodes.USAGE, in + ": no such results file");
            }
            if (in.equals(out)) {
                throw new CliException(ExitCodes.USAGE, in + " is the joined file itself: name another with --results");
            }
            List<ResultRecord> recs;
            try {
                recs = new ResultsFile(in).read();
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, Main.oneLine(e.getMessage()));
            }
            for (ResultRecord r : recs) {
                // a check --per-property record is one cell of its (variant, checker): keyed by its property too
                byKey.put(r.variant() + "\u0000" + r.checker() + (r.property() == null ? "" : "\u0000" + r.property()),
                        moved(root, r, in.getParent(), outDir));
            }
            dirs.add(in.getParent());
        }
        List<ResultRecord> records = new ArrayList<>(byKey.values());
        records.sort(inRunOrder(root));
        try {
            for (Path d : dirs) {
                copyTraces(d.resolve("traces"), outDir.resolve("traces"));
            }
            new ResultsFile(out).mergeWithJUnit(records);
            ReportWriter.Summary report = ReportWriter.writeFor(out);
            VerdictTable table = VerdictTable.of(records);
            ctx.out().print(table.text());
            ctx.out().flush();
            if (summary != null) {
                Path s = ctx.resolve(summary);
                Files.writeString(s, table.markdown(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
            ctx.err().println("joined " + inputs.size() + (inputs.size() == 1 ? " file: " : " files: ")
                    + records.size() + " records; report: " + Commands.display(root, report.index()));
            ctx.err().println("results: " + Commands.display(root, out) + ", JUnit XML in "
                    + Commands.display(root, JUnitXmlWriter.junitDir(out)));
        } catch (IOException | RuntimeException e) {
            throw new CliException(ExitCodes.CRASH, "cannot write the joined results to " + outDir + ": "
                    + Main.oneLine(e.getMessage()));
        }
        return ExitCodes.afterRunning(records);
    }

    /**
     * The order of an unsharded check's table: the catalog's variants in its
     * order, each with its checkers in check's order; records the catalog does not know last.
     */
    private static Comparator<ResultRecord> inRunOrder(Path root) {
        List<String> variants = new ArrayList<>();
        try {
            Commands.loadCatalog(root).variants().forEach(v -> variants.add(v.name()));
        } catch (CliException e) {
            // no catalog to order by: the results file's own order
        }
        ToIntFunction<ResultRecord> variant = r -> variants.contains(r.variant()) ? variants.indexOf(r.variant())
                : Integer.MAX_VALUE;
        ToIntFunction<ResultRecord> checker = r -> CheckCommand.CHECKERS.contains(r.checker())
                ? CheckCommand.CHECKERS.indexOf(r.checker()) : Integer.MAX_VALUE;
        return Comparator.comparingInt(variant).thenComparing(ResultRecord::protocol)
                .thenComparing(ResultRecord::variant).thenComparingInt(checker).thenComparing(ResultRecord::checker);
    }

    /** The record with its trace path pointing into the joined folder, where the trace is copied. */
    private static ResultRecord moved(Path root, ResultRecord r, Path from, Path to) {
        if (r.trace() == null) {
            return r;
        }
        Path t = root.resolve(r.trace()).toAbsolutePath().normalize();
        return t.startsWith(from) ? r.withTrace(Commands.display(root, to.resolve(from.relativize(t)))) : r;
    }

    private static void copyTraces(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from) || from.equals(to)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
