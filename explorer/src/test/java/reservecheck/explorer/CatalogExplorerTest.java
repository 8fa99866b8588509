package reservecheck.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Checks;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Protocol;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;

/**
 * The explorer on each protocol's model reaches every catalog entry's expected explorer verdict
 * (TLC's, and where the catalog gives one TLC's distinct-state count): a different verdict means
 * the model differs from the protocol's spec.  Every protocol with a model, from the catalog.
 */
class CatalogExplorerTest {

    private static Catalog catalog;

    private static Catalog catalog() throws Exception {
        if (catalog == null) {
            catalog = CatalogLoader.loadAllowingMissingSpecs(root());
        }
        return catalog;
    }

    static Stream<Variant> variants() throws Exception {
        Catalog catalog = catalog();
        return catalog.variants().stream()
                .filter(v -> Models.protocols().contains(v.protocol()) && v.expectedVerdict("explorer").isPresent());
    }

    private static Path root() {
        String prop = System.getProperty("reservecheck.root");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "catalog"))) {
            return Path.of(prop);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(CatalogLoader.SCHEMA))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root");
        }
        return dir;
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void reachesTheCatalogVerdict(Variant v) throws Exception {
        Model<Object> model = (Model<Object>) Models.create(v.protocol(), Map.copyOf(v.parameters()));
        Checks c = v.checks();
        ExplorerOptions options = ExplorerOptions.defaults()
                .withInvariants(c.invariants())
                .withProperties(c.properties())
                .withDeadlock(c.deadlock())
                .withSymmetry(c.useSymmetry() && c.properties().isEmpty());
        ExplorerResult<Object> r = Explorer.check(model, options);
        assertFalse(r.isInconclusive(), r.toString());
        assertEquals(v.expectedVerdict("explorer").orElseThrow(), r.verdict(), r.toString());
        OptionalLong states = v.expectedDistinctStates("explorer");
        if (states.isPresent()) {
            assertEquals(states.getAsLong(), r.distinctStates(), r.toString());
        }
        Protocol protocol = catalog().protocol(v.protocol()).orElseThrow();
        for (String label : r.actionsTaken()) {
            assertTrue(protocol.actions().contains(label),
                    v.name() + " takes " + label + ", which " + v.protocol() + "'s actions list lacks");
        }
        if (v.kind() == Kind.DESIGN) {
            // no vacuous pass: a design takes every action of its protocol, or the catalog says why not
            List<String> missing = protocol.requiredActions(v).stream().filter(a -> !r.actionsTaken().contains(a)).toList();
            assertTrue(missing.isEmpty(), v.name() + " never takes " + missing + " (coverage " + r.coverage() + ")");
            List<String> stale = v.uncovered().keySet().stream().filter(a -> r.actionsTaken().contains(a)).toList();
            assertTrue(stale.isEmpty(), v.name() + " lists " + stale + " as uncovered but takes them: drop the reason");
        }
        if (!r.isOk()) {
            assertNotNull(r.counterexample());
            if (r.verdict().startsWith("liveness:")) {
                Traces.assertFairViolation(model, r.verdict().substring("liveness:".length()), r.counterexample());
            } else {
                Traces.assertPath(model, r.counterexample());
            }
        }
    }
}
