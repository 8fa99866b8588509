package reservecheck.traces.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import reservecheck.tla.TlaValue;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.ItfTrace.ItfState;
import reservecheck.traces.TraceReplay;
import reservecheck.traces.html.TraceView.Change;
import reservecheck.traces.html.TraceView.Lane;
import reservecheck.traces.html.TraceView.Series;

class TraceViewTest {

    private static final TraceView LOST_WAKEUP = TraceView.of(MempoolTraces.zeroMinLostWakeup());

    @Test
    void theFixturesAreBehavioursOfTheMempoolSpec() {
        // Replayed on the reference model (the spec as a transition system): every step is
        // enabled where it is taken, and the liveness violation holds.
        TraceReplay.Result r = TraceReplay.replay(MempoolTraces.zeroMinLostWakeup());
        assertTrue(r.reproduced(), r.message());
        TraceReplay.Result lasso = TraceReplay.replay(MempoolTraces.sameBiosetLasso());
        assertTrue(lasso.reproduced(), lasso.message());
    }

    @Test
    void theInitialStateChangesNothing() {
        assertEquals(List.of(), LOST_WAKEUP.changes(0));
    }

    @Test
    void functionsAreComparedEntryByEntry() {
        assertEquals(List.of(new Change("pc", "p1", "\"idle\"", "\"alloc\"")), LOST_WAKEUP.changes(1));
        assertEquals(List.of(
                new Change("free_pages", null, "1", "0"),
                new Change("pc", "p1", "\"alloc\"", "\"hold\""),
                new Change("held", "p1", "0", "1")), LOST_WAKEUP.changes(2));
        assertEquals("held[p1]", LOST_WAKEUP.changes(2).get(2).label());
        assertEquals("free_pages", LOST_WAKEUP.changes(2).get(0).label());
    }

    @Test
    void sequencesAreComparedWhole() {
        // waitq is a queue: a per-index diff would report shifted entries as changes
        assertEquals(List.of(
                new Change("waitq", null, "<<>>", "<<p2>>"),
                new Change("pc", "p2", "\"remove_element\"", "\"io_schedule\""),
                new Change("tstate", "p2", "\"running\"", "\"uninterruptible\"")), LOST_WAKEUP.changes(7));
    }

    @Test
    void entriesThatAppearOrDisappearHaveNoBeforeOrAfter() {
        ItfTrace t = trace(List.of("f", "s"),
                Map.of("f", fn(Map.of("a", TlaValue.of(1))), "s", TlaValue.setOf(TlaValue.of(1))),
                Map.of("f", fn(Map.of("b", TlaValue.of(2))), "s", TlaValue.setOf(TlaValue.of(1), TlaValue.of(2))));
        assertEquals(List.of(
                new Change("f", "a", "1", null),
                new Change("f", "b", null, "2"),
                new Change("s", null, "{1}", "{1, 2}")), TraceView.of(t).changes(1));
    }

    @Test
    void everyIntegerIsASeriesAndFunctionsOfIntegersOnePerKey() {
        List<String> names = LOST_WAKEUP.series().stream().map(Series::name).toList();
        assertEquals(List.of("curr_nr", "free_pages", "clean_pages", "dirty_pages", "held[p1]", "held[p2]",
                "rounds_left[p1]", "rounds_left[p2]", "plugged[p1]", "plugged[p2]", "snap[p1]", "snap[p2]"), names);
        Series free = LOST_WAKEUP.series().get(1);
        assertEquals(ints(1, 1, 0, 0, 0, 0, 0, 0, 1), free.values());
        assertFalse(free.constant());
        assertTrue(LOST_WAKEUP.series().get(0).constant(), "curr_nr stays 0");
        Series held = LOST_WAKEUP.series().get(4);
        assertEquals("held", held.var());
        assertEquals("p1", held.key());
        assertEquals(ints(0, 0, 1, 1, 1, 1, 1, 1, 0), held.values());
    }

    @Test
    void aReserveTreesUsagePerNodeIsOneSeriesPerNode() {
        // usage keyed by node names is a record; a function over 1..n is a sequence
        ItfTrace t = trace(List.of("usage", "xprt_swapper", "net_linked"),
                Map.of("usage", rec(Map.of("ipv4", 0, "net", 0)), "xprt_swapper", TlaValue.seqOf(TlaValue.of(1), TlaValue.of(0)),
                        "net_linked", TlaValue.of(true)),
                Map.of("usage", rec(Map.of("ipv4", 2, "net", 2)), "xprt_swapper", TlaValue.seqOf(TlaValue.of(1), TlaValue.of(1)),
                        "net_linked", TlaValue.of(true)));
        TraceView v = TraceView.of(t);
        assertEquals(List.of("usage[ipv4]", "usage[net]", "xprt_swapper[1]", "xprt_swapper[2]"),
                v.series().stream().map(Series::name).toList());
        assertEquals(ints(0, 2), v.series().get(0).values());
        assertEquals(ints(0, 1), v.series().get(3).values());
    }

    @Test
    void aValueThatIsNotAlwaysAnIntegerIsNotPlotted() {
        ItfTrace t = trace(List.of("x"), Map.of("x", TlaValue.of(1)), Map.of("x", TlaValue.str("none")));
        assertEquals(List.of(), TraceView.of(t).series());
    }

    @Test
    void oneLanePerTaskShowingItsPc() {
        List<Lane> lanes = LOST_WAKEUP.lanes();
        assertEquals(List.of(new Lane("p1", "p1", "pc", "p1"), new Lane("p2", "p2", "pc", "p2")), lanes);
        Lane p2 = lanes.get(1);
        assertEquals("idle", LOST_WAKEUP.pc(p2, 0));
        assertEquals("io_schedule", LOST_WAKEUP.pc(p2, 7));
        assertTrue(LOST_WAKEUP.acted(p2, 7));
        assertFalse(LOST_WAKEUP.acted(lanes.get(0), 7));
        assertFalse(LOST_WAKEUP.acted(p2, 0), "nobody acts in the initial state");
    }

    @Test
    void severalKindsOfTaskGetTheirOwnPcLanes() {
        // as in the reserve tree: users (upc), allocators (dpc), and a single sysctl writer
        ItfTrace t = trace(List.of("upc", "dpc", "sysctl_pc"),
                Map.of("upc", fn(Map.of("u1", TlaValue.str("idle"))), "dpc", fn(Map.of("u1", TlaValue.str("idle"), "d2", TlaValue.str("idle"))),
                        "sysctl_pc", TlaValue.str("idle")),
                Map.of("upc", fn(Map.of("u1", TlaValue.str("alloc"))), "dpc", fn(Map.of("u1", TlaValue.str("idle"), "d2", TlaValue.str("idle"))),
                        "sysctl_pc", TlaValue.str("idle")),
                Map.of("upc", fn(Map.of("u1", TlaValue.str("alloc"))), "dpc", fn(Map.of("u1", TlaValue.str("idle"), "d2", TlaValue.str("idle"))),
                        "sysctl_pc", TlaValue.str("write")));
        t = withActors(t, null, "u1", "sysctl");
        TraceView v = TraceView.of(t);
        assertEquals(List.of(
                new Lane("upc[u1]", "upc[u1]", "upc", "u1"),
                new Lane("d2", "dpc[d2]", "dpc", "d2"),
                new Lane("dpc[u1]", "dpc[u1]", "dpc", "u1"),
                new Lane("sysctl_pc", "sysctl_pc", "sysctl_pc", null)), v.lanes());
        assertEquals("write", v.pc(v.lanes().get(3), 2));
        assertTrue(v.acted(v.lanes().get(3), 2));
        assertTrue(v.acted(v.lanes().get(0), 1));
    }

    @Test
    void withoutAPcVariableFunctionsOfStringsOverTheActingTasksAreTheLanes() {
        ItfTrace t = trace(List.of("where", "count"),
                Map.of("where", fn(Map.of("t1", TlaValue.str("a"))), "count", TlaValue.of(0)),
                Map.of("where", fn(Map.of("t1", TlaValue.str("b"))), "count", TlaValue.of(1)));
        t = withActors(t, null, "t1");
        TraceView v = TraceView.of(t);
        assertEquals(List.of(new Lane("t1", "t1", "where", "t1")), v.lanes());
        assertEquals("b", v.pc(v.lanes().get(0), 1));
    }

    @Test
    void aTaskThatActsWithoutAPcStillHasALane() {
        ItfTrace t = withActors(trace(List.of("n"), Map.of("n", TlaValue.of(0)), Map.of("n", TlaValue.of(1))), null, "irq");
        TraceView v = TraceView.of(t);
        assertEquals(List.of(new Lane("irq", "irq", null, null)), v.lanes());
        assertNull(v.pc(v.lanes().get(0), 1));
        assertTrue(v.acted(v.lanes().get(0), 1));
    }

    @Test
    void itfModelValueStringsAreTasks() {
        // a reader that keeps the ADR's "p1_OF_TASK" strings as strings still gets lane p1
        ItfTrace t = trace(List.of("pc"),
                Map.of("pc", fn(Map.of("p1_OF_TASK", TlaValue.str("idle")))),
                Map.of("pc", fn(Map.of("p1_OF_TASK", TlaValue.str("alloc")))));
        t = withActors(t, null, "p1");
        TraceView v = TraceView.of(t);
        assertEquals(List.of(new Lane("p1", "p1", "pc", "p1")), v.lanes());
        assertTrue(v.acted(v.lanes().get(0), 1));
    }

    @Test
    void aLassoMarksItsLoop() {
        TraceView v = TraceView.of(MempoolTraces.sameBiosetLasso());
        assertEquals(5, v.loop());
        assertNull(v.stutter());
        assertFalse(v.inLoop(4));
        assertTrue(v.inLoop(5) && v.inLoop(6) && v.inLoop(7));
    }

    @Test
    void stutteringIsNotShownAsALoop() {
        // ITF writes "stutters forever in the last state" as a loop on that state
        assertEquals(8, MempoolTraces.zeroMinLostWakeup().loop());
        assertNull(LOST_WAKEUP.loop());
        assertEquals(8, LOST_WAKEUP.stutter());
        assertFalse(LOST_WAKEUP.inLoop(8));
    }

    @Test
    void aFiniteTraceHasNeither() {
        ItfTrace t = trace(List.of("n"), Map.of("n", TlaValue.of(0)), Map.of("n", TlaValue.of(1)));
        TraceView v = TraceView.of(t);
        assertNull(v.loop());
        assertNull(v.stutter());
    }

    // ---- helpers --------------------------------------------------------------------------------

    @SafeVarargs
    static ItfTrace trace(List<String> vars, Map<String, TlaValue>... states) {
        List<ItfState> l = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            l.add(new ItfState(i, i == 0 ? null : "step", null, false, states[i]));
        }
        return new ItfTrace(Map.of("protocol", "test", "variant", "v", "checker", "explorer", "violation", "deadlock"),
                List.of(), vars, l, null);
    }

    /** The same trace with the given task acting at each state (null for none). */
    static ItfTrace withActors(ItfTrace t, String... tasks) {
        List<ItfState> l = new ArrayList<>();
        for (ItfState s : t.states()) {
            String task = tasks[s.index()];
            l.add(new ItfState(s.index(), s.action(), task, s.stuttering(), s.values()));
        }
        return new ItfTrace(t.meta(), t.params(), t.vars(), l, t.loop());
    }

    /** A function whose keys are model values (tasks) or, with "_OF_", ITF strings. */
    static TlaValue fn(Map<String, TlaValue> entries) {
        Map<TlaValue, TlaValue> m = new LinkedHashMap<>();
        entries.forEach((k, v) -> m.put(k.contains("_OF_") ? TlaValue.str(k) : TlaValue.modelValue(k), v));
        return TlaValue.function(m);
    }

    static TlaValue rec(Map<String, Integer> fields) {
        Map<TlaValue, TlaValue> m = new TreeMap<>();
        fields.forEach((k, v) -> m.put(TlaValue.str(k), TlaValue.of(v)));
        return TlaValue.function(m);
    }

    static List<BigInteger> ints(long... vals) {
        List<BigInteger> l = new ArrayList<>();
        for (long v : vals) {
            l.add(BigInteger.valueOf(v));
        }
        return l;
    }
}
