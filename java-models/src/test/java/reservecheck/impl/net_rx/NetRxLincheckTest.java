package reservecheck.impl.net_rx;

import reservecheck.impl.common.RecordedHarness;
import reservecheck.impl.common.RecordedLincheckTest;
import reservecheck.impl.common.RunSink;
import reservecheck.models.net_rx.NetRxModel;
import reservecheck.models.net_rx.NetRxState;
import reservecheck.models.lts.Model;

/**
 * The Lincheck checker over the catalog's net_rx entries ({@link RecordedLincheckTest}): the
 * driver, the softirq, the swap-out task and a reader per ordinary socket.  Every failing and
 * every sampled passing interleaving's event log is replayed on the model; for a hang the model
 * must be stuck where the implementation is.  Bugs get at most 2,000 interleavings
 * ({@code reservecheck.lincheck.bugInvocations}); a finding in under 3 s is run again to show
 * the same schedule.
 */
class NetRxLincheckTest extends RecordedLincheckTest<NetRxHarness.Config, EventLog, NetRxState> {

    NetRxLincheckTest() {
        super(new Harness(), 2000, 3);
    }

    /** NetRxHarness as the generic Lincheck test drives it. */
    static final class Harness implements RecordedHarness<NetRxHarness.Config, EventLog, NetRxState> {
        @Override
        public String protocol() {
            return NetRxModel.PROTOCOL;
        }

        @Override
        public NetRxHarness.Config parse(String[] args) {
            return NetRxHarness.Config.parse(args);
        }

        @Override
        public void check(NetRxHarness.Config config, RunSink<int[]> sink) {
            NetRxHarness.check(config, sink);
        }

        @Override
        public EventLog decode(NetRxHarness.Config config, int[] record) {
            return EventLog.decode(config.params(), record);
        }

        @Override
        public Model<NetRxState> model(NetRxHarness.Config config) {
            return new NetRxModel(config.params());
        }

        @Override
        public String text(EventLog log) {
            return log.toText();
        }

        @Override
        public String judgeLoop(NetRxHarness.Config config, int[] record, int from) {
            return config.judge.verdict(record, from);
        }
    }
}
