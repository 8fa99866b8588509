package reservecheck.explorer;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/**
 * Knock-out checks: a design checked again with one of its actions removed.  If every property
 * still holds, the properties do not see that action at all, and the design's pass says nothing
 * about it (only conformance or a state count would notice it gone).  So for each action a design
 * takes, some property must fail without it: a deadlock (a task can no longer make progress), an
 * invariant, or a liveness property; or the catalog says why the action is redundant.
 *
 * <p>This is the "no vacuous pass" rule seen from the other side of action coverage: coverage
 * shows that the bounds reach every step, knock-outs show that the properties depend on it.
 */
public final class Knockout {

    /**
     * One knock-out.
     *
     * @param action the action removed
     * @param result the explorer's result on the model without it; ok means nothing noticed
     */
    public record Row(String action, ExplorerResult<?> result) {
        /** True when some property failed without the action. */
        public boolean caught() {
            return !result.isOk() && !result.isInconclusive();
        }
    }

    private Knockout() {
    }

    /** Checks the model with each of {@code actions} removed in turn, with the design's options. */
    public static <S> List<Row> run(Model<S> model, ExplorerOptions options, List<String> actions) {
        List<Row> rows = new ArrayList<>();
        for (String a : actions) {
            rows.add(new Row(a, Explorer.check(without(model, a), options)));
        }
        return rows;
    }

    /** The model with every step labelled {@code action} removed (never enabled). */
    public static <S> Model<S> without(Model<S> model, String action) {
        return new Model<S>() {
            public String protocol() {
                return model.protocol();
            }

            public List<S> initialStates() {
                return model.initialStates();
            }

            public List<Transition<S>> successors(S s) {
                List<Transition<S>> all = model.successors(s);
                List<Transition<S>> out = new ArrayList<>(all.size());
                for (Transition<S> t : all) {
                    if (!t.label().equals(action)) {
                        out.add(t);
                    }
                }
                return out;
            }

            public List<String> invariantNames() {
                return model.invariantNames();
            }

            public boolean invariant(String name, S s) {
                return model.invariant(name, s);
            }

            public List<String> propertyNames() {
                return model.propertyNames();
            }

            public LeadsTo<S> property(String name) {
                return model.property(name);
            }

            public String fairnessGroup(Transition<S> step) {
                return model.fairnessGroup(step);
            }

            public List<String> fairnessGroups() {
                return model.fairnessGroups();
            }

            public boolean startsRequest(Transition<S> step) {
                return model.startsRequest(step);
            }

            public S canonical(S s) {
                return model.canonical(s);
            }

            public List<String> variableNames() {
                return model.variableNames();
            }

            public String variable(S s, String name) {
                return model.variable(s, name);
            }
        };
    }
}
