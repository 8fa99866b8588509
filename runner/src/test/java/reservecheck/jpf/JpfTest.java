package reservecheck.jpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.RepositoryRoot;
import reservecheck.catalog.Variant;
import reservecheck.models.ModelWalk;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceMeta;
import reservecheck.traces.TraceReplay;

/**
 * What CI can check of the JPF runs without JPF: the report parser on recorded JPF output, a
 * recording re-run's output turned into the ITF trace, and
 * that every generated .jpf names a class that exists and whose walk runs on a plain JVM (where
 * Random is just random) with the catalog's parameters.
 */
class JpfTest {

    private static String recorded(String name) throws IOException {
        try (InputStream in = JpfTest.class.getResourceAsStream("/jpf/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void noErrorsIsOk() throws IOException {
        JpfOutput o = JpfOutput.parse(recorded("ok.out"));
        assertEquals("ok", o.verdict());
        assertEquals(99, o.distinctStates());
    }

    @Test
    void aThreadDeadlockIsADeadlock() throws IOException {
        assertEquals("deadlock", JpfOutput.parse(recorded("deadlock.out")).verdict());
    }

    @Test
    void aWalksAssertionErrorCarriesTheVerdict() throws IOException {
        JpfOutput o = JpfOutput.parse(recorded("invariant.out"));
        assertEquals("invariant:Conservation", o.verdict());
    }

    /**
     * JPF says "no errors detected" after a search cut short by a constraint too (here the report
     * of ok.out as a run with search.depth_limit=5 prints it: constraints=5): that search left
     * states unvisited, so it is inconclusive, never ok.
     */
    @Test
    void aSearchThatHitAConstraintIsInconclusiveNotOk() throws IOException {
        JpfOutput o = JpfOutput.parse(recorded("depth-limit.out"));
        assertEquals("inconclusive:search-limit", o.verdict());
        assertTrue(o.message().contains("5 search constraints hit"), o.message());
        JpfOutput memory = JpfOutput.parse(recorded("depth-limit.out")
                .replace("no errors detected", "no errors detected\nsearch constraint: memory limit reached: 1024"));
        assertEquals("inconclusive:out-of-memory", memory.verdict());
    }

    @Test
    void runningOutOfMemoryBeforeTheResultsIsInconclusive() {
        assertEquals("inconclusive:out-of-memory",
                JpfOutput.parse("search started\njava.lang.OutOfMemoryError: Java heap space\n").verdict());
    }

    @Test
    void noResultsSectionIsACrashNotOk() {
        assertEquals("inconclusive:crash", JpfOutput.parse("Exception in thread main\n").verdict());
    }

    @Test
    void anUnexpectedExceptionIsNotAVerdict() {
        String out = "====================================================== error 1\n"
                + "gov.nasa.jpf.vm.NoUncaughtExceptionsProperty\njava.lang.NullPointerException: x\n\n"
                + "====================================================== results\nerror #1: ...\n";
        assertEquals("error:exception", JpfOutput.parse(out).verdict());
    }

    @Test
    void onlyTheRecordingRunKeepsTheHarnesssLog() throws Exception {
        Path root = RepositoryRoot.locate();
        Variant v = CatalogLoader.load(root).variant("zero_min_lost_wakeup").orElseThrow().forChecker("jpf");
        Path classes = root.resolve("java-models/target/classes");
        assertFalse(line(JpfFiles.harness(v, classes), "target.args=").contains("record="),
                "the verdict run keeps no log: JPF must match states");
        assertTrue(line(JpfFiles.harness(v, classes, true), "target.args=").endsWith(",record=true"));
    }

    /** A harness checks every invariant its entry lists: a design's NoHoldAndWait is not the harness default. */
    @Test
    void theHarnessChecksEveryInvariantTheEntryLists() throws Exception {
        Path root = RepositoryRoot.locate();
        Path classes = root.resolve("java-models/target/classes");
        for (String name : List.of("mempool_modern", "mempool_2001", "mempool_alloc_bulk")) {
            Variant v = CatalogLoader.load(root).variant(name).orElseThrow().forChecker("jpf");
            assertTrue(v.checks().invariants().contains("NoHoldAndWait"), name);
            String args = line(JpfFiles.harness(v, classes), "target.args=");
            assertTrue(args.contains(",invariants=" + String.join("+", v.checks().invariants())), args);
        }
    }

    /** JPF's output of zero_min_lost_wakeup's recording re-run (make jpf), as JpfTraces reads it. */
    @Test
    void aRecordingRunsOutputBecomesTheTraceInResults(@TempDir Path results) throws Exception {
        Variant v = CatalogLoader.load(RepositoryRoot.locate()).variant("zero_min_lost_wakeup").orElseThrow()
                .forChecker("jpf");
        Path file = JpfTraces.write(v, recorded("record-liveness.out"), results);
        assertEquals(results.resolve("traces/jpf/zero_min_lost_wakeup.itf.json"), file);
        assertTrue(Files.isRegularFile(results.resolve("traces/jpf/zero_min_lost_wakeup.html")));
        assertTrue(Files.readString(results.resolve("traces/jpf/zero_min_lost_wakeup.log"))
                .startsWith("verdict liveness:AllocReturns\nend hang\n"));
        ItfTrace t = ItfJson.read(file);
        assertEquals("jpf", TraceMeta.string(t, TraceMeta.CHECKER));
        assertEquals("p2", TraceMeta.string(t, TraceMeta.TASK));
        TraceReplay.Result r = TraceReplay.replay(t);
        assertTrue(r.reproduced(), r.message());
    }

    @TestFactory
    Stream<DynamicTest> everyGeneratedModelWalkRunsOnAPlainJvm() throws Exception {
        Path root = RepositoryRoot.locate();
        Catalog catalog = CatalogLoader.load(root);
        List<Variant> variants = catalog.variants().stream()
                .filter(v -> v.expectedVerdict("jpf_model").isPresent()).toList();
        assertFalse(variants.isEmpty());
        return variants.stream().map(cv -> DynamicTest.dynamicTest(cv.name(), () -> {
            Variant v = cv.forChecker("jpf_model");
            String jpf = JpfFiles.modelWalk(v, root.resolve("java-models/target/classes"));
            String target = line(jpf, "target=");
            Class.forName(target); // the .jpf names a class that exists
            List<String> args = new ArrayList<>(List.of(line(jpf, "target.args=").split(",")));
            // the same arguments JPF passes, parsed by the walk itself; a short seeded walk
            Map<String, Object> params = new LinkedHashMap<>(v.parameters());
            @SuppressWarnings("unchecked")
            Model<Object> model = (Model<Object>) Models.create(v.protocol(), params);
            String found = ModelWalk.walk(model, v.checks().invariants(), v.checks().properties(),
                    v.checks().deadlock(), 200, new Random(7));
            // a random walk may meet another violation of the same bug first: any verdict the
            // catalog expects of some checker on this entry (a design's is only ok)
            Set<String> known = new HashSet<>();
            for (String checker : v.expected().keySet()) {
                v.expectedVerdict(checker).ifPresent(known::add);
            }
            assertTrue(found == null || known.contains(found), v.name() + ": a plain walk found " + found);
            assertTrue(args.stream().anyMatch(a -> a.startsWith("param.")), "parameters passed");
            assertTrue(jpf.contains("cg.enumerate_random=true"), "JPF must enumerate Random");
        }));
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }
}
