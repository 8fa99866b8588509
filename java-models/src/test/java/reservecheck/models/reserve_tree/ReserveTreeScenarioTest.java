package reservecheck.models.reserve_tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import reservecheck.models.Steps;
import reservecheck.models.lts.FairCycle;
import reservecheck.models.lts.Oracle;
import reservecheck.models.lts.Transition;

/**
 * Hand-checked runs of the catalog's bugs, each step worked out from ReserveTree.tla (the same
 * runs TLC reports as counterexamples), and of the fix of each: the values where the bug shows.
 */
class ReserveTreeScenarioTest {
    // swapfiles <<1, 1>>, <<1, 2>>, <<2, 1>> as tasks
    private static final String F11 = "f1_1";
    private static final String F12 = "f1_2";
    private static final String F21 = "f2_1";

    /**
     * NeilBrown, Aug 2008: disconnect moves pages and limit but not usage, so the root keeps the
     * usage of a charge outstanding while its limit drops to 0.
     */
    @Test
    void connectWithoutUsageLeavesTheRootOverItsLimit() {
        var run = Steps.reserveTree("connect_without_usage").step("swapon", F11);
        assertEquals("[ipv4 |-> 1, ipv6 |-> 1, net |-> 2, root |-> 2]", run.var("pages"));
        assertEquals("2", run.var("var_free_kbytes"));
        run.step("reserve_request", "u1").step("alloc_pages_reserve", "u1");
        // the whole request (1 page) is charged at net and seen at the connected root
        assertEquals("[ipv4 |-> 0, ipv6 |-> 0, net |-> 1, root |-> 1]", run.var("usage"));
        assertEquals("(u1 :> \"hold\")", run.var("upc"));
        run.step("swapoff", F11);
        assertEquals("FALSE", run.var("net_linked"));
        assertEquals("[ipv4 |-> 1, ipv6 |-> 1, net |-> 2, root |-> 0]", run.var("limit"));
        assertEquals("[ipv4 |-> 0, ipv6 |-> 0, net |-> 1, root |-> 1]", run.var("usage"));
        assertEquals(Arrays.asList("UsageWithinLimit", "EmergencyMatchesUsage"), run.failing());

        var fixed = Steps.reserveTree("connect_without_usage", "connect_propagates_usage", Boolean.TRUE)
                .step("swapon", F11).step("reserve_request", "u1").step("alloc_pages_reserve", "u1")
                .step("swapoff", F11);
        assertEquals("[ipv4 |-> 0, ipv6 |-> 0, net |-> 1, root |-> 0]", fixed.var("usage"));
        assertEquals(Collections.emptyList(), fixed.failing());
    }

    /**
     * Morton, Feb 2008: unlocked sk_adjust_memalloc.  The last socket's add returns 0 after a new
     * socket read 1 (so it did not connect): the new socket is counted with net disconnected.
     */
    @Test
    void socketCountConnectRaceLeavesACountedSocketWithoutReserve() {
        var run = Steps.reserveTree("socket_count_connect_race");
        assertEquals("TRUE", run.var("net_linked"));
        assertEquals("(<<1, 1>> :> \"live\" @@ <<2, 1>> :> \"idle\")", run.var("spc"));
        run.step("swapoff", F11).step("clear_test", F11);
        assertEquals("\"atomic_add_return\"", spc(run, F11));
        run.step("swapon", F21).step("sock_flag", F21).step("atomic_read", F21);
        assertEquals("1", run.var("memalloc_socks"));  // read 1: no connect
        run.step("atomic_add_return", F11);
        assertEquals("0", run.var("memalloc_socks"));
        run.step("mem_reserve_disconnect", F11).step("clear_done", F11);
        assertEquals("FALSE", run.var("net_linked"));
        assertTrue(run.holds("NetReserveIffSockets"), "swapfile <<2, 1>> is still inside sk_set_memalloc");
        run.step("atomic_add_return", F21);
        assertEquals("1", run.var("memalloc_socks"));
        assertEquals("<<FALSE, TRUE>>", run.var("sock_memalloc"));
        assertEquals("FALSE", run.var("net_linked"));
        assertEquals(Arrays.asList("NetReserveIffSockets"), run.failing());
    }

    /**
     * Morton, Feb 2008, on sk_set_memalloc: sock_flag tested, reserve adjusted, then
     * sock_set_flag; two swapons on one socket both see the flag clear and count it twice.
     */
    @Test
    void setMemallocTestThenSetCountsOneSocketTwice() {
        var run = Steps.reserveTree("set_memalloc_test_then_set")
                .step("swapon", F11).step("sock_flag", F11).step("sk_adjust_memalloc", F11)
                .step("swapon", F12).step("sock_flag", F12);
        assertEquals("<<FALSE>>", run.var("sock_memalloc"));
        run.step("sock_set_flag", F11).step("sk_adjust_memalloc", F12).step("sock_set_flag", F12);
        assertEquals("2", run.var("memalloc_socks"));
        assertEquals("<<TRUE>>", run.var("sock_memalloc"));
        assertEquals(Arrays.asList("MemallocCountMatches"), run.failing());
    }

    /**
     * Zupancic, Aug 2006: two unlocked adjust_memalloc_reserve calls (the first memalloc socket
     * connecting net, the sysctl raising ipv4) read the same var_free_kbytes; the later store
     * loses the other's update.
     */
    @Test
    void unlockedReserveAdjustLosesAnUpdate() {
        var run = Steps.reserveTree("unlocked_reserve_adjust")
                .step("swapon", F11).step("sock_flag", F11).step("sk_adjust_memalloc", F11);
        // the pages are up, the store of var_free_kbytes (0 + 2) is pending
        assertEquals("[ipv4 |-> 1, ipv6 |-> 1, net |-> 2, root |-> 2]", run.var("pages"));
        assertEquals("0", run.var("var_free_kbytes"));
        assertEquals("\"adjust_memalloc_reserve_write\"", spc(run, F11));
        assertTrue(run.holds("RootMatchesReserve"), "an adjust in flight is not a completed operation");
        run.step("mem_reserve_pages_set");  // reads 0 too, will store 0 + 1
        assertEquals("[ipv4 |-> 2, ipv6 |-> 1, net |-> 3, root |-> 3]", run.var("pages"));
        assertEquals("(<<0, 0>> :> [dl |-> 1, du |-> 0, next |-> \"done\", path |-> {\"ipv4\", \"net\", \"root\"},"
                + " var |-> 1] @@ <<1, 1>> :> [dl |-> 2, du |-> 0, next |-> \"live\","
                + " path |-> {\"root\"}, var |-> 2])", run.var("pending"));
        run.step("adjust_memalloc_reserve_write", F11);
        assertEquals("2", run.var("var_free_kbytes"));
        run.step("sysctl_adjust_memalloc_reserve");
        assertEquals("1", run.var("var_free_kbytes"));
        assertEquals("[ipv4 |-> 2, ipv6 |-> 1, net |-> 3, root |-> 3]", run.var("limit"));
        assertEquals(Arrays.asList("RootMatchesReserve"), run.failing());

        var fixed = Steps.reserveTree("unlocked_reserve_adjust", "reserve_adjust_locked", Boolean.TRUE)
                .step("swapon", F11).step("mem_reserve_pages_set");
        assertEquals("3", fixed.var("var_free_kbytes"));
        assertEquals(Collections.emptyList(), fixed.failing());
    }

    /** Seed 003: xprt->swapper is one bit; the first swapoff clears SOCK_MEMALLOC under the second. */
    @Test
    void swapperSingleBitClearsMemallocUnderALiveSwapfile() {
        var run = Steps.reserveTree("swapper_single_bit").step("swapon", F11).step("swapon", F12);
        assertEquals("<<1>>", run.var("xprt_swapper"));
        run.step("swapoff", F11);
        assertEquals("<<0>>", run.var("xprt_swapper"));
        assertEquals("<<FALSE>>", run.var("sock_memalloc"));
        assertEquals("\"live\"", spc(run, F12));
        assertEquals(Arrays.asList("SwapfileHasMemalloc"), run.failing());

        var fixed = Steps.reserveTree("swapper_single_bit", "swapper_counted", Boolean.TRUE)
                .step("swapon", F11).step("swapon", F12).step("swapoff", F11);
        assertEquals("<<1>>", fixed.var("xprt_swapper"));
        assertEquals("<<TRUE>>", fixed.var("sock_memalloc"));
        assertEquals(Collections.emptyList(), fixed.failing());
    }

    /** Layton, 2015: the 2012 xs_swapper calls sk_set_memalloc on every swapon: a double count. */
    @Test
    void swapperClearEarlyCountsTheSocketTwice() {
        var run = Steps.reserveTree("swapper_clear_early").step("swapon", F11).step("swapon", F12);
        assertEquals("2", run.var("memalloc_socks"));
        assertEquals("<<2>>", run.var("xprt_swapper"));
        assertEquals(Arrays.asList("MemallocCountMatches"), run.failing());
        // and the first swapoff clears SOCK_MEMALLOC under the second swapfile
        run.step("swapoff", F11);
        assertEquals("<<FALSE>>", run.var("sock_memalloc"));
        assertFalse(run.holds("SwapfileHasMemalloc"));

        var fixed = Steps.reserveTree("swapper_clear_early", "swapper_clear_on_last", Boolean.TRUE)
                .step("swapon", F11).step("swapon", F12).step("swapoff", F11);
        assertEquals("1", fixed.var("memalloc_socks"));
        assertEquals("<<TRUE>>", fixed.var("sock_memalloc"));
        assertEquals(Collections.emptyList(), fixed.failing());
    }

    /**
     * Gorman, 2012: without per-user accounting, two 2-page requests each take one page of the
     * 2-page reserve and wait for the second: nobody can move (a deadlock, swap stays on).
     */
    @Test
    void staticReserveExhaustionDeadlocks() {
        var run = Steps.reserveTree("static_reserve_exhaustion").step("swapon", F11)
                .step("reserve_request", "u1").step("reserve_request", "u2")
                .step("alloc_pages_reserve", "u1").step("alloc_pages_reserve", "u2");
        assertEquals("(u1 :> 1 @@ u2 :> 1)", run.var("he"));
        run.step("alloc_pages_reserve", "u1").step("alloc_pages_reserve", "u2");
        assertEquals("(u1 :> \"wait_mem\" @@ u2 :> \"wait_mem\")", run.var("upc"));
        assertEquals(Collections.emptyList(), run.enabled());  // swapoff never comes: swap_stays_on
        assertEquals(Collections.emptyList(), run.failing());

        // with accounting the second request is refused its charge before it takes a page, and
        // waits holding nothing until the first frees
        var fixed = Steps.reserveTree("static_reserve_exhaustion", "per_user_accounting", Boolean.TRUE)
                .step("swapon", F11).step("reserve_request", "u1").step("reserve_request", "u2")
                .step("alloc_pages_reserve", "u1").step("alloc_pages_reserve", "u2");
        assertEquals("(u1 :> \"alloc\" @@ u2 :> \"wait_charge\")", fixed.var("upc"));
        assertEquals("(u1 :> 1 @@ u2 :> 0)", fixed.var("he"));
        assertEquals("(u1 :> 2 @@ u2 :> 0)", fixed.var("charged"));
        fixed.step("alloc_pages_reserve", "u1").step("free_pages_reserve", "u1").step("wake_charge", "u2");
        assertEquals("(u1 :> \"done\" @@ u2 :> \"alloc\")", fixed.var("upc"));
        assertEquals(Collections.emptyList(), fixed.failing());
    }

    /**
     * Minchan Kim, Nov 2012: try_to_free_pages returns 1 for any killed task, so a killed task
     * below the watermark loops get_page_from_freelist / try_to_free_pages and never reaches the
     * OOM killer that would give it TIF_MEMDIE: a fair loop, AllocReturns fails.
     */
    @Test
    void killedTaskCountedAsProgressLoopsInTheAllocator() {
        var run = Steps.reserveTree("throttled_killed_no_oom").step("alloc_pages", "d1")
                .step("get_page_from_freelist", "d1");
        assertEquals("TRUE", run.var("kswapd_awake"));
        run.step("send_sigkill", "d1").step("kswapd_sleep").step("try_to_free_pages", "d1");
        ReserveTreeState loop = run.state();
        assertEquals("(d1 :> \"get_page\")", run.var("dpc"));
        run.step("get_page_from_freelist", "d1");
        assertEquals("(d1 :> \"try_to_free_pages\")", run.var("dpc"));
        run.step("kswapd_sleep").step("try_to_free_pages", "d1");
        assertEquals(loop, run.state());
        assertEquals("(d1 :> FALSE)", run.var("memdie"));
        assertTrue(run.model().property("AllocReturns").p("Allocating", loop));
        // the walk oracle's fair continuation finds the loop and judges it a liveness violation
        List<String> properties = List.of("AllocReturns");
        assertEquals("liveness:AllocReturns", Oracle.fairContinuation(run.model(), loop, properties, true));
        assertEquals("liveness:AllocReturns", Oracle.finding(run.model(), Steps.reserveTree("throttled_killed_no_oom")
                .step("alloc_pages", "d1").step("get_page_from_freelist", "d1").step("send_sigkill", "d1").state(),
                List.of(), properties, true));

        var fixed = Steps.reserveTree("throttled_killed_no_oom", "killed_task_counts_as_progress", Boolean.FALSE)
                .step("alloc_pages", "d1").step("get_page_from_freelist", "d1").step("send_sigkill", "d1")
                .step("try_to_free_pages", "d1").step("shrink_zones", "d1").step("out_of_memory", "d1");
        assertEquals("(d1 :> TRUE)", fixed.var("memdie"));
        fixed.step("get_page_from_freelist", "d1").step("free_page", "d1");
        assertEquals("(d1 :> \"done\")", fixed.var("dpc"));
        assertEquals(null, Oracle.fairContinuation(fixed.model(), Steps.reserveTree("throttled_killed_no_oom",
                "killed_task_counts_as_progress", Boolean.FALSE).step("alloc_pages", "d1")
                .step("get_page_from_freelist", "d1").step("send_sigkill", "d1").state(), properties, true));
    }

    /**
     * A loop is a liveness counterexample only if weakly fair: the allocator's own two steps,
     * with kswapd awake the whole time and never taken, prove nothing; with kswapd_sleep in the
     * loop they do.
     */
    @Test
    void onlyAWeaklyFairLoopIsALivelock() {
        var run = Steps.reserveTree("throttled_killed_no_oom").step("alloc_pages", "d1")
                .step("get_page_from_freelist", "d1").step("send_sigkill", "d1").step("try_to_free_pages", "d1");
        ReserveTreeModel model = run.model();
        List<ReserveTreeState> states = new ArrayList<>();
        List<Transition<ReserveTreeState>> steps = new ArrayList<>();
        for (String label : new String[] {"get_page_from_freelist", "try_to_free_pages"}) {
            states.add(run.state());
            steps.add(take(model, run.state(), label));
            run.step(label, "d1");
        }
        assertEquals(states.get(0), run.state(), "a loop");
        assertEquals("TRUE", run.var("kswapd_awake"));
        assertFalse(FairCycle.weaklyFair(model, states, steps), "kswapd is enabled throughout and never steps");
        assertEquals(null, FairCycle.violation(model, states, steps, List.of("AllocReturns")));
    }

    private static Transition<ReserveTreeState> take(ReserveTreeModel model, ReserveTreeState s, String label) {
        for (Transition<ReserveTreeState> t : model.successors(s)) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new AssertionError(label + " is not enabled");
    }

    /**
     * 675becce15f3: a node without ZONE_NORMAL has 0 free lowmem and a 0 reserve, so
     * pfmemalloc_watermark_ok never holds: once kswapd has reclaimed what it can and sleeps, the
     * throttled reclaimer sleeps for good.
     */
    @Test
    void throttleOnANodeWithoutNormalZoneDeadlocks() {
        var run = Steps.reserveTree("throttle_unsatisfiable_node").step("alloc_pages", "d1")
                .step("get_page_from_freelist", "d1").step("try_to_free_pages", "d1");
        assertEquals("(d1 :> \"throttled\")", run.var("dpc"));
        run.step("kswapd_balance");
        assertEquals("2", run.var("free_pages"));
        run.step("kswapd_sleep");
        assertEquals(Collections.emptyList(), run.enabled());

        var fixed = Steps.reserveTree("throttle_unsatisfiable_node", "throttle_checks_node_has_normal_zone", Boolean.TRUE)
                .step("alloc_pages", "d1").step("get_page_from_freelist", "d1").step("try_to_free_pages", "d1");
        assertEquals("(d1 :> \"shrink\")", fixed.var("dpc"));
    }

    /**
     * set_failed: with unlocked flags a connect beyond max_reserve_pages fails inside
     * sk_adjust_memalloc; the swapon fails, the atomic flag is taken back and xprt->swapper
     * restored.
     */
    @Test
    void aFailedConnectFailsTheSwapon() {
        var run = Steps.reserveTree("set_memalloc_test_then_set", "memalloc_flag_atomic", Boolean.TRUE,
                "memalloc_count_locked", Boolean.FALSE, "max_reserve_pages", 1, "swapfiles_per_xprt", 1)
                .step("swapon", F11).step("sock_flag", F11);
        assertEquals("<<TRUE>>", run.var("sock_memalloc"));
        run.step("atomic_read", F11);
        assertEquals("(<<1, 1>> :> [err |-> TRUE, old |-> 0, op |-> \"set\"])", run.var("sv"));
        assertEquals("FALSE", run.var("net_linked"));
        run.step("atomic_add_return", F11);
        assertEquals("\"set_failed\"", spc(run, F11));
        run.step("set_failed", F11);
        assertEquals("<<FALSE>>", run.var("sock_memalloc"));
        assertEquals("<<0>>", run.var("xprt_swapper"));
        assertEquals("(<<1, 1>> :> \"done\")", run.var("spc"));
        // the failed swapon still counted the socket: the unlocked atomic_add_return is done even
        // when the connect failed, so a count without a socket and without the reserve is left
        assertEquals("1", run.var("memalloc_socks"));
        assertEquals(Arrays.asList("NetReserveIffSockets", "MemallocCountMatches"), run.failing());
    }

    /** The spc entry of swapfile task "fx_k", whose key is <<x, k>>. */
    private static String spc(Steps<ReserveTreeState, ReserveTreeModel> run, String swapfile) {
        String key = "<<" + swapfile.charAt(1) + ", " + swapfile.charAt(3) + ">>";
        String all = run.var("spc");
        int i = all.indexOf(key + " :> ");
        int end = all.indexOf('"', i + key.length() + 5);
        return all.substring(i + key.length() + 4, end + 1);
    }
}
