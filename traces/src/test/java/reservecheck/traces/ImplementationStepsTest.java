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
import reservecheck.catalog.Kind;
import reservecheck.catalog.Variant;
import reservecheck.traces.html.TraceHtml;

/**
 * The reserve tree's, net_rx's and alloc_policy's Lincheck findings as traces: java-models' Lincheck tests (an
 * earlier module in {@code make test}) leaves each failing interleaving's steps in
 * results/traces/lincheck/&lt;variant&gt;.steps; each becomes an ITF trace with its viewer
 * page that validates, renders and replays on the model with the catalog's verdict.  Run
 * alone, without those files, the cases are skipped (and say so).  The conversion itself is
 * checked on hand-written runs below.
 */
class ImplementationStepsTest {
    static final String CHECKER = "lincheck";

    static List<Variant> bugs() {
        return Bugs.catalog().variants().stream()
                .filter(v -> (v.protocol().equals("reserve_tree") || v.protocol().equals("net_rx")
                        || v.protocol().equals("alloc_policy"))
                        && v.kind() == Kind.BUG)
                .filter(v -> v.expectedVerdict(CHECKER).isPresent()).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyReserveTreeAndNetRxLincheckFindingIsATraceThatReproduces() {
        List<Variant> bugs = bugs();
        assertFalse(bugs.isEmpty(), "the catalog expects Lincheck to find no reserve_tree, net_rx or alloc_policy bug");
        Path results = ImplementationSamples.resultsDir();
        return bugs.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            Path steps = ImplementationSteps.file(results, CHECKER, v.name());
            Assumptions.assumeTrue(Files.isRegularFile(steps), "no " + steps + ": java-models'"
                    + " ReserveTreeLincheckTest, NetRxLincheckTest or AllocPolicyLincheckTest writes it (make test runs that module first)");
            ItfTrace t = ImplementationSteps.toTrace(v, CHECKER, ImplementationSteps.read(steps), null);
            Path file = CatalogTraces.file(results, CHECKER, v.name());
            ItfJson.write(t, file);
            TraceHtml.write(file, TraceHtml.pageFor(file));
            check(v, file);
        }));
    }

    static void check(Variant v, Path file) throws IOException {
        ItfValidator.validate(Files.readString(file), file.getFileName().toString());
        ItfTrace t = ItfJson.read(file);
        String expected = v.expectedVerdict(CHECKER).orElseThrow();
        assertEquals(CHECKER, TraceMeta.string(t, TraceMeta.CHECKER));
        assertEquals(v.protocol(), TraceMeta.string(t, TraceMeta.PROTOCOL));
        assertEquals(v.name(), TraceMeta.string(t, TraceMeta.VARIANT));
        assertEquals(expected, TraceMeta.string(t, TraceMeta.VIOLATION));
        assertTrue(t.states().size() > 1, "a run of at least one step");
        for (ItfTrace.ItfState s : t.states().subList(1, t.states().size())) {
            assertNotNull(s.action(), "state " + s.index() + " has its action");
        }
        if (expected.startsWith("liveness:")) {
            assertNotNull(t.loop(), "a livelock is a lasso");
        } else {
            assertNull(t.loop());
        }
        int last = t.states().size() - 1;
        assertTrue(TraceRenderer.render(t, false).contains(t.states().get(last).action()));
        TraceReplay.Result r = TraceReplay.replay(t);
        assertTrue(r.reproduced(), v.name() + ": " + r.message());
        assertTrue(r.message().startsWith("reproduces " + expected), r.message());
        // and on the implementation, its steps taken in the trace's order
        TraceReplay.Result impl = ImplementationTraces.replayOnImplementation(t);
        assertTrue(impl.reproduced(), v.name() + ": " + impl.message());
        assertTrue(impl.message().startsWith("reproduces " + expected + " on the implementation: "), impl.message());
    }

    @Test
    void aTraceCutShortDoesNotReproduceOnTheImplementation() {
        Variant v = Bugs.variant("unlocked_reserve_adjust");
        ImplementationSteps.Run run = new ImplementationSteps.Run("invariant:RootMatchesReserve", List.of(
                "swapon(f1_1)", "sock_flag(f1_1)", "sk_adjust_memalloc(f1_1)", "mem_reserve_pages_set",
                "adjust_memalloc_reserve_write(f1_1)", "sysctl_adjust_memalloc_reserve"));
        ItfTrace t = ImplementationSteps.toTrace(v, CHECKER, run, null);
        assertTrue(ImplementationTraces.replayOnImplementation(t).reproduced());
        // without the sysctl's stale store the update is not lost
        ItfTrace cut = new ItfTrace(t.meta(), t.params(), t.vars(), t.states().subList(0, 6), null);
        TraceReplay.Result r = ImplementationTraces.replayOnImplementation(cut);
        assertFalse(r.reproduced(), r.message());
        assertEquals("does not reproduce on the implementation: every invariant holds after the trace's 5 steps",
                r.message());
    }

    @Test
    void aLostUpdateRunEndsWhereTheInvariantBroke() {
        Variant v = Bugs.variant("unlocked_reserve_adjust");
        // the sysctl's write comes after the one that broke RootMatchesReserve: left out
        ImplementationSteps.Run run = new ImplementationSteps.Run("invariant:RootMatchesReserve", List.of(
                "swapon(f1_1)", "sock_flag(f1_1)", "sk_adjust_memalloc(f1_1)", "mem_reserve_pages_set",
                "adjust_memalloc_reserve_write(f1_1)", "sysctl_adjust_memalloc_reserve", "swapoff(f1_1)"));
        ItfTrace t = ImplementationSteps.toTrace(v, CHECKER, run, null);
        assertEquals(7, t.states().size(), "six steps: the lost update is the sixth");
        assertTrue(TraceReplay.replay(t).reproduced());
    }

    @Test
    void aLivelockRunIsALassoBackToTheStateItCameBackTo() {
        Variant v = Bugs.variant("throttled_killed_no_oom");
        ImplementationSteps.Run run = new ImplementationSteps.Run("liveness:AllocReturns", List.of(
                "alloc_pages(d1)", "send_sigkill(d1)", "get_page_from_freelist(d1)", "kswapd_sleep",
                "try_to_free_pages(d1)", "get_page_from_freelist(d1)", "kswapd_sleep", "try_to_free_pages(d1)"));
        ItfTrace t = ImplementationSteps.toTrace(v, CHECKER, run, null);
        // the state after step 8 is the one after steps 2 and 5: the loop is the latest round
        assertEquals(Integer.valueOf(5), t.loop(), "back in the state after the first round");
        assertEquals(8, t.states().size(), "the last step is the way back, not a state");
        assertEquals("try_to_free_pages", TraceMeta.string(t, TraceMeta.LOOP_ACTION));
        assertEquals("d1", TraceMeta.string(t, TraceMeta.LOOP_TASK));
        TraceReplay.Result r = TraceReplay.replay(t);
        assertTrue(r.reproduced(), r.message());
    }

    @Test
    void aStepTheModelDoesNotAllowIsNamed() {
        Variant v = Bugs.variant("swapper_single_bit");
        ImplementationSteps.Run run = new ImplementationSteps.Run("invariant:SwapfileHasMemalloc",
                List.of("swapon(f1_1)", "swapoff(f1_2)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImplementationSteps.toTrace(v, CHECKER, run, null));
        assertEquals("the lincheck run's step 2 swapoff(f1_2) is not enabled in the model", e.getMessage());
    }

    @Test
    void aFileWithoutAVerdictIsNamedInOneLine() throws IOException {
        Path f = Files.createTempFile("run", ImplementationSteps.EXTENSION);
        Files.writeString(f, "# no verdict\nswapon(f1_1)\n");
        IOException e = assertThrows(IOException.class, () -> ImplementationSteps.read(f));
        assertTrue(e.getMessage().startsWith(f.getFileName() + ": no line 'verdict"), e.getMessage());
    }
}
