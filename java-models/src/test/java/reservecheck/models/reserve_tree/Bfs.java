package reservecheck.models.reserve_tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reservecheck.models.lts.Transition;

/** A tiny breadth-first search of a model's reachable states, for the tests only. */
final class Bfs {
    final Set<ReserveTreeState> seen = new HashSet<ReserveTreeState>();
    /** States without any successor (Terminated is a successor): TLC's deadlocks. */
    final List<ReserveTreeState> deadlocks = new ArrayList<ReserveTreeState>();
    /** The invariants (of the checked ones) that some reachable state violates. */
    final Set<String> violated = new HashSet<String>();
    /** Every action label taken somewhere. */
    final Set<String> labels = new HashSet<String>();
    /** The reachable states violating each checked invariant. */
    final Map<String, List<ReserveTreeState>> violations = new HashMap<String, List<ReserveTreeState>>();

    Bfs(ReserveTreeModel model, List<String> invariants) {
        ArrayDeque<ReserveTreeState> queue = new ArrayDeque<ReserveTreeState>();
        for (ReserveTreeState s : model.initialStates()) {
            visit(model, invariants, s, queue);
        }
        while (!queue.isEmpty()) {
            ReserveTreeState s = queue.poll();
            List<Transition<ReserveTreeState>> next = model.successors(s);
            if (next.isEmpty()) {
                deadlocks.add(s);
            }
            for (Transition<ReserveTreeState> t : next) {
                labels.add(t.label());
                visit(model, invariants, t.target(), queue);
            }
        }
    }

    private void visit(ReserveTreeModel model, List<String> invariants, ReserveTreeState s,
                       ArrayDeque<ReserveTreeState> queue) {
        if (seen.add(s)) {
            queue.add(s);
            for (String inv : invariants) {
                if (!model.invariant(inv, s)) {
                    violated.add(inv);
                    List<ReserveTreeState> l = violations.get(inv);
                    if (l == null) {
                        l = new ArrayList<ReserveTreeState>();
                        violations.put(inv, l);
                    }
                    l.add(s);
                }
            }
        }
    }
}
