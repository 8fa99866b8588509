package reservecheck.models;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import reservecheck.models.lts.Model;

/**
 * Each catalog entry's expected TLC finding, as far as a plain reachability search shows it:
 * the named invariant fails, or some state deadlocks; for "ok" and for liveness findings,
 * neither (TLC checks liveness only once the safety checks pass).  Liveness itself is the
 * explorer's job.  Every protocol the catalog has, every one of its variants.
 */
class CatalogVerdictTest {
    /** The entries each protocol had when its model was written: none may get lost. */
    private static final Map<String, Integer> AT_LEAST = Map.of("mempool", 16, "reserve_tree", 11, "net_rx", 13, "alloc_policy", 13);

    /** One search per variant, shared by the tests below. */
    private static final Map<String, Bfs<?>> SEARCHES = new ConcurrentHashMap<>();

    static Stream<String> protocols() {
        return TestCatalog.protocols().stream();
    }

    static Stream<Arguments> variants() {
        List<Arguments> l = new ArrayList<>();
        for (String p : TestCatalog.protocols()) {
            for (String v : TestCatalog.of(p).variantNames()) {
                l.add(Arguments.of(p, v));
            }
        }
        return l.stream();
    }

    private static Bfs<?> search(String protocol, String variant) {
        return SEARCHES.computeIfAbsent(variant, v -> {
            TestCatalog catalog = TestCatalog.of(protocol);
            Model<?> model = Models.create(protocol, catalog.parameters(v));
            return new Bfs<>(model, catalog.invariants(v));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void theCatalogKeepsEveryEntry(String protocol) {
        List<String> variants = TestCatalog.of(protocol).variantNames();
        assertTrue(variants.size() >= AT_LEAST.getOrDefault(protocol, 1), protocol + " variants: " + variants);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void everyVariantShowsItsExpectedFinding(String protocol, String v) {
        Bfs<?> bfs = search(protocol, v);
        String verdict = TestCatalog.of(protocol).verdict(v);
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

    /** The model takes no step the catalog does not declare as one of the spec's actions. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void everyLabelTakenIsADeclaredAction(String protocol) {
        TestCatalog catalog = TestCatalog.of(protocol);
        Set<String> undeclared = new HashSet<>();
        for (String v : catalog.variantNames()) {
            undeclared.addAll(search(protocol, v).labels);
        }
        undeclared.removeAll(catalog.actions());
        assertTrue(undeclared.isEmpty(), protocol + " takes undeclared actions " + undeclared);
    }

}
