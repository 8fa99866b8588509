package reservecheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;

/**
 * Every bug's shrunk jqwik chain, kept as an explicit list of steps (a seed would stop
 * reproducing the chain as soon as the actions change): replayed step by step on the model,
 * each step must be enabled, no state before the last may show a finding, and the last must
 * show the catalog's jqwik verdict.
 */
class ChainRegressionTest {

    @TestFactory
    Stream<DynamicTest> everyBugsShrunkChainStillReachesItsVerdict() {
        return Repo.catalog().variants().stream()
                .filter(v -> v.expectedVerdict(CatalogJqwikTest.CHECKER).filter(x -> !x.equals("ok")).isPresent())
                .map(v -> DynamicTest.dynamicTest(v.name(), () -> replay(v)));
    }

    @SuppressWarnings("unchecked")
    private static void replay(Variant v) throws IOException {
        Path file = Repo.chainFile(v.protocol(), v.name());
        assertTrue(Files.isRegularFile(file), "no regression chain kept for " + v.name() + " at " + file);
        List<String> steps = Files.readAllLines(file).stream()
                .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        Model<Object> model = (Model<Object>) Models.create(v.protocol(), Map.copyOf(v.parameters()));
        Walk<Object> walk = new Walk<>(model);
        for (int i = 0; i < steps.size(); i++) {
            Optional<String> early = find(v, model, walk.state);
            if (early.isPresent()) {
                fail(v.name() + ": " + early.get() + " already before step " + (i + 1));
            }
            if (!walk.take(steps.get(i))) {
                fail(v.name() + ": step " + (i + 1) + " " + steps.get(i) + " is not enabled");
            }
        }
        assertEquals(v.expectedVerdict(CatalogJqwikTest.CHECKER).orElseThrow(),
                find(v, model, walk.state).orElse("ok"), v.name() + " after " + steps);
    }

    private static Optional<String> find(Variant v, Model<Object> model, Object state) {
        return Findings.of(model, state, v.checks().invariants(), v.checks().properties(), v.checks().deadlock());
    }
}
