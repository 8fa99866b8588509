package reservecheck.explorer;

import java.util.List;

/**
 * The reachable state graph, for comparison with TLC's {@code -dump dot} graph.  States are
 * numbered in BFS discovery order; with canonicalisation each state is its symmetry class's
 * representative ({@code Model.canonical}) and edges lead to classes.
 *
 * @param initial  ids of the distinct initial states
 * @param edges    every step of every state, self-loops and parallel steps included, in the
 *                 model's successor order
 * @param complete false if the state limit stopped the search (unexpanded states have no edges)
 */
public record StateGraph<S>(List<S> states, List<Integer> initial, List<Edge> edges, boolean complete) {

    /** A labelled step between two state ids. */
    public record Edge(int from, int to, String label, String task) {
        public String actionText() {
            return task == null ? label : label + "(" + task + ")";
        }
    }

    public StateGraph {
        states = List.copyOf(states);
        initial = List.copyOf(initial);
        edges = List.copyOf(edges);
    }
}
