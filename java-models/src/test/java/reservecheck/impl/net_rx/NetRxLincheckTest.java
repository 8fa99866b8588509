package reservecheck.impl.net_rx;

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
import reservecheck.models.net_rx.NetRxModel;
import reservecheck.models.net_rx.NetRxParams;
import reservecheck.models.net_rx.NetRxState;

/**
 * The Lincheck checker over the catalog's net_rx entries ({@link CatalogLincheckTest}): the
 * driver, the softirq, the swap-out task and a reader per ordinary socket.  Every failing and
 * every sampled passing interleaving's event log is replayed on the model; for a hang the model
 * must be stuck where the implementation is.  Bugs get at most 2,000 interleavings
 * ({@code reservecheck.lincheck.bugInvocations}); a finding in under 3 s is run again to show
 * the same schedule.
 */
class NetRxLincheckTest extends CatalogLincheckTest<NetRxLincheckRun, NetRxLincheckTest.Replays> {
    private static final ProtocolEntries ENTRIES = new ProtocolEntries(NetRxModel.PROTOCOL);

    NetRxLincheckTest() {
        super(NetRxModel.PROTOCOL, 2000, 3);
    }

    @Override
    protected List<Variant> entries() {
        return ENTRIES.withExpectation(CHECKER);
    }

    @Override
    protected NetRxLincheckRun run(Variant v, int invocations, boolean mustFail) {
        return NetRxLincheckRun.run(v, invocations, PASS_SAMPLE, mustFail);
    }

    @Override
    protected Replays replay(Variant v, NetRxLincheckRun run) {
        return Replays.of(run.config.params(), run.logs);
    }

    /** The failing interleaving's steps, for the traces module's ITF trace (ImplementationSteps). */
    @Override
    protected void writeSteps(Path dir, Variant v, NetRxLincheckRun run, Replays replays) throws IOException {
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

        static Replays of(NetRxParams params, IntRecordSink sink) {
            NetRxModel model = new NetRxModel(params);
            Replays r = new Replays();
            for (String kind : KINDS) {
                for (int[] rec : sink.records(kind)) {
                    EventLog log = EventLog.decode(params, rec);
                    ModelReplay.Result<NetRxState> res = ModelReplay.replay(model, log);
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
        Outcome(ModelReplay.Result<NetRxState> r) {
            super(r.taken(), r.divergence());
        }
    }
}
