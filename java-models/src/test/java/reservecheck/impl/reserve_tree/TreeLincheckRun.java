package reservecheck.impl.reserve_tree;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import reservecheck.catalog.Variant;

/**
 * One Lincheck run of a catalog entry's harness: {@code Lincheck.runConcurrentTest} over the
 * body "build the kernel with new, start the actors' threads, wait for them, rethrow what
 * failed", and the outcome in the catalog's vocabulary.
 */
final class TreeLincheckRun {
    private static final Pattern INVARIANT = Pattern.compile("invariant:([A-Za-z_][A-Za-z0-9_]*)");

    final String verdict;
    final String report;
    final double seconds;
    final long invocations;
    final OffHeapSink logs;

    private TreeLincheckRun(String verdict, String report, double seconds, long invocations, OffHeapSink logs) {
        this.verdict = verdict;
        this.report = report;
        this.seconds = seconds;
        this.invocations = invocations;
        this.logs = logs;
    }

    static TreeLincheckRun run(Variant v, int invocations, int passSample) {
        ReserveTreeHarness.Config config = ReserveTreeHarness.Config.parse(TreeCatalog.harnessArgs(v));
        OffHeapSink sink = new OffHeapSink(64 << 20, passSample);
        long t0 = System.nanoTime();
        String report = null;
        try {
            Lincheck.runConcurrentTest(invocations, () -> {
                sink.countInvocation();
                // the kernel is built with new inside the body: every interleaving a fresh one;
                // a thread's failure is rethrown from this (the main) thread
                ReserveTreeHarness.check(config, sink);
            });
        } catch (LincheckAssertionError e) {
            report = e.getMessage();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String verdict = report == null ? "ok" : verdictOf(report);
        return new TreeLincheckRun(verdict, report, seconds, sink.invocations(), sink);
    }

    /**
     * Lincheck 3.7's report as a verdict.  A hang with "All unfinished threads are in
     * deadlock": the harness lets that happen only when every running actor sleeps with
     * nobody to wake it (the main thread then waits too): deadlock.  "... livelock": an actor
     * loops in the allocator without returning: AllocReturns fails.  Otherwise the exception the
     * body rethrew: an InvariantViolation names its invariant.
     */
    static String verdictOf(String report) {
        if (report.contains("= Concurrent test has hung =")) {
            if (report.contains("All unfinished threads are in deadlock")) {
                return "deadlock";
            }
            if (report.contains("livelock")) {
                return "liveness:AllocReturns";
            }
            return "error:lincheck hang of an unknown kind";
        }
        Matcher m = INVARIANT.matcher(report);
        if (m.find()) {
            return "invariant:" + m.group(1);
        }
        return "error:lincheck " + report.strip().lines().findFirst().orElse("");
    }

    /** The interleaving part of a report. */
    static String schedule(String report) {
        if (report == null) {
            return null;
        }
        int from = report.indexOf("The following interleaving leads to the error:");
        int to = report.indexOf("Detailed trace:");
        if (from < 0) {
            return report;
        }
        return to > from ? report.substring(from, to) : report.substring(from);
    }
}
