package reservecheck.impl.alloc_policy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reservecheck.catalog.Variant;
import reservecheck.impl.common.IntRecordSink;
import reservecheck.impl.common.LincheckOutcome;
import reservecheck.impl.common.LincheckRuns;
import reservecheck.impl.common.ProtocolEntries;
import reservecheck.impl.common.RunSink;

/**
 * One Lincheck run of a catalog entry's alloc_policy harness ({@link LincheckRuns}) over the body
 * "build the kernel with new, start the threads, wait for them, rethrow what failed".  The
 * harness records every step with the state after it (so the failing interleaving's event log
 * is replayed and a livelock judged), blocks on a hang (Lincheck then reports every thread
 * stuck), reads shared memory between steps and stops at a revisited state, whose loop is
 * judged here, outside Lincheck (a replay inside a step reads to Lincheck as a spinning thread).
 */
final class AllocPolicyLincheckRun extends LincheckOutcome {
    private static final Pattern REVISIT = Pattern.compile("revisit: at step (\\d+) the run is back in the state of step (\\d+)");

    final IntRecordSink logs;
    final AllocPolicyHarness.Config config;

    private AllocPolicyLincheckRun(String verdict, LincheckRuns run, IntRecordSink logs, AllocPolicyHarness.Config config) {
        super(verdict, run, logs.invocations());
        this.logs = logs;
        this.config = config;
    }

    static String[] harnessArgs(Variant v, String... extra) {
        return ProtocolEntries.harnessArgs(v, List.of(
                AllocPolicyHarness.INVARIANTS + "=" + String.join(",", v.checks().invariants()),
                AllocPolicyHarness.PROPERTIES + "=" + String.join(",", v.checks().properties())), extra);
    }

    static AllocPolicyLincheckRun run(Variant v, int invocations, int passSample, boolean mustFail) {
        AllocPolicyHarness.Config config = AllocPolicyHarness.Config.parse(harnessArgs(v, AllocPolicyHarness.RECORD + "=true",
                AllocPolicyHarness.ON_HANG + "=block", AllocPolicyHarness.POINTS_BETWEEN_STEPS + "=true",
                AllocPolicyHarness.ON_REVISIT + "=stop"));
        IntRecordSink sink = new IntRecordSink(64 << 20, passSample);
        RunSink<int[]> asSink = sink;
        Runnable body = () -> {
            sink.countInvocation();
            // a fresh kernel every interleaving; a thread's failure is rethrown from this thread
            AllocPolicyHarness.check(config, asSink);
        };
        LincheckRuns run = LincheckRuns.run(v.name(), invocations, body, mustFail);
        String verdict = run.report == null ? "ok" : LincheckRuns.specVerdict(run.report);
        if ("revisit".equals(verdict)) {
            verdict = judgeLoop(config, sink, run.report);
        }
        return new AllocPolicyLincheckRun(verdict, run, sink, config);
    }

    /** The stopped run's loop judged as a plain run judges it: a weakly fair loop's verdict, else an error. */
    private static String judgeLoop(AllocPolicyHarness.Config config, IntRecordSink sink, String report) {
        Matcher m = REVISIT.matcher(report);
        if (!m.find() || sink.records(RunSink.FAILED).isEmpty()) {
            return "error:lincheck stopped at a revisit without its record";
        }
        int from = Integer.parseInt(m.group(2));
        String v = config.judge.verdict(sink.records(RunSink.FAILED).get(0), from);
        return v != null ? v : "error:a loop that is not weakly fair, from step " + from;
    }
}
