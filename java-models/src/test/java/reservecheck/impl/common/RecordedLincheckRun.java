package reservecheck.impl.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reservecheck.catalog.Variant;

/**
 * One Lincheck run of a catalog entry's recording harness ({@link RecordedHarness}, {@link
 * LincheckRuns}) over the body "build the kernel with new, start the tasks' threads, wait for
 * them, rethrow what failed".  The harness records every step with the state after it (so the
 * failing interleaving's event log is replayed and a livelock judged; with the schedule alone,
 * record=schedule, Lincheck's first interleaving of netrx_merged_2012 hung, unexplained so far),
 * blocks on a hang (Lincheck then reports every thread stuck), reads shared memory between steps
 * and stops at a revisited state, whose loop is judged here, outside Lincheck (a replay inside a
 * step reads to Lincheck as a spinning thread).
 */
public final class RecordedLincheckRun<C> extends LincheckOutcome {
    private static final Pattern REVISIT = Pattern.compile("revisit: at step (\\d+) the run is back in the state of step (\\d+)");

    public final IntRecordSink logs;
    public final C config;

    private RecordedLincheckRun(String verdict, LincheckRuns run, IntRecordSink logs, C config) {
        super(verdict, run, logs.invocations());
        this.logs = logs;
        this.config = config;
    }

    public static <C> RecordedLincheckRun<C> run(RecordedHarness<C, ?, ?> h, Variant v, int invocations,
                                                 int passSample, boolean mustFail) {
        C config = h.parse(h.args(v, "record=true", "on_hang=block", "points_between_steps=true",
                "on_revisit=stop"));
        IntRecordSink sink = new IntRecordSink(64 << 20, passSample);
        RunSink<int[]> asSink = sink;
        Runnable body = () -> {
            sink.countInvocation();
            // a fresh kernel every interleaving; a thread's failure is rethrown from this thread
            h.check(config, asSink);
        };
        LincheckRuns run = LincheckRuns.run(v.name(), invocations, body, mustFail, sink::invocations);
        String verdict = run.report == null ? "ok" : LincheckRuns.specVerdict(run.report);
        if ("revisit".equals(verdict)) {
            verdict = judgeLoop(h, config, sink, run.report);
        }
        return new RecordedLincheckRun<>(verdict, run, sink, config);
    }

    /** The stopped run's loop judged as a plain run judges it: a weakly fair loop's verdict, else an error. */
    private static <C> String judgeLoop(RecordedHarness<C, ?, ?> h, C config, IntRecordSink sink, String report) {
        Matcher m = REVISIT.matcher(report);
        if (!m.find() || sink.records(RunSink.FAILED).isEmpty()) {
            return "error:lincheck stopped at a revisit without its record";
        }
        int from = Integer.parseInt(m.group(2));
        String v = h.judgeLoop(config, sink.records(RunSink.FAILED).get(0), from);
        return v != null ? v : "error:a loop that is not weakly fair, from step " + from;
    }
}
