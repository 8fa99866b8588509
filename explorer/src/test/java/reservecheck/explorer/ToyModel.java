package reservecheck.explorer;

import java.util.List;
import java.util.Map;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/** Defaults for the small test models: no symmetry, no fairness, no properties. */
abstract class ToyModel<S> implements Model<S> {

    /** Invariants by name, in declaration order. */
    abstract Map<String, java.util.function.Predicate<S>> invariants();

    Map<String, LeadsTo<S>> properties() {
        return Map.of();
    }

    @Override
    public String protocol() {
        return "toy";
    }

    @Override
    public List<String> invariantNames() {
        return List.copyOf(invariants().keySet());
    }

    @Override
    public boolean invariant(String name, S s) {
        java.util.function.Predicate<S> p = invariants().get(name);
        if (p == null) {
            throw new IllegalArgumentException(name);
        }
        return p.test(s);
    }

    @Override
    public List<String> propertyNames() {
        return List.copyOf(properties().keySet());
    }

    @Override
    public LeadsTo<S> property(String name) {
        LeadsTo<S> p = properties().get(name);
        if (p == null) {
            throw new IllegalArgumentException(name);
        }
        return p;
    }

    @Override
    public String fairnessGroup(Transition<S> step) {
        return null;
    }

    @Override
    public List<String> fairnessGroups() {
        return List.of();
    }

    @Override
    public S canonical(S s) {
        return s;
    }

    @Override
    public List<String> variableNames() {
        return List.of("state");
    }

    @Override
    public String variable(S s, String name) {
        return s.toString();
    }

    /** A leads-to property over the given tasks from two predicates. */
    static <S> LeadsTo<S> leadsTo(List<String> tasks, java.util.function.BiPredicate<String, S> p,
                                  java.util.function.BiPredicate<String, S> q) {
        return new LeadsTo<>() {
            @Override
            public List<String> tasks() {
                return tasks;
            }

            @Override
            public boolean p(String task, S s) {
                return p.test(task, s);
            }

            @Override
            public boolean q(String task, S s) {
                return q.test(task, s);
            }
        };
    }
}
