package reservecheck.impl.mempool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import reservecheck.catalog.Variant;
import reservecheck.impl.common.CatalogLincheckTest;
import reservecheck.impl.common.ModelReplay;
import reservecheck.models.lts.Transition;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.models.mempool.MempoolState;

/**
 * The Lincheck checker over the catalog's mempool entries ({@link CatalogLincheckTest}): the
 * harness's threads are the entry's tasks, bounds and policy from its parameters, with the
 * timed sleep run unfairly (see Mempool.SLEEP_UNFAIR).  For a hang the model must agree that
 * no fair step is left.
 *
 * <p>{@code reservecheck.lincheck.bugInvocations} defaults to 6000 here (an entry may raise its
 * own, as wake_up_first_waiter does).  The second run that shows the schedule is the same is
 * made when the first took under {@code reservecheck.lincheck.rerunSeconds} (default 20, as for
 * the reserve tree): Lincheck's search is deterministic, which every quick finding shows again,
 * and wake_up_first_waiter's 11,898 interleavings take about 100 s of make test's budget.
 */
class MempoolLincheckTest extends CatalogLincheckTest<LincheckRun, MempoolLincheckTest.Replays> {
    MempoolLincheckTest() {
        super(MempoolModel.PROTOCOL, 6000, Integer.getInteger("reservecheck.lincheck.rerunSeconds", 20));
    }

    @Override
    protected List<Variant> entries() {
        return ImplCatalog.withExpectation(CHECKER);
    }

    @Override
    protected LincheckRun run(Variant v, int invocations, boolean mustFail) {
        return LincheckRun.run(v, invocations, "unfair", PASS_SAMPLE, mustFail);
    }

    @Override
    protected Replays replay(Variant v, LincheckRun run) {
        return Replays.of(ImplCatalog.model(v), run);
    }

    @Override
    protected List<String> moreProblems(Variant v, LincheckRun run, Replays replays) {
        if (run.report != null && run.verdict.equals(MempoolHarness.hangVerdict(ImplCatalog.params(v)))) {
            return replays.hangChecks;
        }
        return List.of();
    }

    /**
     * The failing run's log with its verdict as a {@link RunLog} ({@code <variant>.log}), which
     * the traces module's tests (a later module: this one cannot depend on it) turn into the ITF
     * trace {@code <variant>.itf.json} (reservecheck.traces.ImplementationTraces).
     */
    @Override
    protected void writeSteps(Path dir, Variant v, LincheckRun run, Replays replays) throws IOException {
        Path runLog = dir.resolve(v.name() + ".log");
        if (replays.failingLog != null) {
            String end = LogSink.HUNG.equals(replays.failingKind) ? RunLog.HANG : RunLog.FAIL;
            Files.writeString(runLog, new RunLog(run.verdict, end, replays.failingLog).toText(), StandardCharsets.UTF_8);
        } else {
            // no log of this failure: an older run's must not pass for it
            Files.deleteIfExists(runLog);
        }
    }

    /** The replays of one Lincheck run's logs on the model. */
    static final class Replays extends CatalogLincheckTest.Replays {
        EventLog failingLog;
        /** LogSink.FAILED or LogSink.HUNG: how the failing run ended. */
        String failingKind;
        final List<String> hangChecks = new ArrayList<>();

        @Override
        protected String failingLogText() {
            return failingLog == null ? null : failingLog.toText();
        }

        static Replays of(MempoolModel model, LincheckRun run) {
            Replays r = new Replays();
            for (String kind : KINDS) {
                for (EventLog log : run.logs.logs(kind)) {
                    ModelReplay.Result<MempoolState> res = ModelReplay.replay(model, log);
                    if (r.count(kind, res, log.size())) {
                        r.failingLog = log;
                        r.failingKind = kind;
                    }
                    if (LogSink.HUNG.equals(kind) && res.agrees()) {
                        String p = modelAgreesOnHang(model, res.lastState(), run.verdict);
                        if (p != null) {
                            r.hangChecks.add(p);
                        }
                    }
                }
            }
            r.dropped(run.logs.dropped(), "logs");
            return r;
        }

        /**
         * In the state where the implementation hung, the model must have no fair step
         * (TaskProgress) for anyone, and no step at all if the verdict is deadlock.
         */
        static String modelAgreesOnHang(MempoolModel model, MempoolState s, String verdict) {
            List<Transition<MempoolState>> next = model.successors(s);
            for (Transition<MempoolState> t : next) {
                if (model.fairnessGroup(t) != null) {
                    return "the implementation hung, but the model can still take " + t;
                }
            }
            if ("deadlock".equals(verdict) && !next.isEmpty()) {
                return "deadlock, but the model can still take " + next;
            }
            if (!"deadlock".equals(verdict) && next.isEmpty()) {
                return verdict + ", but the model is in a dead state (deadlock)";
            }
            return null;
        }
    }
}
