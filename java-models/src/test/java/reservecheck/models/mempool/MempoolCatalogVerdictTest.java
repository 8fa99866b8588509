package reservecheck.models.mempool;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import reservecheck.models.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * Each catalog entry's expected TLC finding, as far as a plain reachability search shows it:
 * the named invariant fails, or some state deadlocks; for "ok" and for liveness findings,
 * neither (TLC checks liveness only once the safety checks pass).  Liveness itself is the
 * explorer's job.
 */
class MempoolCatalogVerdictTest {

    @Test
    void everyVariantShowsItsExpectedFinding() {
        TestCatalog catalog = TestCatalog.mempool();
        List<String> variants = catalog.variantNames();
        assertTrue(variants.size() >= 16, "variants: " + variants);
        for (String v : variants) {
            MempoolModel model = MempoolModel.fromParameters(catalog.parameters(v));
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
}
