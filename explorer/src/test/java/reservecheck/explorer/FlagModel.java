package reservecheck.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Transition;

/**
 * Task w waits for a flag that task s may set, while task l may flip a bit forever.  TLA+ twin
 * (TLC's verdicts and numbers are quoted in the tests):
 * <pre>
 * set_flag == HasSetter /\ ~flag /\ flag' = TRUE /\ UNCHANGED &lt;&lt;pcw, bit&gt;&gt;
 * wake == pcw = "wait" /\ flag /\ pcw' = "done" /\ UNCHANGED &lt;&lt;flag, bit&gt;&gt;
 * spin == HasLooper /\ bit' = 1 - bit /\ UNCHANGED &lt;&lt;flag, pcw&gt;&gt;
 * Terminated == pcw = "done" /\ UNCHANGED vars
 * Spec == Init /\ [][Next]_vars /\ WF_vars(SetterFair /\ set_flag) /\ WF_vars(wake) /\ WF_vars(spin)
 * WaitEnds == pcw = "wait" ~&gt; pcw = "done"
 * </pre>
 */
final class FlagModel extends ToyModel<FlagModel.State> {
    record State(boolean flag, String pcw, int bit) {
    }

    private final boolean hasSetter;
    private final boolean setterFair;
    private final boolean hasLooper;

    FlagModel(boolean hasSetter, boolean setterFair, boolean hasLooper) {
        this.hasSetter = hasSetter;
        this.setterFair = setterFair;
        this.hasLooper = hasLooper;
    }

    @Override
    Map<String, Predicate<State>> invariants() {
        return Map.of("BitOK", s -> s.bit() == 0 || s.bit() == 1);
    }

    @Override
    Map<String, LeadsTo<State>> properties() {
        Map<String, LeadsTo<State>> m = new LinkedHashMap<>();
        m.put("WaitEnds", leadsTo(List.of("w"), (t, s) -> s.pcw().equals("wait"), (t, s) -> s.pcw().equals("done")));
        // violated only after the bit was flipped once: the lasso must pass a state with bit = 1
        m.put("NeverAfterOne", leadsTo(List.of("l"), (t, s) -> s.bit() == 1, (t, s) -> false));
        return m;
    }

    @Override
    public List<State> initialStates() {
        return List.of(new State(false, "wait", 0));
    }

    @Override
    public List<Transition<State>> successors(State s) {
        List<Transition<State>> out = new ArrayList<>();
        if (hasSetter && !s.flag()) {
            out.add(new Transition<>("set_flag", "s", new State(true, s.pcw(), s.bit())));
        }
        if (s.pcw().equals("wait") && s.flag()) {
            out.add(new Transition<>("wake", "w", new State(s.flag(), "done", s.bit())));
        }
        if (hasLooper) {
            out.add(new Transition<>("spin", "l", new State(s.flag(), s.pcw(), 1 - s.bit())));
        }
        if (s.pcw().equals("done")) {
            out.add(new Transition<>("Terminated", null, s));
        }
        return out;
    }

    @Override
    public String fairnessGroup(Transition<State> step) {
        if (step.task() == null || (step.task().equals("s") && !setterFair)) {
            return null;
        }
        return "Progress(" + step.task() + ")";
    }

    @Override
    public List<String> fairnessGroups() {
        return setterFair ? List.of("Progress(s)", "Progress(w)", "Progress(l)") : List.of("Progress(w)", "Progress(l)");
    }
}
