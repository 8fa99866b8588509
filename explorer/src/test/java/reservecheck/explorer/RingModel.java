package reservecheck.explorer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Transition;

/** One task r steps around a ring of n positions, weakly fair: a long graph for the SCC search. */
final class RingModel extends ToyModel<Integer> {
    private final int n;

    RingModel(int n) {
        this.n = n;
    }

    @Override
    Map<String, Predicate<Integer>> invariants() {
        return Map.of("InRing", i -> i >= 0 && i < n);
    }

    @Override
    Map<String, LeadsTo<Integer>> properties() {
        Map<String, LeadsTo<Integer>> m = new LinkedHashMap<>();
        m.put("ReachesLast", leadsTo(List.of("r"), (t, i) -> true, (t, i) -> i == n - 1));
        m.put("NeverStops", leadsTo(List.of("r"), (t, i) -> i == 0, (t, i) -> false));
        return m;
    }

    @Override
    public List<Integer> initialStates() {
        return List.of(0);
    }

    @Override
    public List<Transition<Integer>> successors(Integer i) {
        return List.of(new Transition<>("step", "r", (i + 1) % n));
    }

    @Override
    public String fairnessGroup(Transition<Integer> step) {
        return "Progress(r)";
    }

    @Override
    public List<String> fairnessGroups() {
        return List.of("Progress(r)");
    }
}
