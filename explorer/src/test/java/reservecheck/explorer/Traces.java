package reservecheck.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Objects;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/** Checks counterexamples against the model itself, independently of the explorer's search. */
final class Traces {
    private Traces() {
    }

    static <S> List<String> actions(Counterexample<S> ce) {
        return ce.steps().stream().map(Step::actionText).toList();
    }

    /** Each step is a step of the model from the previous state, numbered from 1. */
    static <S> void assertPath(Model<S> model, Counterexample<S> ce) {
        assertNotNull(ce, "counterexample");
        List<Step<S>> steps = ce.steps();
        assertTrue(model.initialStates().contains(steps.get(0).state()), "starts in an initial state");
        assertNull(steps.get(0).action());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i + 1, steps.get(i).index());
            if (i > 0) {
                assertStep(model, steps.get(i - 1).state(), steps.get(i).action(), steps.get(i).task(),
                        steps.get(i).state());
            }
        }
    }

    private static <S> Transition<S> assertStep(Model<S> model, S from, String label, String task, S to) {
        for (Transition<S> t : model.successors(from)) {
            if (t.label().equals(label) && Objects.equals(t.task(), task) && t.target().equals(to)) {
                return t;
            }
        }
        return fail("no step " + label + "(" + task + ") from " + from + " to " + to);
    }

    /** ce is a weakly fair behaviour of the model that violates the named leads-to property. */
    static <S> void assertFairViolation(Model<S> model, String property, Counterexample<S> ce) {
        assertPath(model, ce);
        assertTrue(ce.isLasso(), "a liveness counterexample is a lasso");
        List<Step<S>> steps = ce.steps();
        int loop = ce.loopStart() - 1;
        assertTrue(steps.get(loop).loopStart());
        List<Step<S>> cycle = steps.subList(loop, steps.size());
        List<String> groups = model.fairnessGroups();
        if (ce.stuttering()) {
            assertEquals(steps.size() - 1, loop, "stuttering happens in the last state");
            assertTrue(steps.get(loop).stutters());
            for (Transition<S> t : model.successors(ce.lastState())) {
                if (!t.target().equals(ce.lastState())) {
                    assertNull(model.fairnessGroup(t), "stuttering while " + t + " is fair and enabled");
                }
            }
        } else {
            Transition<S> closing = assertStep(model, ce.lastState(), ce.loopAction(), ce.loopTask(),
                    steps.get(loop).state());
            for (String g : groups) {
                boolean disabledSomewhere = cycle.stream().anyMatch(st -> model.successors(st.state()).stream()
                        .noneMatch(t -> g.equals(model.fairnessGroup(t)) && !t.target().equals(st.state())));
                boolean taken = g.equals(model.fairnessGroup(closing)) && !closing.target().equals(ce.lastState());
                for (int i = loop + 1; i < steps.size(); i++) {
                    Transition<S> t = assertStep(model, steps.get(i - 1).state(), steps.get(i).action(),
                            steps.get(i).task(), steps.get(i).state());
                    taken |= g.equals(model.fairnessGroup(t)) && !t.target().equals(steps.get(i - 1).state());
                }
                assertTrue(disabledSomewhere || taken, "the cycle is unfair to " + g);
            }
        }
        LeadsTo<S> p = model.property(property);
        String task = ce.task();
        assertTrue(p.tasks().contains(task));
        boolean violated = false;
        for (int i = 0; i < steps.size() && !violated; i++) {
            if (p.p(task, steps.get(i).state())) {
                boolean neverQ = true;
                for (int j = Math.min(i, loop); j < steps.size(); j++) {
                    neverQ &= !p.q(task, steps.get(j).state());
                }
                violated = neverQ;
            }
        }
        assertTrue(violated, "some state has P and no later state has Q");
    }
}
