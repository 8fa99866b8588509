package reservecheck.models.reserve_tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import reservecheck.models.TestCatalog;
import org.junit.jupiter.api.Test;

/** The parameters are the spec's CONSTANTS, and its ASSUMEs are enforced before a model runs. */
class ReserveTreeParamsTest {

    private static Map<String, Object> params(String variant, Object... overrides) {
        Map<String, Object> m = TestCatalog.reserveTree().parameters(variant);
        for (int i = 0; i < overrides.length; i += 2) {
            m.put((String) overrides[i], overrides[i + 1]);
        }
        return m;
    }

    @Test
    void theCatalogsParametersAreTheConstants() {
        Map<String, Object> m = params("reserve_tree_2008");
        assertEquals(ReserveTreeParams.constantNames().size(), m.size());
        assertTrue(m.keySet().containsAll(ReserveTreeParams.constantNames()));
        ReserveTreeParams p = new ReserveTreeParams(m);
        assertTrue(p.tree());
        assertTrue(p.sysctl());  // sysctl_pages 2 > ipv4_pages 1
        assertTrue(p.atomicMemalloc());
        assertEquals(Arrays.asList("<<1, 1>>", "<<2, 1>>"), p.swapfileNames());
        assertEquals(Arrays.asList("f1_1", "f2_1"), p.swapfileTasks());
        assertEquals(Arrays.asList("u1", "u2"), p.userNames());
        assertEquals("<<0, 0>>", p.adjusterName(p.sysctlSlot()));
        assertEquals(1, p.xprtOf(1));
        assertEquals(new ReserveTreeParams(m), p);

        ReserveTreeParams two = new ReserveTreeParams(params("swapper_single_bit"));
        assertEquals(Arrays.asList("<<1, 1>>", "<<1, 2>>"), two.swapfileNames());
        assertEquals(1, two.swapfileIndex("f1_2"));
        assertEquals(-1, two.swapfileIndex("<<1, 2>>"));
        assertEquals(0, two.xprtOf(1));
        assertFalse(new ReserveTreeParams(params("socket_count_connect_race")).atomicMemalloc());
        // merged_2012 has none of the tree's races: single steps whatever the tree's lock flags
        assertTrue(new ReserveTreeParams(params("memalloc_2012", "memalloc_count_locked", Boolean.FALSE))
                .atomicMemalloc());
    }

    @Test
    void missingUnknownOrMistypedParametersAreRefused() {
        Map<String, Object> m = params("reserve_tree_2008");
        m.remove("blocking");
        assertThrows(IllegalArgumentException.class, () -> new ReserveTreeParams(m));
        assertThrows(IllegalArgumentException.class, () -> new ReserveTreeParams(params("reserve_tree_2008", "procs", 2)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReserveTreeParams(params("reserve_tree_2008", "blocking", "yes")));
        assertThrows(IllegalArgumentException.class,
                () -> new ReserveTreeParams(params("reserve_tree_2008", "xprts", -1)));
        assertThrows(IllegalArgumentException.class, () -> new ReserveTreeParams(null));
    }

    /** Each ASSUME of ReserveTree.tla. */
    @Test
    void theSpecsAssumptionsAreEnforced() {
        assertRefused("reserve_tree_2008", "design", "tree_2006");
        assertRefused("reserve_tree_2008", "rounds", 0);
        assertRefused("reserve_tree_2008", "swapping_at_start", Boolean.TRUE, "xprts", 0, "reserve_users", 0);
        assertRefused("reserve_tree_2008", "allocators", 1);            // Tree => allocators = {}
        assertRefused("memalloc_2012", "reserve_users", 1);             // ~Tree => reserve_users = {}
        assertRefused("reserve_tree_2008", "xprts", 0);                 // users receive on transport 1
        assertRefused("reserve_tree_2008", "request_pages", 0);
        assertRefused("reserve_tree_2008", "request_pages", 3);         // more than ipv4 + ipv6 with accounting
        assertRefused("connect_without_usage", "swapping_at_start", Boolean.TRUE, "max_reserve_pages", 1);
        // the same values are fine where the assumption's premise is false
        new ReserveTreeParams(params("static_reserve_exhaustion", "request_pages", 3));  // no accounting
        new ReserveTreeParams(params("memalloc_2012", "swapping_at_start", Boolean.TRUE, "max_reserve_pages", 1));
    }

    private static void assertRefused(String variant, Object... overrides) {
        assertThrows(IllegalArgumentException.class, () -> new ReserveTreeParams(params(variant, overrides)),
                variant + " with " + Arrays.asList(overrides));
    }
}
