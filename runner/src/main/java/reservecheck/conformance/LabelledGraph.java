package reservecheck.conformance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reachable state graph in the one form both sides are compared in: every state is the
 * canonical text of its variables ("name = value" lines, values printed by
 * {@link reservecheck.tla.TlaValue}), every edge is (source, target, action label).  The task
 * that takes a step is not part of an edge: TLC's graph labels an edge with the action's name
 * only.  Stuttering is not an edge.
 */
final class LabelledGraph {
    /** state text to the list of its out-edges (label, target text), in insertion order */
    private final Map<String, List<String[]>> out = new LinkedHashMap<>();
    private final Set<String> initial = new LinkedHashSet<>();
    private final Set<String> edges = new LinkedHashSet<>();

    void addState(String state, boolean isInitial) {
        out.computeIfAbsent(state, k -> new ArrayList<>());
        if (isInitial) {
            initial.add(state);
        }
    }

    void addEdge(String from, String to, String label) {
        addState(from, false);
        addState(to, false);
        if (edges.add(edgeKey(from, to, label))) {
            out.get(from).add(new String[] {label, to});
        }
    }

    static String edgeKey(String from, String to, String label) {
        return from + "\u0000" + label + "\u0000" + to;
    }

    Set<String> states() {
        return out.keySet();
    }

    Set<String> initialStates() {
        return initial;
    }

    Set<String> edgeKeys() {
        return edges;
    }

    List<String[]> successors(String state) {
        return out.getOrDefault(state, List.of());
    }

    /** The action labels of a shortest path from an initial state to {@code target}, or null. */
    List<String> shortestPath(String target) {
        Map<String, String[]> parent = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String s : initial) {
            parent.put(s, null);
            queue.add(s);
        }
        while (!queue.isEmpty()) {
            String s = queue.poll();
            if (s.equals(target)) {
                List<String> labels = new ArrayList<>();
                for (String[] p = parent.get(s); p != null; p = parent.get(p[1])) {
                    labels.add(0, p[0]);
                }
                return labels;
            }
            for (String[] e : successors(s)) {
                if (!parent.containsKey(e[1])) {
                    parent.put(e[1], new String[] {e[0], s});
                    queue.add(e[1]);
                }
            }
        }
        return null;
    }
}
