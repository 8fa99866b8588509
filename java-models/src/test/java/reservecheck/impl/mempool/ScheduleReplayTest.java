package reservecheck.impl.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.ModelReplay;

/**
 * The implementation made to follow a schedule (the harness's schedule argument, Mempool's turn
 * gate): the steps happen in exactly that order whatever the threads' timing, the verdict is
 * the run's own, and a schedule the implementation cannot follow fails the run saying where.
 */
class ScheduleReplayTest {

    /** zero_min_lost_wakeup as Lincheck found it: p2 sleeps, p1 frees to the allocator, nobody wakes p2. */
    static final String LOST_WAKEUP = "mempool_alloc(p1)+pool_alloc(p1)+mempool_alloc(p2)+pool_alloc(p2)"
            + "+remove_element(p2)+pool_alloc(p2)+remove_element(p2)+mempool_free(p1)";

    static Variant variant(String name) {
        for (Variant v : ImplCatalog.mempoolVariants()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static MempoolHarness.Outcome run(String variant, String schedule, long seed) throws InterruptedException {
        return MempoolHarness.run(MempoolHarness.Config.parse(ImplCatalog.harnessArgs(variant(variant),
                MempoolHarness.RECORD + "=true", MempoolHarness.SEED + "=" + seed,
                MempoolHarness.SCHEDULE + "=" + schedule)), null);
    }

    static String steps(EventLog log) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            l.add(log.describe(i));
        }
        return String.join("+", l);
    }

    @Test
    void aHangFollowsItsScheduleWhateverTheTiming() throws InterruptedException {
        // random yields between steps (seed) would reorder the steps of a free run
        for (long seed = 1; seed <= 20; seed++) {
            MempoolHarness.Outcome o = run("zero_min_lost_wakeup", LOST_WAKEUP, seed);
            assertEquals("liveness:AllocReturns", o.verdict(), "seed " + seed + ": " + o.message());
            assertTrue(o.hung());
            assertEquals(LOST_WAKEUP, steps(o.log()), "seed " + seed);
            assertTrue(ModelReplay.replay(ImplCatalog.model(variant("zero_min_lost_wakeup")), o.log()).agrees());
        }
    }

    @Test
    void anInvariantBreaksAtTheScheduledStep() throws InterruptedException {
        String s = "mempool_alloc(p1)+pool_alloc(p1)+remove_element(p1)+mempool_free(p1)";
        MempoolHarness.Outcome o = run("free_stale_curr_nr", s, 3);
        assertEquals("invariant:Conservation", o.verdict(), o.message());
        assertEquals(s, steps(o.log()));
    }

    @Test
    void aStepTheImplementationDoesNotTakeThereFailsTheRun() throws InterruptedException {
        // p1 finds the pool's element: its step is remove_element, not a second pool_alloc
        MempoolHarness.Outcome o = run("free_stale_curr_nr",
                "mempool_alloc(p1)+pool_alloc(p1)+pool_alloc(p1)+mempool_free(p1)", 3);
        assertEquals("error:java.lang.AssertionError", o.verdict());
        assertEquals("step 3 of the schedule is pool_alloc(p1), but the implementation took remove_element(p1)",
                o.message());
    }

    @Test
    void theTurnOfATaskNobodyWakesFailsTheRun() throws InterruptedException {
        // after p2 sleeps, p1 frees without waking it (the bug): p2 cannot take the next step
        MempoolHarness.Outcome o = run("zero_min_lost_wakeup", LOST_WAKEUP + "+pool_alloc(p2)", 5);
        assertEquals("error:java.lang.AssertionError", o.verdict());
        assertEquals("step 9 of the schedule is pool_alloc(p2), but p2 sleeps on the pool", o.message());
    }

    @Test
    void aBadScheduleIsOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MempoolHarness.Config.parse(
                ImplCatalog.harnessArgs(variant("free_stale_curr_nr"), MempoolHarness.SCHEDULE + "=mempool_alloc(p7)")));
        assertEquals("schedule step 1: no task p7", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MempoolHarness.Config.parse(
                ImplCatalog.harnessArgs(variant("free_stale_curr_nr"), MempoolHarness.SCHEDULE + "=fly(p1)")));
        assertEquals("schedule step 1: fly is not an action of the implementation", e.getMessage());
    }
}
