package reservecheck.models.reserve_tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import reservecheck.models.TestCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model's reachable state graph has as many distinct states as TLC finds for the spec
 * (the counts the catalog records), for both designs; any difference means the model and
 * ReserveTree.tla disagree somewhere.
 */
class ReserveTreeStateCountTest {

    @ParameterizedTest
    @ValueSource(strings = {"reserve_tree_2008", "memalloc_2012"})
    void distinctStatesAsTlc(String variant) {
        TestCatalog catalog = TestCatalog.reserveTree();
        int expected = catalog.distinctStates(variant);
        assertTrue(expected > 0, "the catalog records TLC's count for " + variant);
        ReserveTreeModel model = ReserveTreeModel.fromParameters(catalog.parameters(variant));
        Bfs bfs = new Bfs(model, model.invariantNames());
        assertEquals(expected, bfs.seen.size(), variant + ": distinct states");
        // the correct designs break no invariant of the spec and never deadlock
        assertTrue(bfs.violated.isEmpty(), variant + " violates " + bfs.violated);
        assertTrue(bfs.deadlocks.isEmpty(), variant + " deadlocks in " + bfs.deadlocks);
    }
}
