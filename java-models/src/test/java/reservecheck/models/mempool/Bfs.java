package reservecheck.models.mempool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import reservecheck.models.lts.Transition;

/** A tiny breadth-first search of a model's reachable states, for the tests only. */
final class Bfs {
    final Set<MempoolState> seen = new HashSet<MempoolState>();
    /** States without any successor (Terminated is a successor): TLC's deadlocks. */
    final List<MempoolState> deadlocks = new ArrayList<MempoolState>();
    /** The invariants (of the checked ones) that some reachable state violates. */
    final Set<String> violated = new HashSet<String>();

    Bfs(MempoolModel model, List<String> invariants) {
        ArrayDeque<MempoolState> queue = new ArrayDeque<MempoolState>();
        for (MempoolState s : model.initialStates()) {
            visit(model, invariants, s, queue);
        }
        while (!queue.isEmpty()) {
            MempoolState s = queue.poll();
            List<Transition<MempoolState>> next = model.successors(s);
            if (next.isEmpty()) {
                deadlocks.add(s);
            }
            for (Transition<MempoolState> t : next) {
                visit(model, invariants, t.target(), queue);
            }
        }
    }

    private void visit(MempoolModel model, List<String> invariants, MempoolState s, ArrayDeque<MempoolState> queue) {
        if (seen.add(s)) {
            queue.add(s);
            for (String inv : invariants) {
                if (!model.invariant(inv, s)) {
                    violated.add(inv);
                }
            }
        }
    }
}
