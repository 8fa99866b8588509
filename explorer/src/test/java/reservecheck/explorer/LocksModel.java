package reservecheck.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import reservecheck.models.lts.Transition;

/**
 * Two tasks take two locks in opposite orders (a: l1 then l2, b: l2 then l1), release both and
 * are done; Terminated loops once both are done.  TLA+ twin:
 * <pre>
 * take_first(t)  == pc[t] = "start"  /\ Take(First(t), t)     /\ pc' = [pc EXCEPT ![t] = "second"]
 * take_second(t) == pc[t] = "second" /\ Take(3 - First(t), t) /\ pc' = [pc EXCEPT ![t] = "cs"]
 * release(t)     == pc[t] = "cs" /\ l1' = "none" /\ l2' = "none" /\ pc' = [pc EXCEPT ![t] = "done"]
 * Next == (\E t \in {"a", "b"} : take_first(t) \/ take_second(t) \/ release(t)) \/ Terminated
 * </pre>
 */
final class LocksModel extends ToyModel<LocksModel.State> {
    static final List<String> TASKS = List.of("a", "b");

    /** pc of a and b; the owner of each lock ("none" when free). */
    record State(List<String> pc, String l1, String l2) {
        String lock(int n) {
            return n == 1 ? l1 : l2;
        }

        State withLock(int n, String owner, int task, String newPc) {
            List<String> p = new ArrayList<>(pc);
            p.set(task, newPc);
            return n == 1 ? new State(List.copyOf(p), owner, l2) : new State(List.copyOf(p), l1, owner);
        }
    }

    @Override
    Map<String, Predicate<State>> invariants() {
        return Map.of("Exclusive", s -> true);
    }

    @Override
    public List<State> initialStates() {
        return List.of(new State(List.of("start", "start"), "none", "none"));
    }

    @Override
    public List<Transition<State>> successors(State s) {
        List<Transition<State>> out = new ArrayList<>();
        for (int i = 0; i < TASKS.size(); i++) {
            String t = TASKS.get(i);
            int first = i == 0 ? 1 : 2;
            String pc = s.pc().get(i);
            if (pc.equals("start") && s.lock(first).equals("none")) {
                out.add(new Transition<>("take_first", t, s.withLock(first, t, i, "second")));
            }
            if (pc.equals("second") && s.lock(3 - first).equals("none")) {
                out.add(new Transition<>("take_second", t, s.withLock(3 - first, t, i, "cs")));
            }
            if (pc.equals("cs")) {
                State r = s.withLock(1, "none", i, "done");
                out.add(new Transition<>("release", t, new State(r.pc(), "none", "none")));
            }
        }
        if (s.pc().stream().allMatch("done"::equals)) {
            out.add(new Transition<>("Terminated", null, s));
        }
        return out;
    }
}
