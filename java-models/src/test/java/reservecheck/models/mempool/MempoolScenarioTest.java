package reservecheck.models.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import reservecheck.models.Steps;
import reservecheck.models.TestCatalog;
import org.junit.jupiter.api.Test;

import reservecheck.models.lts.Transition;

/** Short runs checked by hand against Mempool.tla, one per historical bug and fix. */
class MempoolScenarioTest {

    /**
     * 5b990546e334: mempool_free decides on the curr_nr it read before its own allocation (1:
     * the pool looked full), so the element goes to the page allocator and the pool stays empty.
     */
    @Test
    void staleFreeLosesTheElement() {
        var run = Steps.mempool("free_stale_curr_nr")
                .step("mempool_alloc", "p1")
                .step("pool_alloc", "p1")       // first round: no free page, no reclaim
                .step("remove_element", "p1");  // the pool's only element
        assertEquals("0", run.var("curr_nr"));
        assertEquals("(p1 :> 1)", run.var("snap"));
        assertTrue(run.holds("Conservation"));
        run.step("mempool_free", "p1");
        assertEquals("0", run.var("curr_nr"));
        assertEquals("1", run.var("free_pages"));
        assertEquals("(p1 :> \"done\")", run.var("pc"));
        assertFalse(run.holds("Conservation"));
    }

    /** The same run with the read barrier (free_reads_stale FALSE) refills the pool. */
    @Test
    void freshFreeRefillsThePool() {
        var run = Steps.mempool("free_stale_curr_nr", "free_reads_stale", Boolean.FALSE)
                .step("mempool_alloc", "p1").step("pool_alloc", "p1")
                .step("remove_element", "p1").step("mempool_free", "p1");
        assertEquals("1", run.var("curr_nr"));
        assertEquals("0", run.var("free_pages"));
        assertTrue(run.holds("Conservation"));
    }

    /** Before D1 the irq caller returns NULL after the atomic try without looking at the pool. */
    @Test
    void atomicCallerSkipsThePool() {
        var run = Steps.mempool("atomic_caller_skips_pool")
                .step("mempool_alloc", "i1")
                .step("pool_alloc", "i1");
        assertEquals(Pc.GOT_NULL, run.state().pc(run.model().params().taskIndex("i1")));
        assertEquals("(i1 :> FALSE)", run.var("saw_empty"));
        assertEquals("1", run.var("curr_nr"));
        assertFalse(run.holds("AtomicNullOnlyIfEmpty"));
        assertTrue(run.holds("BlockingNeverNull"));  // i1 is not a blocking caller
        run.step("return_null", "i1");
        List<Transition<MempoolState>> end = run.model().successors(run.state());
        assertEquals(1, end.size());
        assertEquals("Terminated", end.get(0).label());
        assertEquals(null, end.get(0).task());
        assertEquals(run.state(), end.get(0).target());
    }

    /** After D1 the irq caller goes on to level 4 and gets the pool's element. */
    @Test
    void atomicCallerTakesFromThePool() {
        var run = Steps.mempool("atomic_caller_skips_pool", "atomic_skips_pool", Boolean.FALSE)
                .step("mempool_alloc", "i1").step("pool_alloc", "i1").step("remove_element", "i1");
        assertEquals("(i1 :> \"hold\")", run.var("pc"));
        assertEquals("0", run.var("curr_nr"));
        assertTrue(run.holds("AtomicNullOnlyIfEmpty"));
    }

    /**
     * Before D0 the level 1 try keeps __GFP_IO: it starts writeback whose bio takes the pool's
     * only element and stays plugged, and the caller then sleeps on the empty pool: deadlock.
     */
    @Test
    void nowaitWithIoPlugsThePoolsElement() {
        var run = Steps.mempool("gfp_nowait_keeps_io")
                .step("mempool_alloc", "p1")
                .step("pool_alloc", "p1");
        assertEquals("0", run.var("curr_nr"));
        assertEquals("0", run.var("dirty_pages"));
        assertEquals("(p1 :> 1)", run.var("plugged"));
        assertEquals("(p1 :> \"alloc_full\")", run.var("pc"));
        run.step("pool_alloc", "p1")             // level 2: no page, reclaim finds nothing
                .step("remove_element", "p1")    // the pool is empty
                .step("run_task_queue", "p1")
                .step("add_wait_queue", "p1");
        assertEquals("<<p1>>", run.var("waitq"));
        assertEquals("(p1 :> \"schedule\")", run.var("pc"));
        assertTrue(run.model().successors(run.state()).isEmpty(), "deadlock");
        assertTrue(run.holds("Conservation"));  // the plugged bio holds the element
        assertFalse(run.holds("NoHoldAndWait"));
    }

    /**
     * Before D2: p2 joins the queue and reads curr_nr = 0, p1's free wakes it, then
     * run_task_queue sets TASK_UNINTERRUPTIBLE again and p2 sleeps with an element in the pool.
     */
    @Test
    void runTaskQueueAfterUninterruptibleLosesTheWakeUp() {
        var run = Steps.mempool("flush_io_while_uninterruptible")
                .step("mempool_alloc", "p1").step("pool_alloc", "p1")
                .step("pool_alloc", "p1")        // level 2 skipped: the pool is full
                .step("remove_element", "p1")
                .step("mempool_alloc", "p2").step("pool_alloc", "p2")
                .step("pool_alloc", "p2")        // level 2 tried: the pool is empty, no page
                .step("remove_element", "p2")
                .step("add_wait_queue", "p2");
        assertEquals("<<p2>>", run.var("waitq"));
        assertEquals("(p1 :> 0 @@ p2 :> 0)", run.var("snap"));
        run.step("mempool_free", "p1");
        assertEquals("(p1 :> \"running\" @@ p2 :> \"running\")", run.var("tstate"));
        run.step("run_task_queue", "p2");
        assertEquals("(p1 :> \"running\" @@ p2 :> \"uninterruptible\")", run.var("tstate"));
        assertEquals("1", run.var("curr_nr"));
        assertTrue(run.model().successors(run.state()).isEmpty(), "lost wake-up: deadlock");
    }

    /** f9054c70d28b: with the pool empty __GFP_NOMEMALLOC is dropped and PF_MEMALLOC dips. */
    @Test
    void droppedNomemallocDipsIntoTheReserve() {
        var run = Steps.mempool("nomemalloc_only_if_free")
                .step("mempool_alloc", "p1").step("pool_alloc", "p1").step("remove_element", "p1")
                .step("mempool_alloc", "p2");
        assertTrue(run.holds("NoReserveDip"));
        run.step("pool_alloc", "p2");
        assertEquals("(p1 :> \"hold\" @@ p2 :> \"hold\")", run.var("pc"));
        assertEquals("0", run.var("free_pages"));
        assertFalse(run.holds("NoReserveDip"));
    }

    /**
     * Modern: the empty pool sends the caller back to the allocator with its full mask once,
     * then prepare_to_wait under the lock; the free wakes it and it retries.
     */
    @Test
    void modernWaitAndWakeUp() {
        var run = Steps.mempool("mempool_zero_min_2025", "init_free_pages", 0, "procs", 2)
                .step("mempool_alloc", "p1").step("pool_alloc", "p1").step("remove_element", "p1")
                .step("mempool_alloc", "p2").step("pool_alloc", "p2").step("remove_element", "p2");
        assertEquals("(p1 :> FALSE @@ p2 :> TRUE)", run.var("full_mask"));
        assertEquals("(p1 :> \"hold\" @@ p2 :> \"alloc\")", run.var("pc"));
        run.step("pool_alloc", "p2").step("remove_element", "p2");
        assertEquals("<<p2>>", run.var("waitq"));
        assertEquals("(p1 :> \"hold\" @@ p2 :> \"io_schedule\")", run.var("pc"));
        run.step("mempool_free", "p1");  // PoolCapacity is 1 with the 2025 refill
        assertEquals("1", run.var("curr_nr"));
        run.step("finish_wait", "p2");
        assertEquals("<<>>", run.var("waitq"));
        run.step("pool_alloc", "p2").step("remove_element", "p2");
        assertEquals("(p1 :> \"idle\" @@ p2 :> \"hold\")", run.var("pc"));
    }

    /** The correct modern design at the catalog's bounds: no invariant fails along random walks. */
    @Test
    void modernRandomWalksKeepEveryInvariant() {
        MempoolModel model = MempoolModel.fromParameters(TestCatalog.mempool().parameters("mempool_modern"));
        Random random = new Random(20011214L);
        int terminated = 0;
        for (int walk = 0; walk < 300; walk++) {
            MempoolState s = model.initialStates().get(0);
            for (int i = 0; i < 200; i++) {
                for (String inv : model.invariantNames()) {
                    assertTrue(model.invariant(inv, s), inv + " fails in " + s);
                }
                List<Transition<MempoolState>> next = model.successors(s);
                assertFalse(next.isEmpty(), "deadlock in " + s);
                Transition<MempoolState> t = next.get(random.nextInt(next.size()));
                if (t.label().equals("Terminated")) {
                    terminated++;
                    break;
                }
                s = t.target();
            }
        }
        assertTrue(terminated > 0, "some walk ends with every task done");
    }
}
