package reservecheck.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;

/**
 * Traces replayed from lists of steps: the jqwik regression chains (the chain only, the verdict
 * in #meta) and the explorer's own steps fed back through the generic replay.
 */
class StepTraceTest {

    static Stream<Variant> bugs() {
        return Bugs.mempoolBugs().stream();
    }

    private static Model<?> model(Variant v) {
        return Models.create(v.protocol(), Map.copyOf(v.parameters()));
    }

    private static List<String> steps(ItfTrace t) {
        return t.states().stream().skip(1)
                .map(s -> s.task() == null ? s.action() : s.action() + "(" + s.task() + ")").toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void theExplorersStepsReplayToTheSameStates(Variant v) {
        ItfTrace explored = Bugs.explorerTrace(v);
        ItfTrace replayed = ModelTraces.fromSteps(model(v), steps(explored), explored.loop(), explored.meta());
        for (int i = 0; i < explored.states().size(); i++) {
            assertEquals(explored.states().get(i).values(), replayed.states().get(i).values(), "state " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void theJqwikChainIsATraceThatReproduces(Variant v) throws Exception {
        Path chain = Bugs.root().resolve("property-tests/src/test/resources/regressions")
                .resolve(v.protocol()).resolve(v.name() + ".chain");
        assumeTrue(Files.isRegularFile(chain) && v.expectedVerdict("jqwik").isPresent(), "no kept jqwik chain");
        List<String> steps = Files.readAllLines(chain).stream().map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        String verdict = v.expectedVerdict("jqwik").orElseThrow();
        ItfTrace t = ModelTraces.fromJqwikChain(model(v), steps, v.name(), verdict, verdict + " after " + steps,
                v.parameters());
        assertEquals(steps.size() + 1, t.states().size());
        assertNull(t.loop(), "the chain only: no continuation, no loop");
        assertEquals("jqwik", t.meta().get(TraceMeta.CHECKER));
        assertEquals(t, ItfJson.parse(ItfJson.write(t), "chain"));
        TraceReplay.Result r = TraceReplay.replay(t);
        assertTrue(r.reproduced(), r.message());
    }

    @Test
    void aStepThatIsNotEnabledIsNamed() {
        Variant v = Bugs.variant("free_stale_curr_nr");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelTraces.fromSteps(model(v), List.of("mempool_alloc(p1)", "mempool_free(p1)"), null, Map.of()));
        assertTrue(e.getMessage().startsWith("step 2 mempool_free(p1) is not enabled in state 1 (enabled: "),
                e.getMessage());
    }

    @Test
    void aFiniteLivenessTraceThatEndsWithNothingStuckDoesNotReproduce() {
        Variant v = Bugs.variant("first_round_sleeps");
        ItfTrace t = ModelTraces.fromJqwikChain(model(v), List.of(), v.name(), "liveness:AllocReturns", "",
                v.parameters());
        TraceReplay.Result r = TraceReplay.replay(t);
        assertFalse(r.reproduced(), r.message());
    }
}
