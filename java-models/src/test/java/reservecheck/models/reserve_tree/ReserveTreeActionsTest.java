package reservecheck.models.reserve_tree;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import reservecheck.models.Bfs;
import reservecheck.models.TestCatalog;

/** The catalog's reserve_tree entries between them take the spec's actions. */
class ReserveTreeActionsTest {

    /**
     * Every action of the spec but set_failed is taken somewhere in the catalog's variants
     * (set_failed needs a failing connect with unlocked flags: see the scenario test).
     */
    @Test
    void theCatalogExercisesEveryAction() {
        TestCatalog catalog = TestCatalog.reserveTree();
        Set<String> taken = new HashSet<String>();
        for (String v : catalog.variantNames()) {
            ReserveTreeModel model = ReserveTreeModel.fromParameters(catalog.parameters(v));
            taken.addAll(new Bfs<>(model, catalog.invariants(v)).labels);
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
