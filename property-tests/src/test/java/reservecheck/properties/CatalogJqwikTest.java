package reservecheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.results.JUnitXmlWriter;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.results.Run;
import reservecheck.traces.CatalogTraces;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ModelTraces;

/**
 * The jqwik checker over the whole catalog: for every variant with a jqwik expectation, the
 * stateful property must find exactly the expected verdict (bugs) or pass all its tries
 * (designs).  Each result is added to the suite's results file.  A bug's shrunk chain must be
 * kept as a regression ({@link ChainRegressionTest}); with -Dreservecheck.recordChains=true the
 * chains found now are written there instead.  A bug's chain is also written as an ITF trace
 * to results/traces/jqwik/.
 */
class CatalogJqwikTest {
    static final String CHECKER = "jqwik";
    private static final List<ResultRecord> records = new ArrayList<>();
    // the run the records are of, from when the properties start (make test gives all its JVMs one id)
    private static final Run RUN = Run.ofThisInvocation();

    @TestFactory
    Stream<DynamicTest> everyVariantGivesTheCatalogsJqwikVerdict() {
        // -Dreservecheck.jqwik.only=V runs one entry (with recordChains: records that entry's chain only)
        String only = System.getProperty("reservecheck.jqwik.only");
        List<Variant> variants = Repo.catalog().variants().stream()
                .filter(v -> v.expectedVerdict(CHECKER).isPresent())
                .filter(v -> only == null || v.name().equals(only)).toList();
        assertTrue(variants.size() >= 1, only == null ? "the catalog has no jqwik expectations"
                : "no jqwik expectation for " + only);
        return variants.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
    }

    private static void check(Variant v) throws IOException {
        JqwikChecker.Outcome out = JqwikChecker.run(v);
        String trace = writeTrace(v, out);
        ResultRecord r = ResultRecord.compare(v, CHECKER, out.verdict(), -1, out.steps().size(),
                out.seconds(), out.message(), trace);
        synchronized (records) {
            records.add(r);
        }
        // a finding with no steps is kept too: the initial state already shows it (a chain of zero steps)
        if (!out.verdict().equals("ok") && Boolean.getBoolean("reservecheck.recordChains")) {
            Path file = Repo.chainFile(v.protocol(), v.name());
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            lines.add("# " + v.name() + ": shrunk jqwik chain reaching " + out.verdict());
            lines.addAll(out.steps());
            Files.write(file, lines);
        }
        assertEquals(v.expectedVerdict(CHECKER).orElseThrow(), out.verdict(), v.name() + ": " + out.message());
    }

    /**
     * The shrunk chain as an ITF trace in results/traces/jqwik/, where every checker's traces go
     * (docs/TRACES.md); the chain only, with the verdict in its meta.  Returns its path relative
     * to the repository, or null when there is no counterexample.
     */
    private static String writeTrace(Variant v, JqwikChecker.Outcome out) throws IOException {
        if (out.steps().isEmpty() || !CatalogTraces.isViolation(out.verdict())) {
            return null;
        }
        Path root = Repo.root();
        Path file = CatalogTraces.file(ResultsFile.inRepository(root).path().getParent(), CHECKER, v.name());
        ItfJson.write(ModelTraces.fromJqwikChain(Models.create(v.protocol(), Map.copyOf(v.parameters())),
                out.steps(), v.name(), out.verdict(), out.message(), v.parameters()), file);
        return root.relativize(file.toAbsolutePath().normalize()).toString();
    }

    @AfterAll
    static void writeResults() throws IOException {
        if (records.isEmpty()) {
            return;
        }
        ResultsFile results = ResultsFile.inRepository(Repo.root());
        List<ResultRecord> all = results.merge(records.stream().map(r -> r.withRun(RUN)).toList());
        JUnitXmlWriter.write(JUnitXmlWriter.junitDir(results.path()), CHECKER,
                all.stream().filter(r -> r.checker().equals(CHECKER)).toList());
    }
}
