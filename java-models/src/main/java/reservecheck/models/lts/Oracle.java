package reservecheck.models.lts;

import java.util.List;

/**
 * What a single state of a walk shows, in the verdict vocabulary of TLC and the explorer:
 * the first failing invariant (in the order given), a deadlock (no successor at all), or a
 * liveness failure found by the fair continuation below.  Checkers that walk a model rather
 * than search it (jqwik, the JPF walk) use it after every step.  JPF-safe: plain loops only.
 */
public final class Oracle {
    /** Fair steps the continuation may take before it gives up without a finding. */
    public static final int CONTINUATION_BOUND = 10000;

    private Oracle() {
    }

    /** The finding in state s, or null. */
    public static <S> String finding(Model<S> model, S s, List<String> invariants, List<String> properties,
                                     boolean deadlock) {
        String here = inState(model, s, invariants, deadlock);
        if (here != null || properties.isEmpty()) {
            return here;
        }
        return fairContinuation(model, s, properties, deadlock);
    }

    /** An invariant that fails in s, or a deadlock at s, or null. */
    public static <S> String inState(Model<S> model, S s, List<String> invariants, boolean deadlock) {
        for (int i = 0; i < invariants.size(); i++) {
            if (!model.invariant(invariants.get(i), s)) {
                return "invariant:" + invariants.get(i);
            }
        }
        if (deadlock && model.successors(s).isEmpty()) {
            return "deadlock";
        }
        return null;
    }

    /**
     * Sound check of each "p(t) ~> q(t)" from s: follow only weakly fair steps until none is
     * enabled.  A violation is claimed only where, in addition, no step could start a further
     * request: there only unfair steps (timeouts) remain, so the behaviour may stutter forever
     * and still be fair, and a task with p and not q is left behind for good.  Where an idle
     * task could still start, nothing is claimed: the walk itself must get there, so a
     * deadlock that the other tasks would run into is found as the deadlock it is (TLC too
     * reports safety failures before liveness).  A continuation that ends in a state with no
     * successor at all has found a deadlock and reports that.  If it does not settle within the
     * bound, nothing is claimed.
     */
    public static <S> String fairContinuation(Model<S> model, S from, List<String> properties, boolean deadlock) {
        S s = from;
        for (int i = 0; i < CONTINUATION_BOUND; i++) {
            List<Transition<S>> next = model.successors(s);
            Transition<S> fair = null;
            boolean canStart = false;
            for (int k = 0; k < next.size(); k++) {
                Transition<S> t = next.get(k);
                if (model.fairnessGroup(t) != null) {
                    fair = t;
                    break;
                }
                canStart = canStart || model.startsRequest(t);
            }
            if (fair == null) {
                if (deadlock && next.isEmpty()) {
                    return "deadlock";
                }
                if (canStart) {
                    return null;
                }
                for (int p = 0; p < properties.size(); p++) {
                    LeadsTo<S> property = model.property(properties.get(p));
                    List<String> tasks = property.tasks();
                    for (int k = 0; k < tasks.size(); k++) {
                        if (property.p(tasks.get(k), s) && !property.q(tasks.get(k), s)) {
                            return "liveness:" + properties.get(p);
                        }
                    }
                }
                return null;
            }
            s = fair.target();
        }
        return null;
    }
}
