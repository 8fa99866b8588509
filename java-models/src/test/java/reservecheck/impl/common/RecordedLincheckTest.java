package reservecheck.impl.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import reservecheck.catalog.Variant;

/**
 * The Lincheck checker ({@link CatalogLincheckTest}) for a protocol with a recording harness
 * ({@link RecordedHarness}): every failing and every sampled passing interleaving's event log is
 * replayed on the model; for a hang the model must be stuck where the implementation is.  The
 * failing interleaving's steps are written for the traces module (ImplementationSteps).  A
 * protocol's test class only names its harness and its budgets.
 */
public abstract class RecordedLincheckTest<C, L extends ReplaySource, S>
        extends CatalogLincheckTest<RecordedLincheckRun<C>, RecordedLincheckTest.Replays<L>> {
    private final RecordedHarness<C, L, S> harness;
    private final ProtocolEntries entries;

    protected RecordedLincheckTest(RecordedHarness<C, L, S> harness, int bugInvocations, double rerunSeconds) {
        super(harness.protocol(), bugInvocations, rerunSeconds);
        this.harness = harness;
        this.entries = new ProtocolEntries(harness.protocol());
    }

    @Override
    protected List<Variant> entries() {
        return entries.withExpectation(CHECKER);
    }

    @Override
    protected RecordedLincheckRun<C> run(Variant v, int invocations, boolean mustFail) {
        return RecordedLincheckRun.run(harness, v, invocations, PASS_SAMPLE, mustFail);
    }

    @Override
    protected Replays<L> replay(Variant v, RecordedLincheckRun<C> run) {
        Replays<L> r = new Replays<>(harness::text);
        var model = harness.model(run.config);
        for (String kind : CatalogLincheckTest.Replays.KINDS) {
            for (int[] rec : run.logs.records(kind)) {
                L log = harness.decode(run.config, rec);
                ModelReplay.Result<S> res = ModelReplay.replay(model, log);
                if (r.count(kind, new ReplayOutcome(res.taken(), res.divergence()), log.size())) {
                    r.failingLog = log;
                }
                if (RunSink.HUNG.equals(kind) && res.divergence() == null && !res.endIsStuck()) {
                    r.problems.add("hung run: the model can still step where the implementation hung");
                }
            }
        }
        r.dropped(run.logs.dropped(), "records");
        return r;
    }

    /** The failing interleaving's steps, for the traces module's ITF trace (ImplementationSteps). */
    @Override
    protected void writeSteps(Path dir, Variant v, RecordedLincheckRun<C> run, Replays<L> replays) throws IOException {
        if (replays.failingLog == null || !replays.failingResult.agrees()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("# ").append(v.name()).append(": ").append(run.verdict).append(", found by lincheck after ")
                .append(run.invocations).append(" interleavings; the failing interleaving's steps, whose event log")
                .append(" replays on the model with no divergence\n");
        b.append("verdict ").append(run.verdict).append('\n');
        for (int i = 0; i < replays.failingLog.size(); i++) {
            b.append(StepsText.step(replays.failingLog, i)).append('\n');
        }
        Files.writeString(dir.resolve(v.name() + ".steps"), b.toString(), StandardCharsets.UTF_8);
    }

    /** The replays of one Lincheck run's records on the model. */
    public static final class Replays<L> extends CatalogLincheckTest.Replays {
        private final java.util.function.Function<L, String> text;
        L failingLog;

        Replays(java.util.function.Function<L, String> text) {
            this.text = text;
        }

        @Override
        protected String failingLogText() {
            return failingLog == null ? null : text.apply(failingLog);
        }
    }
}
