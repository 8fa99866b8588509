package reservecheck.impl.alloc_policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import reservecheck.catalog.Variant;
import reservecheck.impl.common.CatalogLincheckTest;
import reservecheck.impl.common.IntRecordSink;
import reservecheck.impl.common.ModelReplay;
import reservecheck.impl.common.ProtocolEntries;
import reservecheck.impl.common.ReplayOutcome;
import reservecheck.impl.common.RunSink;
import reservecheck.models.alloc_policy.AllocPolicyModel;
import reservecheck.models.alloc_policy.AllocPolicyParams;
import reservecheck.models.alloc_policy.AllocPolicyState;

/**
 * The Lincheck checker over the catalog's alloc_policy entries ({@link CatalogLincheckTest}):
 * the two allocating tasks and, where the entry gives them work, kswapd, the writeback flusher
 * and the oom_reaper.  Every failing and every sampled passing interleaving's event log is
 * replayed on the model; for a hang the model must be stuck where the implementation is.  Bugs
 * get at most 300 interleavings ({@code reservecheck.lincheck.bugInvocations}) unless the
 * catalog sets fewer; a finding in under 3 s is run again to show the same schedule.
 */
class AllocPolicyLincheckTest extends CatalogLincheckTest<AllocPolicyLincheckRun, AllocPolicyLincheckTest.Replays> {
    private static final ProtocolEntries ENTRIES = new ProtocolEntries(AllocPolicyModel.PROTOCOL);

    AllocPolicyLincheckTest() {
        super(AllocPolicyModel.PROTOCOL, 300, 3);
    }

    @Override
    protected List<Variant> entries() {
        return ENTRIES.withExpectation(CHECKER);
    }

    @Override
    protected AllocPolicyLincheckRun run(Variant v, int invocations, boolean mustFail) {
        return AllocPolicyLincheckRun.run(v, invocations, PASS_SAMPLE, mustFail);
    }

    @Override
    protected Replays replay(Variant v, AllocPolicyLincheckRun run) {
        return Replays.of(run.config.params(), run.logs);
    }

    /** The failing interleaving's steps, for the traces module's ITF trace (ImplementationSteps). */
    @Override
    protected void writeSteps(Path dir, Variant v, AllocPolicyLincheckRun run, Replays replays) throws IOException {
        if (replays.failingLog == null || !replays.failingResult.agrees()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("# ").append(v.name()).append(": ").append(run.verdict).append(", found by lincheck after ")
                .append(run.invocations).append(" interleavings; the failing interleaving's steps, whose event log")
                .append(" replays on the model with no divergence\n");
        b.append("verdict ").append(run.verdict).append('\n');
        for (int i = 0; i < replays.failingLog.size(); i++) {
            b.append(replays.failingLog.step(i)).append('\n');
        }
        Files.writeString(dir.resolve(v.name() + ".steps"), b.toString(), StandardCharsets.UTF_8);
    }

    /** The replays of one Lincheck run's records on the model. */
    static final class Replays extends CatalogLincheckTest.Replays {
        EventLog failingLog;

        @Override
        protected String failingLogText() {
            return failingLog == null ? null : failingLog.toText();
        }

        static Replays of(AllocPolicyParams params, IntRecordSink sink) {
            AllocPolicyModel model = new AllocPolicyModel(params);
            Replays r = new Replays();
            for (String kind : KINDS) {
                for (int[] rec : sink.records(kind)) {
                    EventLog log = EventLog.decode(params, rec);
                    ModelReplay.Result<AllocPolicyState> res = ModelReplay.replay(model, log);
                    if (r.count(kind, new Outcome(res), log.size())) {
                        r.failingLog = log;
                    }
                    if (RunSink.HUNG.equals(kind) && res.divergence() == null && !res.endIsStuck()) {
                        r.problems.add("hung run: the model can still step where the implementation hung");
                    }
                }
            }
            r.dropped(sink.dropped(), "records");
            return r;
        }
    }

    /** A replay's result as the base class counts it. */
    private static final class Outcome extends ReplayOutcome {
        Outcome(ModelReplay.Result<AllocPolicyState> r) {
            super(r.taken(), r.divergence());
        }
    }
}
