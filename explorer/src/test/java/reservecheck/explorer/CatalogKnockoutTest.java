package reservecheck.explorer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Checks;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Protocol;
import reservecheck.catalog.RepositoryRoot;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;

/**
 * Every design of the catalog, knocked out one action at a time: without any action it takes,
 * some property must fail (or the catalog lists the action as redundant, with the reason).
 */
class CatalogKnockoutTest {
    private static Catalog catalog;

    static Stream<Variant> designs() throws Exception {
        catalog = CatalogLoader.loadAllowingMissingSpecs(RepositoryRoot.locate());
        return catalog.variants().stream()
                .filter(v -> v.kind() == Kind.DESIGN && Models.protocols().contains(v.protocol())
                        && v.expectedVerdict("explorer").isPresent());
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void withoutAnyOfItsActionsSomePropertyFails(Variant v) {
        Protocol p = catalog.protocol(v.protocol()).orElseThrow();
        Model<Object> model = (Model<Object>) Models.create(v.protocol(), Map.copyOf(v.parameters()));
        Checks c = v.checks();
        ExplorerOptions options = ExplorerOptions.defaults().withInvariants(c.invariants())
                .withProperties(c.properties()).withDeadlock(c.deadlock())
                .withSymmetry(c.useSymmetry() && c.properties().isEmpty());
        List<String> actions = p.requiredActions(v).stream().filter(a -> !v.redundant().containsKey(a)).toList();
        List<Knockout.Row> rows = Knockout.run(model, options, actions);
        StringBuilder unseen = new StringBuilder();
        for (Knockout.Row r : rows) {
            if (!r.caught()) {
                unseen.append(' ').append(r.action()).append(" (").append(r.result().verdict()).append(')');
            }
        }
        assertTrue(unseen.length() == 0, v.name() + ": no property fails without" + unseen);
        // a listed reason must still be true: a redundant action whose knock-out is caught is not redundant
        for (Knockout.Row r : Knockout.run(model, options, List.copyOf(v.redundant().keySet()))) {
            assertTrue(r.result().isOk(), v.name() + " lists " + r.action() + " as redundant, but without it "
                    + r.result().verdict());
        }
    }
}
