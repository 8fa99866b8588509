package reservecheck.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import reservecheck.models.lts.Transition;

/**
 * x counts from 0 to 8 by Inc1 (x' = x + 1) or Inc2 (x' = x + 2); at 8, Done loops (when
 * loop is on) or nothing is enabled.  The TLA+ twin, whose TLC numbers the tests use:
 * <pre>
 * Init == x = 0
 * Inc1 == x &lt; 8 /\ x' = x + 1
 * Inc2 == x &lt; 7 /\ x' = x + 2
 * Done == Loop /\ x = 8 /\ UNCHANGED x
 * Next == Inc1 \/ Inc2 \/ Done
 * </pre>
 */
final class CounterModel extends ToyModel<Integer> {
    private final boolean loop;

    CounterModel(boolean loop) {
        this.loop = loop;
    }

    @Override
    Map<String, Predicate<Integer>> invariants() {
        Map<String, Predicate<Integer>> m = new LinkedHashMap<>();
        m.put("TypeOK", x -> x >= 0 && x <= 8);
        m.put("NotFour", x -> x != 4);
        m.put("BelowFour", x -> x < 4);
        m.put("Positive", x -> x > 0);
        return m;
    }

    @Override
    public List<Integer> initialStates() {
        return List.of(0);
    }

    @Override
    public List<Transition<Integer>> successors(Integer x) {
        List<Transition<Integer>> out = new ArrayList<>();
        if (x < 8) {
            out.add(new Transition<>("Inc1", null, x + 1));
        }
        if (x < 7) {
            out.add(new Transition<>("Inc2", null, x + 2));
        }
        if (loop && x == 8) {
            out.add(new Transition<>("Done", null, x));
        }
        return out;
    }
}
