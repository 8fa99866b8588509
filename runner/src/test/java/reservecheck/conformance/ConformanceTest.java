package reservecheck.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.RepositoryRoot;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;
import reservecheck.results.JUnitXmlWriter;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;

/**
 * Spec ⇄ model conformance for every catalog variant that expects it: 0 divergences between
 * TLC's and the reference model's reachable graphs.  And the check is shown to fail: a
 * deliberately altered model is caught, with the path to the difference.
 */
class ConformanceTest {
    static final String CHECKER = "conformance";
    private static final List<ResultRecord> records = new ArrayList<>();

    static Path root() {
        return RepositoryRoot.locate();
    }

    @TestFactory
    Stream<DynamicTest> everyVariantsModelHasTheSpecsStateGraph(@TempDir Path work) throws Exception {
        Catalog catalog = CatalogLoader.load(root());
        List<Variant> variants = catalog.variants().stream()
                .filter(v -> v.expectedVerdict(CHECKER).isPresent()).toList();
        assertFalse(variants.isEmpty(), "the catalog expects conformance of no variant");
        return variants.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            Conformance.Result r = Conformance.check(v, catalog.protocolOf(v).specFile(), work.resolve(v.name()),
                    Duration.ofMinutes(5));
            synchronized (records) {
                records.add(ResultRecord.compare(v, CHECKER, r.conforms() ? "ok" : "divergence", r.modelStates(), -1,
                        r.seconds(), r.message(), null));
            }
            assertEquals(0, r.divergences(), v.name() + ": " + r.message());
            assertEquals(r.modelStates(), r.tlcStates());
            assertTrue(r.modelStates() > 0);
        }));
    }

    @AfterAll
    static void writeResults() throws Exception {
        if (records.isEmpty()) {
            return;
        }
        ResultsFile results = ResultsFile.inRepository(root());
        List<ResultRecord> all = results.merge(records);
        JUnitXmlWriter.write(JUnitXmlWriter.junitDir(results.path()), CHECKER,
                all.stream().filter(r -> r.checker().equals(CHECKER)).toList());
    }

    /** A model that differs from the spec in one place must be caught, with a path to it. */
    /** Out of time is inconclusive:timeout (exit 8), not a crash (exit 7): TLC stopped, nothing broke. */
    @Test
    void aTlcTimeoutIsInconclusiveTimeout(@TempDir Path work) throws Exception {
        Catalog catalog = CatalogLoader.load(root());
        Variant v = catalog.variant("free_stale_curr_nr").orElseThrow();
        // 300 ms: no TLC JVM starts, parses and dumps a graph so soon; 1 ms made the test take 9 s
        // (a kill before TLC's first output seems to wait out TlcRunner's 10 s drain)
        Conformance.NoGraphException e = org.junit.jupiter.api.Assertions.assertThrows(
                Conformance.NoGraphException.class,
                () -> Conformance.check(v, catalog.protocolOf(v).specFile(), work, Duration.ofMillis(300)));
        assertEquals("inconclusive:timeout", e.verdict(), e.getMessage());
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAlteredModelIsCaught(@TempDir Path work) throws Exception {
        Catalog catalog = CatalogLoader.load(root());
        Variant v = catalog.variant("free_stale_curr_nr").orElseThrow();
        Model<Object> real = (Model<Object>) Models.create(v.protocol(), Map.copyOf(v.parameters()));
        LabelledGraph tlcGraph = tlcGraph(catalog, v, work);
        assertEquals(0, Conformance.compare(real, tlcGraph).divergences(), "the real model conforms");

        // the alteration: the model lacks the step mempool_free
        Model<Object> altered = new Delegate(real) {
            @Override
            public List<Transition<Object>> successors(Object s) {
                List<Transition<Object>> out = new ArrayList<>();
                for (Transition<Object> t : real.successors(s)) {
                    if (!t.label().equals("mempool_free")) {
                        out.add(t);
                    }
                }
                return out;
            }
        };
        Conformance.Result r = Conformance.compare(altered, tlcGraph);
        assertTrue(r.divergences() > 0, "the altered model was not caught");
        assertTrue(r.message().contains("mempool_free"), r.message());
        assertTrue(r.message().contains("mempool_alloc"), "the message gives the path: " + r.message());
    }

    /**
     * A spec that differs from the model almost everywhere (mempool_2001 against the graph of the
     * same design with one more free page: nearly every state diverges) is reported with its
     * count and the first divergence's path.  Only the first divergence's shortest path is built,
     * so the comparison costs two passes over the graphs, not a breadth-first search per
     * divergence (which took minutes here).
     */
    @Test
    void aGraphThatDivergesEverywhereIsReportedWithTheFirstPath() throws Exception {
        Catalog catalog = CatalogLoader.load(root());
        Variant v = catalog.variant("mempool_2001").orElseThrow();
        Model<?> model = Models.create(v.protocol(), Map.copyOf(v.parameters()));
        Map<String, Object> changed = new java.util.HashMap<>(v.parameters());
        changed.put("init_free_pages", ((Integer) changed.get("init_free_pages")) + 1);
        LabelledGraph other = Conformance.fromModel(Models.create(v.protocol(), changed));
        Conformance.Result r = Conformance.compare(model, other);
        assertTrue(r.divergences() > r.modelStates(), "most states and edges diverge: " + r.message());
        assertTrue(r.message().startsWith(r.divergences() + " divergences; first: "), r.message());
        assertTrue(r.message().contains("initial state") || r.message().contains("mempool_"), r.message());
    }

    private static LabelledGraph tlcGraph(Catalog catalog, Variant v, Path work) throws Exception {
        Path dot = work.resolve("g.dot");
        Path cfg = work.resolve("g.cfg");
        Files.createDirectories(work);
        Files.writeString(cfg, Conformance.graphOnly(reservecheck.catalog.CfgWriter.write(v)));
        var r = new reservecheck.tlc.TlcRunner().run(new reservecheck.tlc.TlcJob(catalog.protocolOf(v).specFile(), cfg,
                work.resolve("tlc"), Duration.ofMinutes(2), 1, false, null, null).withDumpDot(dot));
        assertEquals("ok", r.verdict(), r.message());
        Model<?> m = Models.create(v.protocol(), Map.copyOf(v.parameters()));
        return TlcDot.read(dot, m.variableNames());
    }

    /** Forwards everything to a real model; tests override what they alter. */
    private abstract static class Delegate implements Model<Object> {
        final Model<Object> m;

        Delegate(Model<Object> m) {
            this.m = m;
        }

        public String protocol() { return m.protocol(); }
        public List<Object> initialStates() { return m.initialStates(); }
        public List<Transition<Object>> successors(Object s) { return m.successors(s); }
        public List<String> invariantNames() { return m.invariantNames(); }
        public boolean invariant(String name, Object s) { return m.invariant(name, s); }
        public List<String> propertyNames() { return m.propertyNames(); }
        public LeadsTo<Object> property(String name) { return m.property(name); }
        public String fairnessGroup(Transition<Object> step) { return m.fairnessGroup(step); }
        public List<String> fairnessGroups() { return m.fairnessGroups(); }
        public Object canonical(Object s) { return m.canonical(s); }
        public List<String> variableNames() { return m.variableNames(); }
        public String variable(Object s, String name) { return m.variable(s, name); }
    }
}
