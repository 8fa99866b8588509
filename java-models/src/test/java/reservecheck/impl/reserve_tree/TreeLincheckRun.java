package reservecheck.impl.reserve_tree;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reservecheck.catalog.Variant;
import reservecheck.impl.common.LincheckOutcome;
import reservecheck.impl.common.LincheckRuns;

/**
 * One Lincheck run of a catalog entry's harness ({@link LincheckRuns}) over the body "build
 * the kernel with new, start the actors' threads, wait for them, rethrow what failed", and the
 * outcome in the catalog's vocabulary.  The harness records the schedule (so that the failing
 * interleaving's event log can be made and replayed, and a livelock judged, see Schedule and
 * CycleJudge), blocks on a hang (Lincheck then reports every thread stuck) and reads shared
 * memory between steps (see ReserveTree.pointBetweenSteps).
 */
final class TreeLincheckRun extends LincheckOutcome {
    private static final Pattern VERDICT = Pattern.compile("(invariant|liveness):([A-Za-z_][A-Za-z0-9_]*)");

    final OffHeapSink logs;
    final ReserveTreeHarness.Config config;

    private TreeLincheckRun(String verdict, LincheckRuns run, OffHeapSink logs, ReserveTreeHarness.Config config) {
        super(verdict, run, logs.invocations());
        this.config = config;
        this.logs = logs;
    }

    /**
     * Runs the variant's harness for at most {@code invocations} interleavings; with
     * {@code mustFail}, Lincheck must fail ({@link LincheckRuns#run}).
     *
     * @param passSample keep about one passing record in this many
     */
    static TreeLincheckRun run(Variant v, int invocations, int passSample, boolean mustFail) {
        ReserveTreeHarness.Config config = ReserveTreeHarness.Config.parse(TreeCatalog.harnessArgs(v,
                ReserveTreeHarness.RECORD + "=schedule", ReserveTreeHarness.ON_HANG + "=block",
                ReserveTreeHarness.POINTS_BETWEEN_STEPS + "=true", ReserveTreeHarness.ON_REVISIT + "=stop"));
        OffHeapSink sink = new OffHeapSink(64 << 20, passSample);
        Runnable body = () -> {
            sink.countInvocation();
            // the kernel is built with new inside the body: every interleaving a fresh one;
            // a thread's failure is rethrown from this (the main) thread
            ReserveTreeHarness.check(config, sink);
        };
        LincheckRuns run = LincheckRuns.run(v.name(), invocations, body, mustFail, sink::invocations);
        String verdict = run.report == null ? "ok" : verdictOf(run.report);
        if ("revisit".equals(verdict)) {
            verdict = judgeLoop(config, sink, run.report);
        }
        return new TreeLincheckRun(verdict, run, sink, config);
    }

    /**
     * Lincheck 3.7's report as a verdict.  A hang with "All unfinished threads are in
     * deadlock": the harness lets that happen only when every running actor sleeps with
     * nobody to wake it (the main thread then waits too): deadlock.  Otherwise the exception
     * the body rethrew: an InvariantViolation or LivenessViolation names its verdict.  Anything
     * else (Lincheck's own livelock report among them: the harness ends a livelock itself, so
     * that one would mean a loop the model does not judge fair) is an error.
     */
    static String verdictOf(String report) {
        if (report.contains("revisit: at step ")) {
            return "revisit";
        }
        if (report.contains("= Concurrent test has hung =")) {
            if (report.contains("All unfinished threads are in deadlock")) {
                return "deadlock";
            }
            return "error:lincheck hang that is not a deadlock";
        }
        Matcher m = VERDICT.matcher(report);
        if (m.find()) {
            return m.group(1) + ":" + m.group(2);
        }
        return "error:lincheck " + LincheckRuns.firstLine(report);
    }

    private static final Pattern REVISIT = Pattern.compile("revisit: at step (\\d+) the run is back in the state of step (\\d+)");

    /**
     * The run stopped where it came back to a state (on_revisit=stop): its loop judged here,
     * outside Lincheck, as CycleJudge judges it in a plain run.  The failing interleaving's
     * schedule runs again to its states; a weakly fair loop that leaves a request unanswered is
     * the liveness verdict, any other loop an error (the harness would have gone on).
     */
    static String judgeLoop(ReserveTreeHarness.Config config, OffHeapSink sink, String report) {
        Matcher m = REVISIT.matcher(report);
        if (!m.find() || sink.records(LogSink.FAILED).isEmpty()) {
            return "error:lincheck stopped at a revisit without its record";
        }
        int from = Integer.parseInt(m.group(2));
        int[] states = Schedule.states(config.params, config.layout, sink.records(LogSink.FAILED).get(0));
        String v = config.judge.verdict(states, from);
        return v != null ? v : "error:a loop that is not weakly fair, from step " + from;
    }
}
