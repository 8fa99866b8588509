package reservecheck.impl.mempool;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import reservecheck.catalog.Variant;

/**
 * One Lincheck run of a catalog entry's harness: {@code Lincheck.runConcurrentTest} over the
 * body "build the pool with new, start the tasks' threads, wait for them, rethrow what failed,
 * check every task finished and the invariants", and the outcome in the catalog's vocabulary.
 */
final class LincheckRun {
    private static final Pattern INVARIANT = Pattern.compile("invariant:([A-Za-z_][A-Za-z0-9_]*)");

    final String verdict;
    /** Lincheck's report for a failure (the interleaving), else null. */
    final String report;
    final double seconds;
    /** Interleavings run, counting the ones Lincheck repeats to print a failure. */
    final long invocations;
    final OffHeapLogSink logs;

    private LincheckRun(String verdict, String report, double seconds, long invocations, OffHeapLogSink logs) {
        this.verdict = verdict;
        this.report = report;
        this.seconds = seconds;
        this.invocations = invocations;
        this.logs = logs;
    }

    /**
     * Runs the variant's harness for at most {@code invocations} interleavings.
     *
     * @param sleep     "unfair" or "timed" (see Mempool.SLEEP_UNFAIR)
     * @param passSample keep about one passing log in this many
     */
    static LincheckRun run(Variant v, int invocations, String sleep, int passSample) {
        return run(v, invocations, sleep, passSample, false);
    }

    /**
     * The same; with {@code mustFail}, the harness must make Lincheck fail (assertThrows of
     * LincheckAssertionError): the proof that the harness can fail at all, on an entry the
     * catalog expects Lincheck to find.
     */
    static LincheckRun run(Variant v, int invocations, String sleep, int passSample, boolean mustFail) {
        MempoolHarness.Config config = MempoolHarness.Config.parse(
                ImplCatalog.harnessArgs(v, MempoolHarness.SLEEP + "=" + sleep, MempoolHarness.ON_HANG + "=block",
                        MempoolHarness.RECORD + "=true", MempoolHarness.POINTS_BETWEEN_STEPS + "=true"));
        OffHeapLogSink sink = new OffHeapLogSink(64 << 20, passSample,
                config.params().taskNames().toArray(new String[0]));
        Runnable body = () -> {
            sink.countInvocation();
            // builds the pool with new inside the body, so every interleaving explores a
            // fresh one; rethrows a task's failure from this (the main) thread
            MempoolHarness.check(config, sink);
        };
        long t0 = System.nanoTime();
        String report = null;
        if (mustFail) {
            report = assertThrows(LincheckAssertionError.class, () -> Lincheck.runConcurrentTest(invocations, body),
                    v.name() + ": Lincheck found nothing in " + invocations + " interleavings").getMessage();
        } else {
            try {
                Lincheck.runConcurrentTest(invocations, body);
            } catch (LincheckAssertionError e) {
                report = e.getMessage();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String verdict = report == null ? "ok" : verdictOf(report, v);
        return new LincheckRun(verdict, report, seconds, sink.invocations(), sink);
    }

    /**
     * Lincheck 3.7's report as a verdict.  "= Concurrent test has hung =" with "All unfinished
     * threads are in deadlock": every thread waits forever, which the harness only lets happen
     * when every unfinished task sleeps on the pool with nobody to wake it (the main thread
     * then waits too): {@link MempoolHarness#hangVerdict}.  "... in livelock": tasks retry for
     * ever without returning from mempool_alloc (timed sleeps): AllocReturns fails.  Otherwise
     * the exception the body rethrew: an InvariantViolation names its invariant.
     */
    static String verdictOf(String report, Variant v) {
        if (report.contains("= Concurrent test has hung =")) {
            if (report.contains("All unfinished threads are in deadlock")) {
                return MempoolHarness.hangVerdict(ImplCatalog.params(v));
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
        String first = report.strip().lines().findFirst().orElse("");
        return "error:lincheck " + first;
    }

    /** The interleaving part of a report (Lincheck prints it, then the detailed trace). */
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
