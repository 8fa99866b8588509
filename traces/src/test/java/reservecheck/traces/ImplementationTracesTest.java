package reservecheck.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.Variant;
import reservecheck.impl.mempool.RunLog;
import reservecheck.traces.html.TraceHtml;

/**
 * The implementation checkers' traces (docs/TRACES.md): for every mempool bug the catalog
 * expects Lincheck or JPF to find, that checker's failing run becomes an ITF trace that
 * validates, renders and replays on the model with the catalog's verdict.
 *
 * <p>Lincheck: java-models' MempoolLincheckTest (an earlier module in {@code make test}) leaves
 * each failing run's log in results/traces/lincheck/&lt;variant&gt;.log; this test writes the
 * trace beside it, with its viewer page.  Run alone, without those logs, the Lincheck cases are
 * skipped (say so) rather than failed.  JPF is not in CI: its conversion is checked on recorded
 * output of {@code reservecheck jpf}'s recording re-runs (test resources traces/jpf/), and any
 * JPF trace that a {@code make jpf} left in results/ is checked as well.
 */
class ImplementationTracesTest {

    static Catalog catalog() {
        return Bugs.catalog();
    }

    static List<Variant> bugs(String checker) {
        return ImplementationSamples.bugs(checker);
    }

    static Path resultsDir() {
        return ImplementationSamples.resultsDir();
    }

    static String jpfSample(String variant) throws IOException {
        return ImplementationSamples.jpfOutput(variant);
    }

    @TestFactory
    Stream<DynamicTest> everyLincheckFindingIsATraceThatReproduces() {
        List<Variant> bugs = bugs(ImplementationTraces.LINCHECK);
        assertFalse(bugs.isEmpty(), "the catalog expects Lincheck to find no mempool bug");
        return bugs.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            Path log = ImplementationTraces.runLogFile(resultsDir(), ImplementationTraces.LINCHECK, v.name());
            Assumptions.assumeTrue(Files.isRegularFile(log), "no " + log + ": java-models' MempoolLincheckTest"
                    + " writes it (make test runs that module first)");
            ItfTrace t = ImplementationTraces.fromRun(v, ImplementationTraces.LINCHECK,
                    ImplementationTraces.readRunLog(log));
            Path file = CatalogTraces.file(resultsDir(), ImplementationTraces.LINCHECK, v.name());
            ItfJson.write(t, file);
            TraceHtml.write(file, TraceHtml.pageFor(file));
            check(v, ImplementationTraces.LINCHECK, file);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedJpfFindingIsATraceThatReproduces() {
        List<Variant> bugs = bugs(ImplementationTraces.JPF);
        assertFalse(bugs.isEmpty(), "the catalog expects JPF to find no mempool bug");
        return bugs.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            ItfTrace t = ImplementationTraces.fromJpfOutput(v, jpfSample(v.name()));
            Path file = Path.of("target", "implementation-traces", "jpf", v.name() + ItfJson.EXTENSION);
            ItfJson.write(t, file);
            check(v, ImplementationTraces.JPF, file);
            // a trace `make jpf` left in results/ is held to the same standard
            Path made = CatalogTraces.file(resultsDir(), ImplementationTraces.JPF, v.name());
            if (Files.isRegularFile(made)) {
                check(v, ImplementationTraces.JPF, made);
            }
        }));
    }

    /** Validates, renders and replays a written trace, and checks what its meta says. */
    static void check(Variant v, String checker, Path file) throws IOException {
        String json = Files.readString(file);
        ItfValidator.validate(json, file.getFileName().toString());
        ItfTrace t = ItfJson.read(file);
        String expected = v.expectedVerdict(checker).orElseThrow();
        assertEquals(checker, TraceMeta.string(t, TraceMeta.CHECKER));
        assertEquals("mempool", TraceMeta.string(t, TraceMeta.PROTOCOL));
        assertEquals(v.name(), TraceMeta.string(t, TraceMeta.VARIANT));
        assertEquals(expected, TraceMeta.string(t, TraceMeta.VIOLATION));
        assertEquals(v.forChecker(checker).parameters(), TraceMeta.parameters(t), "the checker's bounds");
        assertTrue(t.states().size() > 1, "a run of at least one step");
        for (ItfTrace.ItfState s : t.states().subList(1, t.states().size())) {
            assertNotNull(s.action(), "state " + s.index() + " has its action");
            assertNotNull(s.task(), "state " + s.index() + " has its task");
        }
        int last = t.states().size() - 1;
        if (expected.startsWith("liveness:")) {
            assertEquals(Integer.valueOf(last), t.loop(), "a hang stutters in its last state");
            assertTrue(t.states().get(last).stuttering());
            assertNotNull(TraceMeta.string(t, TraceMeta.TASK), "the stuck task");
        } else {
            assertNull(t.loop());
        }
        String text = TraceRenderer.render(t, false);
        assertTrue(text.contains(t.states().get(last).action() + "(" + t.states().get(last).task() + ")")
                        || text.contains(t.states().get(last).action()), text);
        TraceReplay.Result r = TraceReplay.replay(t);
        assertTrue(r.reproduced(), v.name() + ": " + r.message());
        assertTrue(r.message().startsWith("reproduces " + expected), r.message());
        if (expected.startsWith("invariant:")) {
            // the trace ends where the invariant broke, not where the run happened to stop
            ItfTrace before = new ItfTrace(t.meta(), t.params(), t.vars(), t.states().subList(0, last), null);
            assertFalse(TraceReplay.replay(before).reproduced(), v.name() + ": broken before its last state");
        }
        // and on the implementation, its steps forced into the trace's order
        TraceReplay.Result impl = ImplementationTraces.replayOnImplementation(t);
        assertTrue(impl.reproduced(), v.name() + ": " + impl.message());
        assertTrue(impl.message().startsWith("reproduces " + expected + " on the implementation: " + last + " steps"),
                impl.message());
    }

    @Test
    void aLogThatDivergesFromTheModelIsNoTrace() throws IOException {
        Variant v = catalog().variant("free_stale_curr_nr").orElseThrow();
        RunLog run = RunLog.lastIn(jpfSample(v.name()));
        // the implementation claims the free went into the pool; the model gives it to the allocator
        String forged = run.toText().replace("mempool_free p1 free_pages=1", "mempool_free p1 curr_nr=1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImplementationTraces.fromRun(v, ImplementationTraces.JPF, RunLog.parse(forged)));
        assertTrue(e.getMessage().startsWith("the jpf run's event log diverges from the model: step 4"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aVerdictMustFitHowTheRunEnded() throws IOException {
        Variant v = catalog().variant("free_stale_curr_nr").orElseThrow();
        String hang = RunLog.lastIn(jpfSample(v.name())).toText().replace("end fail", "end hang");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImplementationTraces.fromRun(v, ImplementationTraces.JPF, RunLog.parse(hang)));
        assertEquals("a run that ends with hang cannot show invariant:Conservation (a hang shows deadlock or"
                + " liveness, a failure an invariant)", e.getMessage());
    }

    @Test
    void aTraceTheImplementationCannotFollowDoesNotReproduceThere() throws IOException {
        Variant v = catalog().variant("zero_min_lost_wakeup").orElseThrow();
        ItfTrace t = ImplementationTraces.fromJpfOutput(v, jpfSample(v.name()));
        // one step more for p2, which sleeps with nobody to wake it: the model cannot take it
        // either, so the trace is cut short instead; the implementation is then made to stop early
        ItfTrace shorter = new ItfTrace(t.meta(), t.params(), t.vars(), t.states().subList(0, 7), 6);
        TraceReplay.Result r = ImplementationTraces.replayOnImplementation(shorter);
        assertFalse(r.reproduced());
        assertTrue(r.message().startsWith("does not reproduce on the implementation: "), r.message());
        ItfTrace explorer = new ItfTrace(TraceMeta.with(t.meta(), TraceMeta.CHECKER, "explorer"), t.params(), t.vars(),
                t.states(), t.loop());
        assertFalse(ImplementationTraces.fromImplementation(explorer));
        assertTrue(ImplementationTraces.fromImplementation(t));
    }

    @Test
    void jpfOutputWithoutALogSaysHowToGetOne() {
        Variant v = catalog().variant("free_stale_curr_nr").orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImplementationTraces.fromJpfOutput(v, "verdict: invariant:Conservation\n= error 1\n"));
        assertTrue(e.getMessage().contains("record=true"), e.getMessage());
    }

    @Test
    void aBadRunLogFileIsOneLineNamingIt() throws IOException {
        Path f = Path.of("target", "implementation-traces", "bad.log");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "verdict deadlock\nend sometimes\n");
        IOException e = assertThrows(IOException.class, () -> ImplementationTraces.readRunLog(f));
        assertEquals("bad.log: line 2: end must be fail or hang, not sometimes", e.getMessage());
    }
}
