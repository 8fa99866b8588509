package reservecheck.impl.net_rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.ModelReplay;
import reservecheck.impl.common.ProtocolEntries;
import reservecheck.impl.common.Reproduction;
import reservecheck.models.net_rx.NetRxModel;
import reservecheck.models.net_rx.NetRxParams;
import reservecheck.models.net_rx.NetRxState;

/**
 * Plain runs of the net_rx harness on this JVM's threads: every entry's run ends (a hang is
 * reported, a livelock judged) with ok or the entry's verdict, and its event log replays on the
 * model with no divergence, also when only the schedule was recorded and run again.  The
 * issue's two acceptance cases run on the implementation with their schedules forced.
 */
class NetRxHarnessTest {
    private static final ProtocolEntries ENTRIES = new ProtocolEntries(NetRxModel.PROTOCOL);
    private static final int RUNS = 5;

    @TestFactory
    Stream<DynamicTest> everyEntrysPlainRunsEndAndReplayOnTheModel() {
        return ENTRIES.variants().stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            String expected = v.expectedVerdict("explorer").orElseThrow();
            for (String record : List.of("true", "schedule")) {
                for (int i = 0; i < RUNS; i++) {
                    NetRxHarness.Config c = NetRxHarness.Config.parse(new NetRxLincheckTest.Harness().args(v,
                            NetRxHarness.RECORD + "=" + record, NetRxHarness.ON_HANG + "=report"));
                    NetRxHarness.Outcome o = NetRxHarness.run(c, null);
                    assertTrue(o.ok() || o.verdict().equals(expected), v.name() + ": " + o.verdictLine());
                    EventLog log = o.log(c.params());
                    ModelReplay.Result<NetRxState> r = ModelReplay.replay(new NetRxModel(c.params()), log);
                    assertNull(r.divergence(), v.name() + ": " + r.divergence() + "\n" + log.toText());
                    if (o.verdict().equals("deadlock")) {
                        assertTrue(r.endIsStuck(), v.name());
                    }
                }
            }
        }));
    }

    @Test
    void withoutTheSockMemallocDropAReserveSkbIsQueuedToAnOrdinarySocket() {
        // under pressure from the start: the driver's second skb is a reserve one, for o1
        Reproduction r = ImplementationReplay.run(params("keep_all_reserve_skbs", "init_free_pages", 0),
                "invariant:NoReserveSkbOnOrdinarySocket", List.of("__netdev_alloc_skb", "__netif_receive_skb",
                        "sk_filter_trim_cap"), -1, null);
        assertTrue(r.reproduced(), r.message());
        // the merged design drops it in sk_filter_trim_cap instead
        Reproduction design = ImplementationReplay.run(params("netrx_merged_2012", "init_free_pages", 0),
                "invariant:NoReserveSkbOnOrdinarySocket", List.of("__netdev_alloc_skb", "__netif_receive_skb",
                        "sk_filter_trim_cap"), -1, null);
        assertEquals("every invariant holds after the trace's 3 steps", design.message());
    }

    @Test
    void withoutTheRxReserveTheSwapOutDeadlocks() {
        List<String> steps = List.of("__netdev_alloc_skb", "swap_writepage", "__netif_receive_skb",
                "sk_filter_trim_cap");
        Reproduction r = ImplementationReplay.run(params("no_rx_reserve", "init_free_pages", 1), "deadlock", steps,
                -1, null);
        assertTrue(r.reproduced(), r.message());
        Reproduction design = ImplementationReplay.run(params("netrx_merged_2012", "init_free_pages", 1), "deadlock",
                steps, -1, null);
        assertTrue(design.message().startsWith("not a deadlock: __netdev_alloc_skb can still step"), design.message());
    }

    private static java.util.Map<String, Object> params(String variant, String name, Object value) {
        Variant v = ENTRIES.variant(variant);
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(v.parameters());
        m.put(name, value);
        new NetRxParams(m);
        return m;
    }
}
