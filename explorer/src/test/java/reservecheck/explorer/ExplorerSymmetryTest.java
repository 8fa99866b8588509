package reservecheck.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** TLC 2.18's numbers on SymModel's twin with three tasks, with and without SYMMETRY. */
class ExplorerSymmetryTest {
    private final SymModel model = new SymModel(3);

    @Test
    void symmetryReducesTheStateCount() {
        ExplorerResult<SymModel.State> full = Explorer.check(model, ExplorerOptions.defaults());
        assertTrue(full.isOk());
        // TLC: 56 states generated, 27 distinct states found, depth 7
        assertEquals(56, full.statesGenerated());
        assertEquals(27, full.distinctStates());
        assertEquals(7, full.depth());

        ExplorerResult<SymModel.State> reduced = Explorer.check(model, ExplorerOptions.defaults().withSymmetry(true));
        assertTrue(reduced.isOk());
        // TLC with SYMMETRY Permutations(Procs): 22 states generated, 10 distinct states found, depth 7
        assertEquals(22, reduced.statesGenerated());
        assertEquals(10, reduced.distinctStates());
        assertEquals(7, reduced.depth());
    }

    @Test
    void symmetryKeepsTheVerdictAndARealTrace() {
        ExplorerOptions o = ExplorerOptions.defaults().withInvariants("NotAllBusy");
        ExplorerResult<SymModel.State> full = Explorer.check(model, o);
        ExplorerResult<SymModel.State> reduced = Explorer.check(model, o.withSymmetry(true));
        assertEquals("invariant:NotAllBusy", full.verdict());
        assertEquals("invariant:NotAllBusy", reduced.verdict());
        List<String> trace = List.of("Initial predicate", "start(p1)", "start(p2)", "start(p3)");
        assertEquals(trace, Traces.actions(full.counterexample()));
        // the trace under symmetry is made of the states actually reached, not representatives
        assertEquals(trace, Traces.actions(reduced.counterexample()));
        Traces.assertPath(model, reduced.counterexample());
        // TLC: 18 generated, 14 distinct, 7 left on queue; with symmetry 12, 6, 1; depth 4 both
        assertEquals(18, full.statesGenerated());
        assertEquals(14, full.distinctStates());
        assertEquals(7, full.statesLeftOnQueue());
        assertEquals(12, reduced.statesGenerated());
        assertEquals(6, reduced.distinctStates());
        assertEquals(1, reduced.statesLeftOnQueue());
        assertEquals(4, full.depth());
        assertEquals(4, reduced.depth());
    }
}
