package reservecheck.cli;

import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One variant under one set of overrides through {@code check --per-property}, in a folder of its
 * own (results.json, traces/, work/): what {@code diff --variant} runs for each of its two
 * policies and {@code policies} for each combination of a protocol's axes.  A mismatch with the
 * catalog is what a policy change is expected to give and is returned like a match; bad input
 * (an unknown name, a bad override, ...) is the check's own error, raised with its exit code.
 */
final class PerPropertyRun {

    private PerPropertyRun() {
    }

    /**
     * @param label    names the run in messages ("policy a", "combination 3")
     * @param checkers tlc and/or explorer; empty for both
     * @param settings NAME=VALUE overrides
     * @param timeoutSeconds per model, or null for check's default
     */
    static List<ResultRecord> check(CliContext ctx, Path dir, String variant, List<String> checkers,
                                    List<String> settings, Long timeoutSeconds, String label) {
        return check(ctx, dir, variant, checkers, settings, timeoutSeconds, label, true);
    }

    /** As above; {@code perProperty} false: one verdict per checker, the first violation (frontier's TLC run). */
    static List<ResultRecord> check(CliContext ctx, Path dir, String variant, List<String> checkers,
                                    List<String> settings, Long timeoutSeconds, String label, boolean perProperty) {
        Path results = dir.resolve("results.json");
        try {
            WorkDirs.fresh(dir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, "cannot prepare " + dir + ": " + Main.oneLine(e.getMessage()));
        }
        List<String> args = args(dir, List.of("--variant", variant), checkers, settings, timeoutSeconds);
        if (!perProperty) {
            args.remove("--per-property");
        }
        ctx.err().println(label + ": check " + String.join(" ", args.subList(1, args.size())));
        ctx.err().flush();
        return inProcess(ctx, ctx.root(), args, results, label);
    }

    /**
     * The command line of {@code check --per-property} over {@code selection} (--variant V,
     * --protocol P, ...), its records, traces and work going to {@code dir}.
     */
    static List<String> args(Path dir, List<String> selection, List<String> checkers, List<String> settings,
                             Long timeoutSeconds) {
        List<String> args = new ArrayList<>(List.of("check", "--per-property"));
        args.addAll(selection);
        args.addAll(List.of("--results", dir.resolve("results.json").toString(),
                "--work", dir.resolve("work").toString()));
        for (String c : checkers.isEmpty() ? PropertyCells.CHECKERS : checkers) {
            args.add("--checker");
            args.add(c);
        }
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        if (timeoutSeconds != null) {
            args.add("--timeout");
            args.add(String.valueOf(timeoutSeconds));
        }
        return args;
    }

    /** {@code args} (a check command line) run in this process against the checkout at {@code root}. */
    static List<ResultRecord> inProcess(CliContext ctx, Path root, List<String> args, Path results, String label) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext inner = new CliContext(root, new PrintWriter(out), new PrintWriter(err), false,
                ctx.runner(), ctx.cwd());
        int code = Main.execute(args.toArray(String[]::new), inner);
        // the run's coverage warnings (OverrideCoverage) are the user's to see; the rest of its stderr is progress
        err.toString().lines().filter(l -> l.startsWith(WARNING))
                .forEach(l -> ctx.err().println(WARNING + label + ": " + l.substring(WARNING.length())));
        return accepted(code, err.toString(), results, label);
    }

    private static final String WARNING = "reservecheck: warning: ";

    /** The run's records; a run that ended on bad input (or wrote no results) ends the caller with its line. */
    static List<ResultRecord> accepted(int code, String err, Path results, String label) {
        if (code != ExitCodes.OK && code != ExitCodes.MISMATCH && code != ExitCodes.CRASH
                && code != ExitCodes.INCONCLUSIVE || !Files.isRegularFile(results)) {
            String line = err.lines().filter(l -> l.startsWith("reservecheck: ") && !l.startsWith(WARNING)).findFirst()
                    .map(l -> l.substring("reservecheck: ".length())).orElse("check exited " + code);
            throw new CliException(code == ExitCodes.OK ? ExitCodes.CRASH : code, label + ": " + line);
        }
        try {
            return new ResultsFile(results).read();
        } catch (IOException | RuntimeException e) {
            throw new CliException(ExitCodes.CRASH, label + ": " + Main.oneLine(e.getMessage()));
        }
    }
}
