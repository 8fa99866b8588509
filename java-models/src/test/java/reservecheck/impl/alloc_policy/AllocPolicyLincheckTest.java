package reservecheck.impl.alloc_policy;

import reservecheck.impl.common.RecordedHarness;
import reservecheck.impl.common.RecordedLincheckTest;
import reservecheck.impl.common.RunSink;
import reservecheck.models.alloc_policy.AllocPolicyModel;
import reservecheck.models.alloc_policy.AllocPolicyState;
import reservecheck.models.lts.Model;

/**
 * The Lincheck checker over the catalog's alloc_policy entries ({@link RecordedLincheckTest}):
 * the two allocating tasks and, where the entry gives them work, kswapd, the writeback flusher
 * and the oom_reaper.  Every failing and every sampled passing interleaving's event log is
 * replayed on the model; for a hang the model must be stuck where the implementation is.  Bugs
 * get at most 300 interleavings ({@code reservecheck.lincheck.bugInvocations}) unless the
 * catalog sets fewer; a finding in under 3 s is run again to show the same schedule.
 */
class AllocPolicyLincheckTest extends RecordedLincheckTest<AllocPolicyHarness.Config, EventLog, AllocPolicyState> {

    AllocPolicyLincheckTest() {
        super(new Harness(), 300, 3);
    }

    /** AllocPolicyHarness as the generic Lincheck test drives it. */
    static final class Harness implements RecordedHarness<AllocPolicyHarness.Config, EventLog, AllocPolicyState> {
        @Override
        public String protocol() {
            return AllocPolicyModel.PROTOCOL;
        }

        @Override
        public AllocPolicyHarness.Config parse(String[] args) {
            return AllocPolicyHarness.Config.parse(args);
        }

        @Override
        public void check(AllocPolicyHarness.Config config, RunSink<int[]> sink) {
            AllocPolicyHarness.check(config, sink);
        }

        @Override
        public EventLog decode(AllocPolicyHarness.Config config, int[] record) {
            return EventLog.decode(config.params(), record);
        }

        @Override
        public Model<AllocPolicyState> model(AllocPolicyHarness.Config config) {
            return new AllocPolicyModel(config.params());
        }

        @Override
        public String text(EventLog log) {
            return log.toText();
        }

        @Override
        public String judgeLoop(AllocPolicyHarness.Config config, int[] record, int from) {
            return config.judge.verdict(record, from);
        }
    }
}
