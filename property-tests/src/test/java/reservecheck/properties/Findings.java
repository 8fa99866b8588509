package reservecheck.properties;

import java.util.List;
import java.util.Optional;
import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/**
 * What a walk can show about a state, in the verdict vocabulary TLC and the explorer use:
 * the first failing invariant (in the catalog's order), a deadlock (no successor at all), or a
 * liveness failure found by the fair continuation below.
 */
final class Findings {
    /** Fair steps the continuation may take before it gives up without a finding. */
    static final int CONTINUATION_BOUND = 10_000;

    private Findings() {
    }

    static <S> Optional<String> of(Model<S> model, S state, List<String> invariants,
                                   List<String> properties, boolean deadlock) {
        Optional<String> here = inState(model, state, invariants, deadlock);
        if (here.isPresent() || properties.isEmpty()) {
            return here;
        }
        return fairContinuation(model, state, invariants, properties, deadlock);
    }

    private static <S> Optional<String> inState(Model<S> model, S state, List<String> invariants, boolean deadlock) {
        for (String inv : invariants) {
            if (!model.invariant(inv, state)) {
                return Optional.of("invariant:" + inv);
            }
        }
        if (deadlock && model.successors(state).isEmpty()) {
            return Optional.of("deadlock");
        }
        return Optional.empty();
    }

    /**
     * Sound check of each "p(t) ~> q(t)" from this state: follow only weakly fair steps until
     * none is enabled.  A violation is claimed only where, in addition, no step could start a
     * further request: there only unfair steps (timeouts) remain, so the behaviour may
     * stutter forever and still be fair, and a task with p and not q is left behind for good.
     * Where an idle task could still start, nothing is claimed: the walk itself must get
     * there, so a deadlock that the other tasks would run into is found as the deadlock it is
     * (TLC too reports safety failures before liveness).  The continuation only judges
     * liveness; invariants are checked on the walk's own states.  A continuation that ends in
     * a state with no successor at all has found a deadlock and reports that.
     */
    private static <S> Optional<String> fairContinuation(Model<S> model, S from, List<String> invariants,
                                                         List<String> properties, boolean deadlock) {
        S s = from;
        for (int i = 0; i < CONTINUATION_BOUND; i++) {
            Transition<S> fair = null;
            boolean canStart = false;
            for (Transition<S> t : model.successors(s)) {
                if (model.fairnessGroup(t) != null) {
                    fair = t;
                    break;
                }
                canStart |= model.startsRequest(t);
            }
            if (fair == null) {
                if (deadlock && model.successors(s).isEmpty()) {
                    // the fair steps of the started requests lead into a dead end
                    return Optional.of("deadlock");
                }
                if (canStart) {
                    return Optional.empty();
                }
                for (String prop : properties) {
                    LeadsTo<S> property = model.property(prop);
                    for (String task : property.tasks()) {
                        if (property.p(task, s) && !property.q(task, s)) {
                            return Optional.of("liveness:" + prop);
                        }
                    }
                }
                return Optional.empty();
            }
            s = fair.target();
        }
        return Optional.empty();
    }
}
