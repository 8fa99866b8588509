package reservecheck.models.reserve_tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import reservecheck.models.Bfs;
import reservecheck.models.Steps;
import org.junit.jupiter.api.Test;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Transition;

/** What ReserveTree.tla says of the Model interface: its variables' text, fairness, leads-to properties, symmetry. */
class ReserveTreeModelInterfaceTest {

    @Test
    void initialStateAsTlaText() {
        // two transports with a swapfile each, two users, the sysctl raising ipv4 from 1 to 2
        var run = Steps.reserveTree("reserve_tree_2008");
        assertEquals("1", run.var("own4"));
        assertEquals("[ipv4 |-> 1, ipv6 |-> 1, net |-> 2, root |-> 0]", run.var("pages"));
        assertEquals("[ipv4 |-> 1, ipv6 |-> 1, net |-> 2, root |-> 0]", run.var("limit"));
        assertEquals("[ipv4 |-> 0, ipv6 |-> 0, net |-> 0, root |-> 0]", run.var("usage"));
        assertEquals("FALSE", run.var("net_linked"));
        String none = "[dl |-> 0, du |-> 0, next |-> \"none\", path |-> {}, var |-> 0]";
        assertEquals("(<<0, 0>> :> " + none + " @@ <<1, 1>> :> " + none + " @@ <<2, 1>> :> " + none + ")",
                run.var("pending"));
        assertEquals("<<FALSE, FALSE>>", run.var("sock_memalloc"));
        assertEquals("<<0, 0>>", run.var("xprt_swapper"));
        assertEquals("(<<1, 1>> :> \"idle\" @@ <<2, 1>> :> \"idle\")", run.var("spc"));
        assertEquals("(<<1, 1>> :> 1 @@ <<2, 1>> :> 1)", run.var("srounds"));
        assertEquals("(<<1, 1>> :> [err |-> FALSE, old |-> 0, op |-> \"none\"] @@ <<2, 1>> :> "
                + "[err |-> FALSE, old |-> 0, op |-> \"none\"])", run.var("sv"));
        assertEquals("\"idle\"", run.var("sysctl_pc"));
        assertEquals("(u1 :> \"idle\" @@ u2 :> \"idle\")", run.var("upc"));
        assertEquals("(u1 :> 1 @@ u2 :> 1)", run.var("urounds"));
        assertEquals("1", run.var("normal_free"));
        // the allocator part stays constant in tree_2008: empty functions are <<>>
        assertEquals("<<>>", run.var("dpc"));
        assertEquals("<<>>", run.var("killed"));
        assertEquals("FALSE", run.var("oom_victim_alive"));

        var merged = Steps.reserveTree("memalloc_2012");
        assertEquals("(d1 :> \"idle\" @@ d2 :> \"idle\")", merged.var("dpc"));
        assertEquals("TRUE", merged.var("oom_victim_alive"));
        assertEquals("\"done\"", merged.var("sysctl_pc"));
        assertEquals("<<>>", merged.var("upc"));
        // no transports, no swapfiles: only SYSCTL is an adjuster
        var none0 = Steps.reserveTree("throttled_killed_no_oom");
        assertEquals("<<>>", none0.var("spc"));
        assertEquals("<<>>", none0.var("sock_memalloc"));
        assertEquals("(<<0, 0>> :> " + none + ")", none0.var("pending"));
    }

    @Test
    void fairnessIsTheSpecsWeakFairnessConjuncts() {
        ReserveTreeModel model = Steps.reserveTree("reserve_tree_2008").model();
        assertEquals(Arrays.asList("SwapProgress(<<1, 1>>)", "SwapProgress(<<2, 1>>)", "sysctl_adjust_memalloc_reserve",
                "UserProgress(u1)", "UserProgress(u2)", "KswapdProgress"), model.fairnessGroups());
        assertEquals(Arrays.asList("AllocProgress(d1)", "AllocProgress(d2)"),
                Steps.reserveTree("memalloc_2012").model().fairnessGroups().subList(2, 4));
        // at the start only the unfair starts are enabled, in the order of Next's disjuncts
        var run = Steps.reserveTree("reserve_tree_2008");
        assertEquals(Arrays.asList("swapon(f1_1)", "swapon(f2_1)", "mem_reserve_pages_set",
                "reserve_request(u1)", "reserve_request(u2)"), run.enabled());
        for (Transition<ReserveTreeState> t : model.successors(run.state())) {
            assertNull(model.fairnessGroup(t), t + " is not fair");
            assertTrue(model.startsRequest(t), t + " starts work");
        }
        run.step("swapon", "f1_1").step("reserve_request", "u1");
        assertEquals(new HashSet<String>(Arrays.asList("swapon(f2_1) null true",
                "swapoff(f1_1) SwapProgress(<<1, 1>>) false", "mem_reserve_pages_set null true",
                "alloc_pages_reserve(u1) UserProgress(u1) false", "reserve_request(u2) null true")),
                run.fairnessAndStarts());

        // the sysctl's deferred store is weakly fair on its own (it defers only with net linked)
        var sys = Steps.reserveTree("unlocked_reserve_adjust").step("swapon", "f1_1").step("sock_flag", "f1_1")
                .step("sk_adjust_memalloc", "f1_1").step("adjust_memalloc_reserve_write", "f1_1")
                .step("mem_reserve_pages_set");
        Set<String> steps = sys.fairnessAndStarts();
        assertTrue(steps.contains("sysctl_adjust_memalloc_reserve sysctl_adjust_memalloc_reserve false"),
                steps.toString());

        var merged = Steps.reserveTree("memalloc_2012").step("alloc_pages", "d1").step("get_page_from_freelist", "d1");
        Set<String> m = merged.fairnessAndStarts();
        assertTrue(m.contains("send_sigkill(d1) null false"), m.toString());  // SIGKILL may never come
        assertTrue(m.contains("try_to_free_pages(d1) AllocProgress(d1) false"), m.toString());
        assertTrue(m.contains("kswapd_balance KswapdProgress false"), m.toString());
        assertTrue(m.contains("alloc_pages(d2) null true"), m.toString());
    }

    /**
     * A swapfile's task spells its tuple as an identifier (ITF task names are identifiers);
     * its key in the spec's functions and its fairness group keep the tuple.
     */
    @Test
    void swapfileTasksAreIdentifiersForTheirTuples() {
        ReserveTreeModel model = Steps.reserveTree("swapper_single_bit").model();
        assertEquals(Arrays.asList("f1_1", "f1_2"), model.params().swapfileTasks());
        assertEquals(Arrays.asList("<<1, 1>>", "<<1, 2>>"), model.params().swapfileNames());
        assertEquals("<<1, 2>>", model.params().swapfileKey(model.params().swapfileIndex("f1_2")));
        for (Transition<ReserveTreeState> t : model.successors(model.initialStates().get(0))) {
            assertTrue(t.task().matches("^[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*$"), t.task());
        }
        var run = Steps.reserveTree("swapper_single_bit").step("swapon", "f1_2");
        assertEquals("(<<1, 1>> :> \"idle\" @@ <<1, 2>> :> \"live\")", run.var("spc"));
        assertEquals(Arrays.asList("SwapProgress(<<1, 1>>)", "SwapProgress(<<1, 2>>)"),
                model.fairnessGroups().subList(0, 2));
    }

    @Test
    void terminatedIsASelfLoopOnceEveryActorIsDone() {
        var run = Steps.reserveTree("swapper_single_bit").step("swapon", "f1_1").step("swapoff", "f1_1")
                .step("swapon", "f1_2").step("swapoff", "f1_2");
        List<Transition<ReserveTreeState>> next = run.model().successors(run.state());
        assertEquals(1, next.size());
        assertEquals("Terminated", next.get(0).label());
        assertNull(next.get(0).task());
        assertSame(run.state(), next.get(0).target());
        // a swapfile that stays on is done when live
        var on = Steps.reserveTree("swapper_single_bit", "swap_stays_on", Boolean.TRUE)
                .step("swapon", "f1_1").step("swapon", "f1_2");
        assertEquals(Arrays.asList("Terminated"), on.enabled());
    }

    /** Each liveness property is one leads-to over a whole kind: one pseudo-task, the spec's predicate. */
    @Test
    void propertiesAreTheSpecsLeadsTo() {
        ReserveTreeModel model = Steps.reserveTree("reserve_tree_2008").model();
        assertEquals(Arrays.asList("AllocReturns", "ChargeProceeds", "ThrottledWake", "MemallocOpsReturn"),
                model.propertyNames());
        assertEquals(Arrays.asList("Allocating"), model.property("AllocReturns").tasks());
        assertEquals(Arrays.asList("WaitingCharge"), model.property("ChargeProceeds").tasks());
        assertEquals(Arrays.asList("Throttled"), model.property("ThrottledWake").tasks());
        assertEquals(Arrays.asList("MemallocBusy"), model.property("MemallocOpsReturn").tasks());

        var run = Steps.reserveTree("reserve_tree_2008").step("reserve_request", "u1");
        LeadsTo<ReserveTreeState> allocReturns = model.property("AllocReturns");
        assertTrue(allocReturns.p("Allocating", run.state()) && !allocReturns.q("Allocating", run.state()));
        assertThrows(IllegalArgumentException.class, () -> allocReturns.p("u1", run.state()));
        // u1 is refused (no SOCK_MEMALLOC socket yet, no normal memory after its first page):
        // NULL ends the allocation
        run.step("alloc_pages_reserve", "u1").step("alloc_pages_reserve", "u1");
        assertEquals("(u1 :> \"done\" @@ u2 :> \"idle\")", run.var("upc"));
        assertTrue(!allocReturns.p("Allocating", run.state()) && allocReturns.q("Allocating", run.state()));

        var busy = Steps.reserveTree("set_memalloc_test_then_set").step("swapon", "f1_1");
        assertTrue(model.property("MemallocOpsReturn").p("MemallocBusy", busy.state()));
    }

    @Test
    void canonicalSortsTheUsersAndKeepsEverythingElse() {
        var a = Steps.reserveTree("reserve_tree_2008").step("swapon", "f1_1").step("reserve_request", "u1")
                .step("alloc_pages_reserve", "u1");
        var b = Steps.reserveTree("reserve_tree_2008").step("swapon", "f1_1").step("reserve_request", "u2")
                .step("alloc_pages_reserve", "u2");
        assertNotEquals(a.state(), b.state());
        ReserveTreeModel model = a.model();
        ReserveTreeState c = model.canonical(a.state());
        assertEquals(c, model.canonical(b.state()));
        assertEquals(c, model.canonical(c));
        assertEquals(a.var("pages"), model.variable(c, "pages"));
        // the transports are not permuted: the spec's symmetry is over tasks only
        var x = Steps.reserveTree("reserve_tree_2008").step("swapon", "f1_1");
        var y = Steps.reserveTree("reserve_tree_2008").step("swapon", "f2_1");
        assertNotEquals(model.canonical(x.state()), model.canonical(y.state()));
        assertSame(x.state(), model.canonical(x.state()));
    }

    /** Every renaming of a reachable state is reachable and in the same class, with the same invariants. */
    @Test
    void canonicalIsConstantOnSymmetryClasses() {
        for (String v : new String[] {"reserve_tree_2008", "memalloc_2012"}) {
            ReserveTreeModel model = Steps.reserveTree(v).model();
            Bfs<ReserveTreeState> bfs = new Bfs<>(model, new ArrayList<String>());
            Set<ReserveTreeState> classes = new HashSet<ReserveTreeState>();
            for (ReserveTreeState s : bfs.seen) {
                ReserveTreeState c = model.canonical(s);
                classes.add(c);
                ReserveTreeState r = swapFirstTwo(s);
                assertTrue(bfs.seen.contains(r), "a renaming of a reachable state is reachable");
                assertEquals(c, model.canonical(r));
                for (String inv : model.invariantNames()) {
                    assertEquals(model.invariant(inv, s), model.invariant(inv, r), inv);
                }
            }
            assertTrue(classes.size() < bfs.seen.size() && classes.size() * 2 >= bfs.seen.size(),
                    v + ": " + classes.size() + " classes of " + bfs.seen.size());
            assertFalse(classes.isEmpty());
        }
    }

    /** s with users 1 and 2 (or allocators 1 and 2) exchanged. */
    private static ReserveTreeState swapFirstTwo(ReserveTreeState s) {
        ReserveTreeState.Builder b = s.edit();
        if (b.upc.length >= 2) {
            swap(b.upc);
            swap(b.hn);
            swap(b.he);
            swap(b.charged);
            swap(b.urounds);
        }
        if (b.dpc.length >= 2) {
            swap(b.dpc);
            swap(b.drounds);
            boolean t = b.killed[0];
            b.killed[0] = b.killed[1];
            b.killed[1] = t;
            t = b.memdie[0];
            b.memdie[0] = b.memdie[1];
            b.memdie[1] = t;
        }
        return b.build();
    }

    private static void swap(int[] a) {
        int t = a[0];
        a[0] = a[1];
        a[1] = t;
    }
}
