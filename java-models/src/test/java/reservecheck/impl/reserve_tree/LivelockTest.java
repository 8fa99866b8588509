package reservecheck.impl.reserve_tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import reservecheck.catalog.Variant;

/**
 * The livelock watch of a recording run, on a schedule chosen by hand (the steps called from
 * this one thread, so nothing is left to the OS): throttled_killed_no_oom's allocator, killed
 * inside the allocator, retries for ever because try_to_free_pages "made progress"; the run
 * comes back to a state on a weakly fair loop and ends with AllocReturns' verdict.  The same
 * schedule with the fix (killed_task_counts_as_progress: false) reaches out_of_memory and the
 * allocator returns.
 */
class LivelockTest {
    private static final int ALLOCATOR = 0;
    private static final int KILLER = 1;
    private static final int KSWAPD = 2;

    @Test
    void aKilledTaskLoopingInTheAllocatorIsALivelock() throws Exception {
        ReserveTree k = killedInsideTheAllocator("throttled_killed_no_oom");
        LivenessViolation v = assertThrows(LivenessViolation.class, () -> {
            // the watch starts after ReserveTree.WATCH_AFTER steps
            for (int i = 0; i < 100; i++) {
                k.allocStep(0, ALLOCATOR);
                if (k.kswapdAwake) {
                    k.kswapdStep(KSWAPD);
                }
            }
        }, "100 steps of the allocator and kswapd without a verdict");
        assertEquals("liveness:AllocReturns", v.verdict());
        assertTrue(v.getMessage().contains("back in the state of step"), v.getMessage());
        assertEquals("liveness:AllocReturns", ReserveTreeHarness.verdictOf(k.failure));
    }

    @Test
    void aLoopThatStarvesKswapdIsNotClaimed() throws Exception {
        // the allocator alone goes round while kswapd, awake, never steps: not weakly fair
        ReserveTree k = killedInsideTheAllocator("throttled_killed_no_oom");
        for (int i = 0; i < 2 * ReserveTree.WATCH_AFTER; i++) {
            k.allocStep(0, ALLOCATOR);
        }
        assertEquals(null, k.failure);
    }

    @Test
    void theFixedPolicyReturns() throws Exception {
        ReserveTree k = killedInsideTheAllocator("throttled_killed_no_oom", "killed_task_counts_as_progress=false");
        int steps = 0;
        while (k.allocStep(0, ALLOCATOR)) {
            if (k.kswapdAwake) {
                k.kswapdStep(KSWAPD);
            }
            assertTrue(++steps < 50, "the allocator did not return");
        }
        assertEquals(null, k.failure);
    }

    /** The entry's kernel, its allocator inside __alloc_pages with SIGKILL pending. */
    private static ReserveTree killedInsideTheAllocator(String variant, String... extra) throws Exception {
        Variant v = TreeCatalog.variant(variant);
        ReserveTreeHarness.Config c = ReserveTreeHarness.Config.parse(TreeCatalog.harnessArgs(v, extra));
        ReserveTree k = new ReserveTree(c.params, c.layout, c.invariantCodes, true, 3);
        k.watchCycles(c.judge);
        k.allocStep(0, ALLOCATOR);             // alloc_pages
        k.sigkill(0, KILLER);                  // send_sigkill: the task is inside the allocator
        return k;
    }
}
