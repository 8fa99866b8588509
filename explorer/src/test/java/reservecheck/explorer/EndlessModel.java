package reservecheck.explorer;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import reservecheck.models.lts.Transition;

/** x' = x + 1 forever: a search that only a limit stops. */
final class EndlessModel extends ToyModel<Long> {
    @Override
    Map<String, Predicate<Long>> invariants() {
        return Map.of("Nonnegative", x -> x >= 0);
    }

    @Override
    public List<Long> initialStates() {
        return List.of(0L);
    }

    @Override
    public List<Transition<Long>> successors(Long x) {
        return List.of(new Transition<>("Inc", null, x + 1));
    }
}
