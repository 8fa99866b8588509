package reservecheck.models.reserve_tree;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import reservecheck.models.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * Each catalog entry's expected TLC finding, as far as a plain reachability search shows it:
 * the named invariant fails, or some state deadlocks; for "ok" and for liveness findings,
 * neither (TLC checks liveness only once the safety checks pass).  Liveness itself is the
 * explorer's job.
 */
class ReserveTreeCatalogVerdictTest {

    @Test
    void everyVariantShowsItsExpectedFinding() {
        TestCatalog catalog = TestCatalog.reserveTree();
        List<String> variants = catalog.variantNames();
        assertTrue(variants.size() >= 11, "variants: " + variants);
        for (String v : variants) {
            ReserveTreeModel model = ReserveTreeModel.fromParameters(catalog.parameters(v));
            Bfs bfs = new Bfs(model, catalog.invariants(v));
            String verdict = catalog.verdict(v);
            if (verdict.startsWith("invariant:")) {
                String inv = verdict.substring("invariant:".length());
                assertTrue(bfs.violated.contains(inv), v + ": " + inv + " should fail; failed: " + bfs.violated);
            } else if (verdict.equals("deadlock")) {
                assertFalse(bfs.deadlocks.isEmpty(), v + " should deadlock");
                assertTrue(bfs.violated.isEmpty(), v + " should keep its invariants, fails " + bfs.violated);
            } else if (verdict.equals("ok") || verdict.startsWith("liveness:")) {
                assertTrue(bfs.violated.isEmpty(), v + " fails " + bfs.violated);
                assertTrue(bfs.deadlocks.isEmpty(), v + " deadlocks in " + bfs.deadlocks);
            } else {
                throw new AssertionError(v + ": unknown verdict " + verdict);
            }
        }
    }

    /**
     * Every action of the spec but set_failed is taken somewhere in the catalog's variants
     * (set_failed needs a failing connect with unlocked flags: see the scenario test).
     */
    @Test
    void theCatalogExercisesEveryAction() {
        TestCatalog catalog = TestCatalog.reserveTree();
        Set<String> taken = new HashSet<String>();
        for (String v : catalog.variantNames()) {
            taken.addAll(new Bfs(ReserveTreeModel.fromParameters(catalog.parameters(v)), catalog.invariants(v)).labels);
        }
        String[] all = {
            Label.SWAPON, Label.SWAPOFF, Label.SOCK_FLAG, Label.SK_ADJUST_MEMALLOC, Label.ATOMIC_READ,
            Label.ATOMIC_ADD_RETURN, Label.MEM_RESERVE_DISCONNECT, Label.ADJUST_MEMALLOC_RESERVE_WRITE,
            Label.SOCK_SET_FLAG, Label.CLEAR_TEST, Label.SOCK_RESET_FLAG, Label.CLEAR_DONE,
            Label.MEM_RESERVE_PAGES_SET, Label.SYSCTL_ADJUST_MEMALLOC_RESERVE, Label.RESERVE_REQUEST,
            Label.ALLOC_PAGES_RESERVE, Label.WAKE_CHARGE, Label.WAKE_MEM, Label.FREE_PAGES_RESERVE,
            Label.ALLOC_PAGES, Label.SEND_SIGKILL, Label.GET_PAGE_FROM_FREELIST, Label.TRY_TO_FREE_PAGES,
            Label.THROTTLE_WAKE, Label.SHRINK_ZONES, Label.OUT_OF_MEMORY, Label.FREE_PAGE,
            Label.KSWAPD_BALANCE, Label.KSWAPD_SLEEP, Label.TERMINATED
        };
        for (String a : all) {
            assertTrue(taken.contains(a), a + " is never taken; taken: " + taken);
        }
    }
}
