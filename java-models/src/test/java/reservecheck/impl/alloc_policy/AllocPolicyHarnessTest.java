package reservecheck.impl.alloc_policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.ModelReplay;
import reservecheck.impl.common.ProtocolEntries;
import reservecheck.impl.common.Reproduction;
import reservecheck.models.alloc_policy.AllocPolicyModel;
import reservecheck.models.alloc_policy.AllocPolicyParams;
import reservecheck.models.alloc_policy.AllocPolicyState;

/**
 * Plain runs of the alloc_policy harness on this JVM's threads: every entry's run ends (a hang
 * is reported, a livelock judged) with ok or the entry's verdict, and its event log replays on
 * the model with no divergence.  Two of the cases run on the implementation with their
 * schedules forced: seed 001's deadlock and the oom_reaper that breaks the lock cycle.
 */
class AllocPolicyHarnessTest {
    private static final ProtocolEntries ENTRIES = new ProtocolEntries(AllocPolicyModel.PROTOCOL);
    private static final int RUNS = 5;

    @TestFactory
    Stream<DynamicTest> everyEntrysPlainRunsEndAndReplayOnTheModel() {
        return ENTRIES.variants().stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            String expected = v.expectedVerdict("explorer").orElseThrow();
            for (int i = 0; i < RUNS; i++) {
                AllocPolicyHarness.Config c = AllocPolicyHarness.Config.parse(new AllocPolicyLincheckTest.Harness().args(v,
                        AllocPolicyHarness.RECORD + "=true", AllocPolicyHarness.ON_HANG + "=report"));
                AllocPolicyHarness.Outcome o = AllocPolicyHarness.run(c, null);
                assertTrue(o.ok() || o.verdict().equals(expected), v.name() + ": " + o.verdictLine());
                EventLog log = o.log(c.params());
                ModelReplay.Result<AllocPolicyState> r = ModelReplay.replay(new AllocPolicyModel(c.params()), log);
                assertNull(r.divergence(), v.name() + ": " + r.divergence() + "\n" + log.toText());
                if (o.verdict().equals("deadlock")) {
                    assertTrue(r.endIsStuck(), v.name());
                }
            }
        }));
    }

    @Test
    void gfpKernelThatNeverFailsWaitsForEverWithNothingToReclaimOrKill() {
        List<String> steps = List.of("mutex_lock(1)", "get_page_from_freelist(1)", "try_to_free_pages(1)");
        Reproduction r = ImplementationReplay.run(params("gfp_kernel_never_fails", Map.of()), "deadlock", steps, -1,
                null);
        assertTrue(r.reproduced(), r.message());
        // with gfp_kernel_may_fail the same steps leave alloc_fail enabled: NULL, no deadlock
        Reproduction mayFail = ImplementationReplay.run(params("gfp_kernel_never_fails",
                Map.of("gfp_kernel_may_fail", true)), "deadlock", steps, -1, null);
        assertEquals("not a deadlock: alloc_fail(1) can still step", mayFail.message());
    }

    @Test
    void theOomReaperBreaksTheLockCycleOfTooSmallToFail() {
        List<String> steps = List.of("mutex_lock(1)", "get_page_from_freelist(1)", "try_to_free_pages(1)",
                "out_of_memory(1)");
        Reproduction r = ImplementationReplay.run(params("too_small_to_fail_lock_cycle", Map.of()), "deadlock",
                steps, -1, null);
        assertTrue(r.reproduced(), r.message());
        Reproduction design = ImplementationReplay.run(params("modern_slowpath_oom", Map.of()), "deadlock", steps, -1,
                null);
        assertEquals("not a deadlock: oom_reap can still step", design.message());
    }

    private static Map<String, Object> params(String variant, Map<String, Object> changes) {
        Variant v = ENTRIES.variant(variant);
        Map<String, Object> m = new LinkedHashMap<>(v.parameters());
        m.putAll(changes);
        new AllocPolicyParams(m);
        return m;
    }
}
