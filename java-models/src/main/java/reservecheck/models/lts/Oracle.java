package reservecheck.models.lts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * successor at all has found a deadlock and reports that.
     *
     * <p>A continuation can also come back to a state it has been in: fair steps that go round
     * for ever (a livelock, e.g. throttled_killed_no_oom's killed task retrying the allocator).
     * The cycle is judged by {@link FairCycle}: weakly fair and leaving a request unanswered is
     * a liveness violation.  The continuation takes the first fair step in the model's order,
     * so that without a cycle the path is the same as ever; a cycle that is not weakly fair
     * (another fair group stayed enabled and was passed over) makes it take, from there on, the
     * enabled group that has waited longest, and a second cycle that proves nothing ends it.
     * If it does not settle within the bound, nothing is claimed.
     */
    public static <S> String fairContinuation(Model<S> model, S from, List<String> properties, boolean deadlock) {
        S s = from;
        boolean roundRobin = false;
        Map<S, Integer> seen = new HashMap<S, Integer>();
        List<S> path = new ArrayList<S>();
        List<Transition<S>> taken = new ArrayList<Transition<S>>();
        Map<String, Integer> lastTaken = new HashMap<String, Integer>();
        for (int i = 0; i < CONTINUATION_BOUND; i++) {
            Integer before = seen.get(s);
            if (before != null) {
                int at = before.intValue();
                String found = properties.isEmpty() ? null
                        : FairCycle.violation(model, path.subList(at, path.size()), taken.subList(at, taken.size()),
                        properties);
                if (found != null || roundRobin) {
                    return found;
                }
                roundRobin = true;
                seen.clear();
                path.clear();
                taken.clear();
            }
            List<Transition<S>> next = model.successors(s);
            Transition<S> fair = null;
            int fairSince = Integer.MAX_VALUE;
            boolean canStart = false;
            for (int k = 0; k < next.size(); k++) {
                Transition<S> t = next.get(k);
                String group = model.fairnessGroup(t);
                if (group != null) {
                    if (!roundRobin) {
                        fair = t;
                        break;
                    }
                    Integer last = lastTaken.get(group);
                    int since = last == null ? -1 : last.intValue();
                    if (fair == null || since < fairSince) {
                        fair = t;
                        fairSince = since;
                    }
                    continue;
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
            seen.put(s, Integer.valueOf(path.size()));
            path.add(s);
            taken.add(fair);
            lastTaken.put(model.fairnessGroup(fair), Integer.valueOf(i));
            s = fair.target();
        }
        return null;
    }
}
