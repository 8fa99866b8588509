package reservecheck.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reservecheck.catalog.Variant;
import reservecheck.tla.TlaValue;

/**
 * Every mempool bug's explorer counterexample as an ITF trace: it survives writing and reading
 * unchanged, replays on the model to the catalog's verdict, and stops reproducing when altered.
 */
class ExplorerTraceTest {

    @TempDir
    Path tmp;

    static Stream<Variant> bugs() {
        return Bugs.mempoolBugs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void roundTripsThroughJson(Variant v) throws Exception {
        ItfTrace trace = Bugs.explorerTrace(v);
        Path f = CatalogTraces.file(tmp, "explorer", v.name());
        ItfJson.write(trace, f);
        ItfTrace back = ItfJson.read(f);
        assertEquals(trace, back);
        assertEquals(ItfJson.write(trace), ItfJson.write(back), "writing is deterministic");
        assertEquals(v.expectedVerdict("explorer").orElseThrow(), back.meta().get(TraceMeta.VIOLATION));
        assertEquals("explorer", back.meta().get(TraceMeta.CHECKER));
        assertEquals("ITF", back.meta().get(TraceMeta.FORMAT));
        assertEquals(v.parameters(), TraceMeta.parameters(back));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void replayReproducesTheCatalogVerdict(Variant v) {
        ItfTrace trace = Bugs.explorerTrace(v);
        TraceReplay.Result r = TraceReplay.replay(trace);
        assertTrue(r.reproduced(), r.message());
        assertTrue(r.message().startsWith("reproduces " + v.expectedVerdict("explorer").orElseThrow()), r.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void aTraceWithAStepRemovedDoesNotReproduce(Variant v) {
        ItfTrace trace = Bugs.explorerTrace(v);
        // drop the step into the second state: its successor was reached from a different state
        List<ItfTrace.ItfState> states = new ArrayList<>(trace.states());
        states.remove(1);
        List<ItfTrace.ItfState> renumbered = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            ItfTrace.ItfState s = states.get(i);
            renumbered.add(new ItfTrace.ItfState(i, s.action(), s.task(), s.stuttering(), s.values()));
        }
        Integer loop = trace.loop() == null ? null : Math.max(0, trace.loop() - 1);
        ItfTrace cut = new ItfTrace(trace.meta(), trace.params(), trace.vars(), renumbered, loop);
        TraceReplay.Result r = TraceReplay.replay(cut);
        assertFalse(r.reproduced(), r.message());
        assertTrue(r.message().startsWith("does not reproduce: "), r.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void aTraceWithAValueChangedDoesNotReproduce(Variant v) {
        ItfTrace trace = Bugs.explorerTrace(v);
        int last = trace.states().size() - 1;
        ItfTrace.ItfState s = trace.states().get(last);
        Map<String, TlaValue> values = new HashMap<>(s.values());
        values.put("curr_nr", TlaValue.of(values.get("curr_nr").asLong() + 7));
        List<ItfTrace.ItfState> states = new ArrayList<>(trace.states());
        states.set(last, new ItfTrace.ItfState(last, s.action(), s.task(), s.stuttering(), values));
        TraceReplay.Result r = TraceReplay.replay(new ItfTrace(trace.meta(), trace.params(), trace.vars(), states,
                trace.loop()));
        assertFalse(r.reproduced(), r.message());
        assertTrue(r.message().contains("curr_nr is "), r.message());
    }

    @Test
    void aSafetyTraceIsFiniteAndALivenessTraceALasso() {
        ItfTrace inv = Bugs.explorerTrace(Bugs.variant("free_stale_curr_nr"));
        assertNull(inv.loop());
        assertNull(inv.states().get(0).action());
        for (int i = 1; i < inv.states().size(); i++) {
            assertNotNull(inv.states().get(i).action());
            assertEquals(i, inv.states().get(i).index());
        }
        ItfTrace live = Bugs.explorerTrace(Bugs.variant("first_round_sleeps"));
        assertNotNull(live.loop());
        assertNotNull(live.meta().get(TraceMeta.TASK));
        ItfTrace.ItfState last = live.states().get(live.states().size() - 1);
        assertTrue(last.stuttering() || live.meta().containsKey(TraceMeta.LOOP_ACTION), live.meta().toString());
    }

    @Test
    void aLivenessTraceWithoutItsViolationDoesNotReproduceAsAnother() {
        ItfTrace live = Bugs.explorerTrace(Bugs.variant("first_round_sleeps"));
        ItfTrace asDeadlock = new ItfTrace(TraceMeta.with(live.meta(), TraceMeta.VIOLATION, "deadlock"),
                live.params(), live.vars(), live.states(), live.loop());
        TraceReplay.Result r = TraceReplay.replay(asDeadlock);
        assertFalse(r.reproduced(), r.message());
        assertTrue(r.message().contains("has successors"), r.message());
    }
}
