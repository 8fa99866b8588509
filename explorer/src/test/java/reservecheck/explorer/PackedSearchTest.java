package reservecheck.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import reservecheck.catalog.Checks;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;

/**
 * The packed search (states stored encoded, issue 14) finds what the object search finds, on
 * every catalog entry of a protocol whose model offers a packing: the same verdict, counts,
 * depth, coverage and counterexample, step by step.  Symmetry is off, since the packed path
 * does not run under it; the liveness entries run the fair-SCC check on decoded states.  Two
 * threads give one thread's result, counterexamples included.
 */
class PackedSearchTest {

    static Stream<Variant> variants() throws Exception {
        return CatalogExplorerTest.variants().filter(v -> Models.create(v.protocol(), Map.copyOf(v.parameters()))
                .packing() != null);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void packedAndObjectSearchesAgree(Variant v) {
        Model<Object> model = (Model<Object>) Models.create(v.protocol(), Map.copyOf(v.parameters()));
        ExplorerOptions options = safety(v).withProperties(v.checks().properties());
        ExplorerResult<Object> packed = new Explorer<>(model, options, true).run();
        ExplorerResult<Object> objects = new Explorer<>(model, options, false).run();
        assertTrue(packed.distinctStates() > 0, packed.toString());
        assertSame(objects, packed);
        // two threads, in chunks of 3 states so that even the smallest entry spans several
        // batches and each batch several chunks: the merge must give one thread's result
        ExplorerResult<Object> parallel = new Explorer<>(model, options.withThreads(2), true, 3).run();
        assertSame(packed, parallel);
        if (!packed.isOk()) {
            assertNotNull(packed.counterexample());
        }
    }

    /** The entry's invariants and deadlock check. */
    private static ExplorerOptions safety(Variant v) {
        Checks c = v.checks();
        return ExplorerOptions.defaults().withInvariants(c.invariants()).withDeadlock(c.deadlock());
    }

    private static void assertSame(ExplorerResult<Object> objects, ExplorerResult<Object> packed) {
        assertEquals(objects.verdict(), packed.verdict());
        assertEquals(objects.message(), packed.message());
        assertEquals(objects.distinctStates(), packed.distinctStates());
        assertEquals(objects.statesGenerated(), packed.statesGenerated());
        assertEquals(objects.statesLeftOnQueue(), packed.statesLeftOnQueue());
        assertEquals(objects.depth(), packed.depth());
        assertEquals(objects.coverage(), packed.coverage());
        assertEquals(objects.counterexample(), packed.counterexample());
    }

    /**
     * Symmetry on packed states (safety only) finds the classes the object path finds, which
     * expands the first member of each class as TLC does: the same verdict, and for a complete
     * search the same counts, depth and coverage, on one thread and on two; a counterexample has
     * the same (shortest) length and is a real
     * run of the model, step by step, ending in a state that breaks the invariant.  mempool
     * canonicalises the words, reserve_tree encodes the model's canonical state.
     */
    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void packedSymmetryFindsTheObjectPathsClasses(Variant v) {
        Model<Object> model = (Model<Object>) Models.create(v.protocol(), Map.copyOf(v.parameters()));
        ExplorerOptions options = safety(v).withSymmetry(true);
        ExplorerResult<Object> objects = new Explorer<>(model, options, false).run();
        for (int threads = 1; threads <= 2; threads++) {
            ExplorerResult<Object> packed = new Explorer<>(model, options.withThreads(threads), true, 3).run();
            assertEquals(objects.verdict(), packed.verdict());
            if (objects.counterexample() == null) {
                assertEquals(objects.distinctStates(), packed.distinctStates());
                assertEquals(objects.depth(), packed.depth());
                assertEquals(objects.coverage(), packed.coverage());
                assertEquals(null, packed.counterexample());
                continue;
            }
            // a violation stops the search at a state whose place in its level depends on which
            // member of each class was expanded: only the verdict and the (shortest) length agree
            java.util.List<Step<Object>> steps = packed.counterexample().steps();
            assertEquals(objects.counterexample().steps().size(), steps.size());
            assertTrue(model.initialStates().contains(steps.get(0).state()));
            for (int i = 1; i < steps.size(); i++) {
                Step<Object> step = steps.get(i);
                assertTrue(model.successors(steps.get(i - 1).state()).stream().anyMatch(t -> t.target().equals(
                        step.state()) && t.label().equals(step.action()) && java.util.Objects.equals(t.task(),
                        step.task())), "step " + step.index() + " is not a step of the model");
            }
            if (packed.verdict().startsWith("invariant:")) {
                assertTrue(!model.invariant(packed.verdict().substring("invariant:".length()),
                        steps.get(steps.size() - 1).state()));
            }
        }
    }

    /**
     * Issue 14's 32 bytes per stored state at mempool's large bounds (5 process tasks, 1 irq
     * task, min_nr 3): two words of state, a parent int and at most 4/0.375 bytes of hash table
     * (the table is kept between 3/8 and 3/4 full) make at most 30.7.
     */
    @Test
    void mempoolAtFiveProcessTasksPacksIntoTwoWords() throws Exception {
        for (String name : new String[] {"mempool_modern", "mempool_2001"}) {
            Variant v = CatalogExplorerTest.variants().filter(x -> x.name().equals(name)).findFirst().orElseThrow()
                    .withOverrides(Map.of("procs", "5", "irqs", "1", "min_nr", "3"));
            Model<?> model = Models.create(v.protocol(), Map.copyOf(v.parameters()));
            assertEquals(2, model.packing().width(), name);
        }
    }
}
