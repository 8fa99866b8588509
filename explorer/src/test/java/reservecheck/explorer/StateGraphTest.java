package reservecheck.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class StateGraphTest {

    @Test
    void theWholeGraphWithLabelledEdges() {
        StateGraph<Integer> g = Explorer.reachableGraph(new CounterModel(true));
        assertTrue(g.complete());
        assertEquals(9, g.states().size());
        assertEquals(List.of(0), g.initial());
        assertEquals(0, g.states().get(0));
        // every successor is an edge: TLC's 17 generated states less the initial one
        assertEquals(16, g.edges().size());
        int eight = g.states().indexOf(8);
        assertTrue(g.edges().contains(new StateGraph.Edge(eight, eight, "Done", null)));
        int two = g.states().indexOf(2);
        assertTrue(g.edges().contains(new StateGraph.Edge(0, two, "Inc2", null)));
    }

    @Test
    void canonicalGraphHasOneStatePerClass() {
        SymModel m = new SymModel(3);
        StateGraph<SymModel.State> g = Explorer.reachableGraph(m, true, 0);
        assertEquals(10, g.states().size());
        assertEquals(21, g.edges().size());
        for (SymModel.State s : g.states()) {
            assertEquals(m.canonical(s), s);
        }
        assertEquals(10, new HashSet<>(g.states()).size());
        assertEquals("start(p1)", g.edges().get(0).actionText());

        assertEquals(27, Explorer.reachableGraph(m).states().size());
    }

    @Test
    void aLimitedGraphIsMarkedIncomplete() {
        StateGraph<Long> g = Explorer.reachableGraph(new EndlessModel(), false, 50);
        assertFalse(g.complete());
        assertEquals(51, g.states().size());
    }
}
