package reservecheck.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import reservecheck.models.lts.Transition;

/**
 * n interchangeable tasks, each idle -&gt; busy -&gt; done; Terminated loops when all are done.
 * TLA+ twin: start(t), finish(t) under \E t \in Procs, SYMMETRY Permutations(Procs).
 */
final class SymModel extends ToyModel<SymModel.State> {
    record State(List<String> pc) {
    }

    private final int n;

    SymModel(int n) {
        this.n = n;
    }

    @Override
    Map<String, Predicate<State>> invariants() {
        return Map.of("NotAllBusy", s -> !s.pc().stream().allMatch("busy"::equals));
    }

    @Override
    public List<State> initialStates() {
        return List.of(new State(java.util.Collections.nCopies(n, "idle")));
    }

    @Override
    public List<Transition<State>> successors(State s) {
        List<Transition<State>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String pc = s.pc().get(i);
            if (pc.equals("idle")) {
                out.add(new Transition<>("start", "p" + (i + 1), with(s, i, "busy")));
            }
            if (pc.equals("busy")) {
                out.add(new Transition<>("finish", "p" + (i + 1), with(s, i, "done")));
            }
        }
        if (s.pc().stream().allMatch("done"::equals)) {
            out.add(new Transition<>("Terminated", null, s));
        }
        return out;
    }

    private static State with(State s, int i, String pc) {
        List<String> p = new ArrayList<>(s.pc());
        p.set(i, pc);
        return new State(List.copyOf(p));
    }

    /** The tasks' pcs sorted: one representative per permutation class. */
    @Override
    public State canonical(State s) {
        List<String> p = new ArrayList<>(s.pc());
        p.sort(null);
        return new State(List.copyOf(p));
    }
}
