package reservecheck.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reservecheck.catalog.Variant;

/** The terminal rendering of traces: blocks per step, lanes per task, loop and stuttering marked. */
class TraceRendererTest {

    static Stream<Variant> bugs() {
        return Bugs.mempoolBugs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void everyStepIsABlockWithItsActionAndTask(Variant v) {
        ItfTrace t = Bugs.explorerTrace(v);
        String text = TraceRenderer.render(t, false);
        assertFalse(text.contains("\u001b["), "no ANSI codes when not asked for");
        assertTrue(text.startsWith(v.name() + " (mempool): " + v.expectedVerdict("explorer").orElseThrow()), text);
        for (ItfTrace.ItfState s : t.states()) {
            String title = s.index() == 0 ? "initial state" : s.action() + "(" + s.task() + ")";
            assertTrue(text.contains("step " + s.index() + ": " + title + "\n")
                    || text.contains("step " + s.index() + ": " + title + "   <- the loop starts here\n"), title + "\n" + text);
        }
        assertTrue(text.matches("(?s).*\n  > [pi][0-9]+  pc=.*"), "the acting task's lane is marked\n" + text);
    }

    @Test
    void aLoopIsMarked() {
        ItfTrace t = Bugs.explorerTrace(Bugs.variant("md_hold_and_wait"));
        String text = TraceRenderer.render(t, false);
        assertTrue(text.contains("step " + t.loop() + ": "), text);
        assertTrue(text.contains("<- the loop starts here"), text);
        assertTrue(text.contains("=> loops back to state " + t.loop() + " by "), text);
        assertTrue(text.contains("violation: liveness:AllocReturns for p1 (the loop of states " + t.loop()), text);
    }

    @Test
    void stutteringIsMarked() {
        ItfTrace t = Bugs.explorerTrace(Bugs.variant("first_round_sleeps"));
        int last = t.states().size() - 1;
        String text = TraceRenderer.render(t, false);
        assertTrue(text.contains("~ stuttering: the behaviour stays in state " + last + " forever (loops back to state "
                + last + ")"), text);
    }

    @Test
    void changesAreMarkedPlainOrInColour() {
        ItfTrace t = Bugs.explorerTrace(Bugs.variant("free_stale_curr_nr"));
        String plain = TraceRenderer.render(t, false);
        assertTrue(plain.contains("  * pc[p1]: \"idle\" -> \"alloc\"\n"), plain);
        assertTrue(plain.contains("pc=alloc*"), plain);
        assertTrue(plain.contains("    curr_nr = 1\n"), "the initial state lists every variable\n" + plain);
        String colour = TraceRenderer.render(t, true);
        assertTrue(colour.contains("\u001b[1;33mpc[p1]: \"idle\" -> \"alloc\"\u001b[0m"), colour);
        assertFalse(colour.contains("pc=alloc*"), colour);
        assertEquals(plain.lines().count(), colour.lines().count());
    }
}
