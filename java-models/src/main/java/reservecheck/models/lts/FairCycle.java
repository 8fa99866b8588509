package reservecheck.models.lts;

import java.util.List;

/**
 * Whether a cycle of a model's states is a liveness counterexample: a lasso whose loop is
 * weakly fair and leaves some task's request unanswered for good.  This is the judgement TLC
 * makes on a behaviour that returns to a state, applied to one given cycle, so that checkers
 * which walk (the jqwik oracle's fair continuation, an implementation run that revisits a
 * state) can report a livelock, not only a state where nobody can step.  The historical case:
 * a killed task whose try_to_free_pages "made progress" loops in the allocator for ever while
 * every step it takes is a fair one (throttled_killed_no_oom).
 *
 * <p>The cycle is given as its states {@code s0 .. s(n-1)} and the steps between them: step i
 * goes from si to s(i+1), the last step back to s0.  JPF-safe: plain loops only.
 */
public final class FairCycle {
    private FairCycle() {
    }

    /**
     * "liveness:P" for the first property P (in the order given) the cycle violates, or null
     * when the cycle is not weakly fair or answers every request it holds.
     */
    public static <S> String violation(Model<S> model, List<S> states, List<Transition<S>> steps,
                                       List<String> properties) {
        if (states.isEmpty() || states.size() != steps.size()) {
            throw new IllegalArgumentException("a cycle of " + states.size() + " states needs as many steps, not "
                    + steps.size());
        }
        if (!weaklyFair(model, states, steps)) {
            return null;
        }
        for (int p = 0; p < properties.size(); p++) {
            LeadsTo<S> property = model.property(properties.get(p));
            List<String> tasks = property.tasks();
            for (int k = 0; k < tasks.size(); k++) {
                if (unanswered(property, tasks.get(k), states)) {
                    return "liveness:" + properties.get(p);
                }
            }
        }
        return null;
    }

    /**
     * Weak fairness of the loop repeated for ever: every fair group is either taken by a step
     * of the cycle or disabled in one of its states (WF: an action enabled continuously from
     * some point on is taken).  A group enabled in every state and never taken makes the
     * behaviour unfair, and then the cycle proves nothing.
     */
    public static <S> boolean weaklyFair(Model<S> model, List<S> states, List<Transition<S>> steps) {
        List<String> groups = model.fairnessGroups();
        for (int g = 0; g < groups.size(); g++) {
            String group = groups.get(g);
            if (taken(model, steps, group)) {
                continue;
            }
            if (enabledEverywhere(model, states, group)) {
                return false;
            }
        }
        return true;
    }

    private static <S> boolean taken(Model<S> model, List<Transition<S>> steps, String group) {
        for (int i = 0; i < steps.size(); i++) {
            if (group.equals(model.fairnessGroup(steps.get(i)))) {
                return true;
            }
        }
        return false;
    }

    private static <S> boolean enabledEverywhere(Model<S> model, List<S> states, String group) {
        for (int i = 0; i < states.size(); i++) {
            boolean enabled = false;
            List<Transition<S>> next = model.successors(states.get(i));
            for (int k = 0; k < next.size() && !enabled; k++) {
                enabled = group.equals(model.fairnessGroup(next.get(k)));
            }
            if (!enabled) {
                return false;
            }
        }
        return true;
    }

    /** p(t) holds somewhere on the loop and q(t) nowhere: the request is never answered. */
    private static <S> boolean unanswered(LeadsTo<S> property, String task, List<S> states) {
        boolean requested = false;
        for (int i = 0; i < states.size(); i++) {
            if (property.q(task, states.get(i))) {
                return false;
            }
            requested = requested || property.p(task, states.get(i));
        }
        return requested;
    }
}
