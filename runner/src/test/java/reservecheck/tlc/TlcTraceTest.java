package reservecheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.CfgWriter;
import reservecheck.catalog.Kind;
import reservecheck.catalog.RepositoryRoot;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.traces.CatalogTraces;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceMeta;
import reservecheck.traces.TraceReplay;

/**
 * TLC's counterexample of every mempool bug as an ITF trace: written and read back unchanged,
 * every step's task recovered from the model, replayed to the catalog's verdict, and for the
 * safety bugs as long as the explorer's (both search breadth-first, so both are shortest).
 */
class TlcTraceTest {
    private static final Map<String, TlcResult> RESULTS = new ConcurrentHashMap<>();
    private static Catalog catalog;

    @TempDir
    static Path work;

    static Stream<Variant> bugs() throws Exception {
        if (catalog == null) {
            catalog = CatalogLoader.load(RepositoryRoot.locate());
        }
        return catalog.variants().stream().filter(v -> v.protocol().equals("mempool") && v.kind() == Kind.BUG
                && v.expectedVerdict("tlc").isPresent() && v.expectedVerdict("explorer").isPresent());
    }

    /** Runs TLC on every bug once, two at a time (each run is its own JVM). */
    @BeforeAll
    static void runTlc() throws Exception {
        List<Variant> all = bugs().toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Variant v : all) {
                done.add(pool.submit(() -> {
                    Path dir = work.resolve(v.name());
                    Path cfg = CfgWriter.write(v, dir.resolve(v.name() + ".cfg"));
                    TlcResult r = new TlcRunner().run(new TlcJob(catalog.protocolOf(v).specFile(), cfg, dir,
                            Duration.ofSeconds(300), 1, v.checks().deadlock(), null, null));
                    RESULTS.put(v.name(), r);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ItfTrace tlcTrace(Variant v) {
        TlcResult r = RESULTS.get(v.name());
        assertEquals(v.expectedVerdict("tlc").orElseThrow(), r.verdict(), r.message());
        return TlcTraces.toItf(r.trace(), CatalogTraces.meta(v, "tlc", r.verdict(), r.message()),
                Models.create(v.protocol(), Map.copyOf(v.parameters())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void roundTripsAndReplays(Variant v) throws Exception {
        ItfTrace t = tlcTrace(v);
        assertEquals(t, ItfJson.parse(ItfJson.write(t), v.name()));
        TraceReplay.Result r = TraceReplay.replay(t);
        assertTrue(r.reproduced(), r.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void everyStepHasItsTask(Variant v) {
        ItfTrace t = tlcTrace(v);
        for (ItfTrace.ItfState s : t.states().subList(1, t.states().size())) {
            assertNotNull(s.task(), "step " + s.index() + " " + s.action());
        }
        if (t.loop() != null && t.meta().containsKey(TraceMeta.LOOP_ACTION)) {
            assertNotNull(t.meta().get(TraceMeta.LOOP_TASK), t.meta().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void hasTheExplorersLengthAndShape(Variant v) {
        ItfTrace tlc = tlcTrace(v);
        ItfTrace explorer = CatalogTraces.explore(v, null).trace();
        assertEquals(explorer.vars(), tlc.vars());
        if (!v.expectedVerdict("tlc").orElseThrow().startsWith("liveness:")) {
            assertEquals(explorer.states().size(), tlc.states().size(), "safety traces are shortest paths");
            assertNull(tlc.loop());
        } else {
            assertNotNull(tlc.loop(), "a liveness trace is a lasso");
        }
    }

    @Test
    void markersBecomeTheLoop() {
        LinkedHashMap<String, String> x0 = new LinkedHashMap<>(Map.of("x", "0"));
        LinkedHashMap<String, String> x1 = new LinkedHashMap<>(Map.of("x", "1"));
        List<TraceStep> lasso = List.of(new TraceStep(1, "Initial predicate", null, false, null, x0),
                new TraceStep(2, "step", "line 6", false, null, x1),
                new TraceStep(3, "step", null, false, 1, new LinkedHashMap<>()));
        Map<String, Object> meta = TraceMeta.of("tlc", "lasso", "lasso", "liveness:P", "", Map.of());
        ItfTrace t = TlcTraces.toItf(lasso, meta, null);
        assertEquals(2, t.states().size());
        assertEquals(0, t.loop());
        assertEquals("step", t.meta().get(TraceMeta.LOOP_ACTION));
        assertNull(t.states().get(0).action());
        assertEquals("step", t.states().get(1).action());

        List<TraceStep> stutter = List.of(new TraceStep(1, "Initial predicate", null, false, null, x0),
                new TraceStep(2, "step", null, false, null, x1),
                new TraceStep(3, null, null, true, null, new LinkedHashMap<>()));
        ItfTrace s = TlcTraces.toItf(stutter, meta, null);
        assertEquals(1, s.loop());
        assertTrue(s.states().get(1).stuttering());
        assertEquals(s, ItfJson.parseTrusted(ItfJson.write(s), "stutter"));
    }
}
