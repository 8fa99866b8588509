package reservecheck.models.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import reservecheck.models.Bfs;
import reservecheck.models.Steps;
import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Transition;

/** What Mempool.tla says of the Model interface: its variables' text, TaskProgress fairness, the procs' symmetry. */
class MempoolModelInterfaceTest {

    @Test
    void initialStateAsTlaText() {
        var run = Steps.mempool("mempool_2001");  // min_nr 2, procs 3, irqs 1, one free and one reserve page
        assertEquals("2", run.var("curr_nr"));
        assertEquals("2", run.var("free_pages"));
        assertEquals("1", run.var("clean_pages"));
        assertEquals("<<>>", run.var("waitq"));
        assertEquals("(i1 :> \"idle\" @@ p1 :> \"idle\" @@ p2 :> \"idle\" @@ p3 :> \"idle\")", run.var("pc"));
        assertEquals("(i1 :> 2 @@ p1 :> 2 @@ p2 :> 2 @@ p3 :> 2)", run.var("rounds_left"));
        assertEquals("(i1 :> FALSE @@ p1 :> FALSE @@ p2 :> FALSE @@ p3 :> FALSE)", run.var("saw_empty"));
        assertEquals("(i1 :> \"running\" @@ p1 :> \"running\" @@ p2 :> \"running\" @@ p3 :> \"running\")",
                run.var("tstate"));
    }

    @Test
    void fairnessIsTaskProgressPerTask() {
        var run = Steps.mempool("untimed_pool_wait", "pool_wait_timeout", Boolean.TRUE);
        MempoolModel model = run.model();
        assertEquals(Arrays.asList("TaskProgress(p1)", "TaskProgress(p2)"), model.fairnessGroups());
        for (Transition<MempoolState> t : model.successors(run.state())) {
            assertEquals("mempool_alloc", t.label());
            assertNull(model.fairnessGroup(t), "starting a request is not fair");
        }
        // p1 takes the pool's element, then sleeps for its second one holding the first
        run.step("mempool_alloc", "p1").step("pool_alloc", "p1").step("remove_element", "p1")
                .step("pool_alloc", "p1").step("remove_element", "p1");
        assertEquals("<<p1>>", run.var("waitq"));  // first_round_full_mask is FALSE here
        assertEquals(new HashSet<String>(Arrays.asList("mempool_alloc(p2) null", "io_schedule_timeout(p1) null")),
                run.fairness());
        run.step("io_schedule_timeout", "p1").step("pool_alloc", "p1");  // the full mask reclaims a page
        assertEquals("(p1 :> 2 @@ p2 :> 0)", run.var("held"));
        assertEquals(new HashSet<String>(Arrays.asList("mempool_alloc(p2) null", "mempool_free(p1) TaskProgress(p1)")),
                run.fairness());
        run.step("mempool_alloc", "p2");
        assertEquals(Arrays.asList("AllocReturns"), model.propertyNames());
        LeadsTo<MempoolState> allocReturns = model.property("AllocReturns");
        assertEquals(Arrays.asList("p1", "p2"), allocReturns.tasks());
        assertTrue(allocReturns.p("p2", run.state()) && !allocReturns.q("p2", run.state()));
        assertTrue(!allocReturns.p("p1", run.state()) && allocReturns.q("p1", run.state()));
    }

    @Test
    void canonicalRenamesProcsAmongThemselvesIncludingTheWaitQueue() {
        var a = Steps.mempool("mempool_modern", "min_nr", 1, "init_free_pages", 0, "init_clean_pages", 0)
                .step("mempool_alloc", "p1").step("pool_alloc", "p1").step("remove_element", "p1")
                .step("mempool_alloc", "p3").step("pool_alloc", "p3").step("remove_element", "p3")
                .step("pool_alloc", "p3").step("remove_element", "p3");
        var b = Steps.mempool("mempool_modern", "min_nr", 1, "init_free_pages", 0, "init_clean_pages", 0)
                .step("mempool_alloc", "p2").step("pool_alloc", "p2").step("remove_element", "p2")
                .step("mempool_alloc", "p1").step("pool_alloc", "p1").step("remove_element", "p1")
                .step("pool_alloc", "p1").step("remove_element", "p1");
        assertEquals("<<p3>>", a.var("waitq"));
        assertEquals("<<p1>>", b.var("waitq"));
        assertNotEquals(a.state(), b.state());
        MempoolModel model = a.model();
        MempoolState c = model.canonical(a.state());
        assertEquals(c, model.canonical(b.state()));
        assertEquals(c, model.canonical(c));
        // the irq stays an irq
        assertTrue(model.variable(c, "pc").startsWith("(i1 :> \"idle\""));
    }

    @Test
    void canonicalNeverSwapsAProcWithAnIrq() {
        var p = Steps.mempool("mempool_modern", "procs", 1, "irqs", 1).step("mempool_alloc", "p1");
        var i = Steps.mempool("mempool_modern", "procs", 1, "irqs", 1).step("mempool_alloc", "i1");
        assertNotEquals(p.model().canonical(p.state()), i.model().canonical(i.state()));
    }

    /** Every renaming of a reachable state has the same representative, and the same invariants. */
    @Test
    void canonicalIsConstantOnSymmetryClasses() {
        MempoolModel model = Steps.mempool("mempool_modern").model();  // procs 3, irqs 1
        Symmetry symmetry = new Symmetry(model.params());
        assertEquals(6, symmetry.size());
        List<int[]> perms = new ArrayList<int[]>();
        int[][] procOrders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] o : procOrders) {
            perms.add(new int[] {o[0], o[1], o[2], 3});
        }
        Bfs<MempoolState> bfs = new Bfs<>(model, new ArrayList<String>());
        Set<MempoolState> classes = new HashSet<MempoolState>();
        int checked = 0;
        for (MempoolState s : bfs.seen) {
            MempoolState c = model.canonical(s);
            classes.add(c);
            if (checked++ % 7 != 0) {
                continue;  // a sample keeps the test fast
            }
            for (int[] perm : perms) {
                MempoolState r = Symmetry.rename(s, perm);
                assertTrue(bfs.seen.contains(r), "a renaming of a reachable state is reachable");
                assertEquals(c, model.canonical(r));
                for (String inv : model.invariantNames()) {
                    assertEquals(model.invariant(inv, s), model.invariant(inv, r), inv);
                }
            }
        }
        assertTrue(classes.size() < bfs.seen.size() && classes.size() * 6 >= bfs.seen.size(),
                classes.size() + " classes of " + bfs.seen.size());
        assertFalse(classes.isEmpty());
    }
}
