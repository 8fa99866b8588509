package reservecheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;





import org.junit.jupiter.params.ParameterizedTest;

import org.junit.jupiter.params.provider.MethodSource;

import reservecheck.models.lts.Model;

/**
 * The model's reachable state graph has as many distinct states as TLC finds for the spec
 * (the counts the catalog records), for every design of every protocol; any difference means
 * the model and its spec disagree somewhere.
 */
class StateCountTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("reservecheck.models.TestCatalog#designs")
    void distinctStatesAsTlc(String protocol, String variant) {
        TestCatalog catalog = TestCatalog.of(protocol);
        int expected = catalog.distinctStates(variant);
        assertTrue(expected > 0, "the catalog records TLC's count for " + variant);
        Model<?> model = Models.create(protocol, catalog.parameters(variant));
        Bfs<?> bfs = new Bfs<>(model, model.invariantNames());
        assertEquals(expected, bfs.seen.size(), variant + ": distinct states");
        // the correct designs break no invariant of their spec (mempool's NoHoldAndWait
        // included) and never deadlock
        assertTrue(bfs.violated.isEmpty(), variant + " violates " + bfs.violated);
        assertTrue(bfs.deadlocks.isEmpty(), variant + " deadlocks in " + bfs.deadlocks);
    }
}
