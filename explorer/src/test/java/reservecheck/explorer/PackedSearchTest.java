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
        Checks c = v.checks();
        ExplorerOptions options = ExplorerOptions.defaults()
                .withInvariants(c.invariants())
                .withProperties(c.properties())
                .withDeadlock(c.deadlock());
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
