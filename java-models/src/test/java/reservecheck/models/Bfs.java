package reservecheck.models;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/** A tiny breadth-first search of a model's reachable states, for the tests only. */
public final class Bfs<S> {
    public final Set<S> seen = new HashSet<>();
    /** States without any successor (Terminated is a successor): TLC's deadlocks. */
    public final List<S> deadlocks = new ArrayList<>();
    /** The invariants (of the checked ones) that some reachable state violates. */
    public final Set<String> violated = new HashSet<>();
    /** Every action label taken somewhere. */
    public final Set<String> labels = new HashSet<>();
    /** The reachable states violating each checked invariant. */
    public final Map<String, List<S>> violations = new HashMap<>();

    public Bfs(Model<S> model, List<String> invariants) {
        ArrayDeque<S> queue = new ArrayDeque<>();
        for (S s : model.initialStates()) {
            visit(model, invariants, s, queue);
        }
        while (!queue.isEmpty()) {
            S s = queue.poll();
            List<Transition<S>> next = model.successors(s);
            if (next.isEmpty()) {
                deadlocks.add(s);
            }
            for (Transition<S> t : next) {
                labels.add(t.label());
                visit(model, invariants, t.target(), queue);
            }
        }
    }

    private void visit(Model<S> model, List<String> invariants, S s, ArrayDeque<S> queue) {
        if (seen.add(s)) {
            queue.add(s);
            for (String inv : invariants) {
                if (!model.invariant(inv, s)) {
                    violated.add(inv);
                    violations.computeIfAbsent(inv, k -> new ArrayList<>()).add(s);
                }
            }
        }
    }
}
