package reservecheck.impl.mempool;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reservecheck.catalog.Variant;
import reservecheck.impl.common.LincheckOutcome;
import reservecheck.impl.common.LincheckRuns;

/**
 * One Lincheck run of a catalog entry's harness ({@link LincheckRuns}) over the body "build
 * the pool with new, start the tasks' threads, wait for them, rethrow what failed, check every
 * task finished and the invariants", and the outcome in the catalog's vocabulary.
 */
final class LincheckRun extends LincheckOutcome {
    private static final Pattern INVARIANT = Pattern.compile("invariant:([A-Za-z_][A-Za-z0-9_]*)");

    final OffHeapLogSink logs;

    private LincheckRun(String verdict, LincheckRuns run, OffHeapLogSink logs) {
        super(verdict, run, logs.invocations());
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

    /** The same; with {@code mustFail}, Lincheck must fail ({@link LincheckRuns#run}). */
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
        LincheckRuns run = LincheckRuns.run(v.name(), invocations, body, mustFail, sink::invocations);
        String verdict = run.report == null ? "ok" : verdictOf(run.report, v);
        return new LincheckRun(verdict, run, sink);
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
        return "error:lincheck " + LincheckRuns.firstLine(report);
    }
}
