package reservecheck.models.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import reservecheck.models.TestCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model's reachable state graph has as many distinct states as TLC finds for the spec
 * (the counts the catalog records), for every correct design; any difference means the model
 * and Mempool.tla disagree somewhere.
 */
class MempoolStateCountTest {

    @ParameterizedTest
    @ValueSource(strings = {"mempool_2001", "mempool_modern", "mempool_zero_min_2025", "mempool_alloc_bulk"})
    void distinctStatesAsTlc(String variant) {
        TestCatalog catalog = TestCatalog.mempool();
        int expected = catalog.distinctStates(variant);
        assertTrue(expected > 0, "the catalog records TLC's count for " + variant);
        MempoolModel model = MempoolModel.fromParameters(catalog.parameters(variant));
        Bfs bfs = new Bfs(model, model.invariantNames());
        assertEquals(expected, bfs.seen.size(), variant + ": distinct states");
        // the correct designs break no invariant, NoHoldAndWait included, and never deadlock
        assertTrue(bfs.violated.isEmpty(), variant + " violates " + bfs.violated);
        assertTrue(bfs.deadlocks.isEmpty(), variant + " deadlocks in " + bfs.deadlocks);
    }
}
