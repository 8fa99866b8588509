package reservecheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Variant;
import reservecheck.results.JUnitXmlWriter;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;

/**
 * The jqwik checker over the whole catalog: for every variant with a jqwik expectation, the
 * stateful property must find exactly the expected verdict (bugs) or pass all its tries
 * (designs).  Each result is added to the suite's results file.  A bug's shrunk chain must be
 * kept as a regression ({@link ChainRegressionTest}); with -Dreservecheck.recordChains=true the
 * chains found now are written there instead.
 */
class CatalogJqwikTest {
    static final String CHECKER = "jqwik";
    private static final List<ResultRecord> records = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyVariantGivesTheCatalogsJqwikVerdict() {
        List<Variant> variants = Repo.catalog().variants().stream()
                .filter(v -> v.expectedVerdict(CHECKER).isPresent()).toList();
        assertTrue(variants.size() >= 1, "the catalog has no jqwik expectations");
        return variants.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
    }

    private static void check(Variant v) throws IOException {
        JqwikChecker.Outcome out = JqwikChecker.run(v);
        ResultRecord r = ResultRecord.compare(v, CHECKER, out.verdict(), -1, out.steps().size(),
                out.seconds(), out.message(), null);
        synchronized (records) {
            records.add(r);
        }
        if (!out.steps().isEmpty() && Boolean.getBoolean("reservecheck.recordChains")) {
            Path file = Repo.chainFile(v.protocol(), v.name());
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            lines.add("# " + v.name() + ": shrunk jqwik chain reaching " + out.verdict());
            lines.addAll(out.steps());
            Files.write(file, lines);
        }
        assertEquals(v.expectedVerdict(CHECKER).orElseThrow(), out.verdict(), v.name() + ": " + out.message());
    }

    @AfterAll
    static void writeResults() throws IOException {
        if (records.isEmpty()) {
            return;
        }
        ResultsFile results = ResultsFile.inRepository(Repo.root());
        List<ResultRecord> all = results.merge(records);
        JUnitXmlWriter.write(JUnitXmlWriter.junitDir(results.path()), CHECKER,
                all.stream().filter(r -> r.checker().equals(CHECKER)).toList());
    }
}
