package reservecheck.traces;

import java.util.ArrayList;
import java.util.List;
import reservecheck.impl.common.Reproduction;
import reservecheck.models.Models;
import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Oracle;
import reservecheck.models.lts.Transition;

/**
 * Replays a trace on the reference model of its protocol, built from the parameters in its
 * {@code #meta}, and decides whether the violation it names reproduces.  This is what makes a
 * trace evidence rather than a drawing: whoever wrote it (TLC, the explorer, jqwik, an
 * implementation's log), the model must take exactly these steps and reach exactly these
 * states, and the last state (or the loop) must show the violation.
 *
 * <ul>
 *   <li>The first state must be an initial state of the model; each later state must be
 *       reached by an enabled step with the state's action label and task (a trace without
 *       tasks, such as TLC's, accepts any task whose step reaches the state), and the states
 *       must agree variable by variable.</li>
 *   <li>{@code invariant:X}: X fails in the last state.  {@code deadlock}: the last state has
 *       no successor.  {@code assert}: never (the models have no Assert).</li>
 *   <li>{@code liveness:P} for "P(t) ~&gt; Q(t)" with a loop: the step back into the loop exists,
 *       some task t has P and then not Q in every state from there through the loop, and the
 *       loop is weakly fair: each fairness group is disabled in some state of the loop or
 *       taken by a step inside it; a stuttering loop needs every group disabled in its state.
 *       Without a loop (jqwik keeps only its chain): the model's {@link Oracle} must find the
 *       violation by the deterministic fair continuation from the last state, as jqwik did.</li>
 *   <li>A jqwik {@code deadlock} trace may likewise end before the dead state: the oracle's
 *       fair continuation from its last state must reach it.</li>
 * </ul>
 */
public final class TraceReplay {
    private static final String JQWIK = "jqwik";
    private static final String NOT_REPRODUCED = "does not reproduce: ";

    /** What replay found, on the model or on an implementation ({@link ImplementationTraces}). */
    public static final class Result extends Reproduction {
        private final boolean fits;

        public Result(boolean reproduced, String message) {
            this(reproduced, true, message);
        }

        Result(boolean reproduced, boolean fits, String message) {
            super(reproduced, message);
            this.fits = fits;
        }

        /**
         * Whether the trace is a behaviour of the model at all: its variables, protocol, first
         * state and every step are the model's (and the property it names is one).  A trace that
         * fits may still not reproduce its violation (it stops short, say); one that does not fit
         * is not evidence about the model in any way.
         */
        public boolean fits() {
            return fits;
        }

        /** The message without its "does not reproduce: " opening. */
        public String reason() {
            String m = message();
            return m.startsWith(NOT_REPRODUCED) ? m.substring(NOT_REPRODUCED.length()) : m;
        }

        @Override
        public boolean equals(Object o) {
            return super.equals(o) && fits == ((Result) o).fits;
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 2 + (fits ? 1 : 0);
        }
    }

    private TraceReplay() {
    }

    /** Replays on the model of the trace's protocol with the trace's parameters. */
    public static Result replay(ItfTrace trace) {
        String protocol = TraceMeta.string(trace, TraceMeta.PROTOCOL);
        Model<?> model;
        try {
            model = Models.create(protocol, TraceMeta.parameters(trace));
        } catch (IllegalArgumentException e) {
            return fail("no model to replay on: " + e.getMessage());
        }
        return replay(trace, model);
    }

    /** Replays on the given model. */
    public static <S> Result replay(ItfTrace trace, Model<S> model) {
        try {
            return new Run<>(trace, model).run();
        } catch (IllegalArgumentException | ClassCastException e) {
            // a value of the wrong shape, an unknown invariant: the trace does not fit the model
            return misfit(e.getMessage());
        }
    }

    private static Result fail(String why) {
        return new Result(false, NOT_REPRODUCED + why);
    }

    /** The trace is not a behaviour of the model: it proves nothing about it, reproduced or not. */
    private static Result misfit(String why) {
        return new Result(false, false, NOT_REPRODUCED + why);
    }

    private static final class Run<S> {
        private final ItfTrace trace;
        private final Model<S> model;
        private final List<S> states = new ArrayList<>();
        /** The step that reached each state (null for the first). */
        private final List<Transition<S>> steps = new ArrayList<>();

        Run(ItfTrace trace, Model<S> model) {
            this.trace = trace;
            this.model = model;
        }

        Result run() {
            String protocol = TraceMeta.string(trace, TraceMeta.PROTOCOL);
            if (protocol != null && !protocol.equals(model.protocol())) {
                return misfit("the trace is of protocol " + protocol + ", the model of " + model.protocol());
            }
            for (String v : trace.vars()) {
                if (!model.variableNames().contains(v)) {
                    return misfit("the model has no variable " + v);
                }
            }
            for (String v : model.variableNames()) {
                if (!trace.vars().contains(v)) {
                    return misfit("the trace lacks the variable " + v);
                }
            }
            String problem = walk();
            if (problem != null) {
                return misfit(problem);
            }
            String violation = TraceMeta.string(trace, TraceMeta.VIOLATION);
            if (violation == null) {
                return fail("the trace names no violation");
            }
            int last = states.size() - 1;
            String steps = last + (last == 1 ? " step" : " steps");
            if (violation.equals("deadlock")) {
                if (model.successors(states.get(last)).isEmpty()) {
                    return ok(violation + ": " + steps + ", state " + last + " has no successor");
                }
                // jqwik keeps only its chain and judged a deadlock by the fair continuation after it
                if (JQWIK.equals(TraceMeta.string(trace, TraceMeta.CHECKER))
                        && "deadlock".equals(Oracle.fairContinuation(model, states.get(last), List.of(), true))) {
                    return ok(violation + ": " + steps + ", then the fair continuation reaches a state with no"
                            + " successor");
                }
                return fail("deadlock: state " + last + " has successors ("
                        + ModelTraces.enabled(model, states.get(last)) + ")");
            }
            if (violation.startsWith("invariant:")) {
                String inv = violation.substring("invariant:".length());
                if (!model.invariantNames().contains(inv)) {
                    return misfit("the model has no invariant " + inv);
                }
                if (model.invariant(inv, states.get(last))) {
                    return fail(inv + " holds in the last state " + last);
                }
                return ok(violation + ": " + steps + ", " + inv + " fails in state " + last);
            }
            if (violation.startsWith("liveness:")) {
                return liveness(violation.substring("liveness:".length()), steps);
            }
            return fail(violation + " is not a violation the models can show");
        }

        private Result ok(String what) {
            return new Result(true, "reproduces " + what);
        }

        /** Follows the trace on the model; null if every step and state agrees. */
        private String walk() {
            ItfTrace.ItfState first = trace.states().get(0);
            S init = null;
            String diff = null;
            for (S s : model.initialStates()) {
                String d = ModelTraces.firstDifference(model, s, trace, first);
                if (d == null) {
                    init = s;
                    break;
                }
                diff = diff == null ? d : diff;
            }
            if (init == null) {
                return "state 0 is not an initial state of the model: " + diff;
            }
            states.add(init);
            steps.add(null);
            for (int i = 1; i < trace.states().size(); i++) {
                ItfTrace.ItfState st = trace.states().get(i);
                S from = states.get(i - 1);
                String name = st.task() == null ? st.action() : st.action() + "(" + st.task() + ")";
                Transition<S> match = null;
                String mismatch = null;
                boolean enabled = false;
                for (Transition<S> t : model.successors(from)) {
                    if (!t.label().equals(st.action()) || (st.task() != null && !st.task().equals(t.task()))) {
                        continue;
                    }
                    enabled = true;
                    String d = ModelTraces.firstDifference(model, t.target(), trace, st);
                    if (d == null) {
                        match = t;
                        break;
                    }
                    mismatch = mismatch == null ? d : mismatch;
                }
                if (!enabled) {
                    return "step " + i + " " + name + " is not enabled in state " + (i - 1) + " (enabled: "
                            + ModelTraces.enabled(model, from) + ")";
                }
                if (match == null) {
                    return "state " + i + " after " + name + ": " + mismatch;
                }
                states.add(match.target());
                steps.add(match);
            }
            return null;
        }

        private Result liveness(String name, String stepsText) {
            if (!model.propertyNames().contains(name)) {
                return misfit("the model has no property " + name);
            }
            LeadsTo<S> property = model.property(name);
            String only = TraceMeta.string(trace, TraceMeta.TASK);
            List<String> tasks = only != null ? List.of(only) : property.tasks();
            if (only != null && !property.tasks().contains(only)) {
                return misfit(only + " is not a task of " + name);
            }
            if (trace.loop() == null) {
                return continuation(name, stepsText);
            }
            int loop = trace.loop();
            int last = states.size() - 1;
            List<Transition<S>> inLoop = new ArrayList<>(steps.subList(loop + 1, states.size()));
            boolean stuttering = trace.states().get(last).stuttering();
            if (stuttering) {
                if (loop != last) {
                    return fail("the trace stutters in state " + last + " but loops back to state " + loop);
                }
            } else {
                Transition<S> closing = closing(last, loop);
                if (closing == null) {
                    String a = TraceMeta.string(trace, TraceMeta.LOOP_ACTION);
                    return misfit("no step " + (a == null ? "" : a + " ") + "leads from state " + last
                            + " back to state " + loop);
                }
                inLoop.add(closing);
            }
            for (String g : model.fairnessGroups()) {
                boolean disabled = false;
                for (int j = loop; j <= last && !disabled; j++) {
                    disabled = !enabledGroup(states.get(j), g);
                }
                boolean taken = false;
                for (int k = 0; k < inLoop.size() && !taken; k++) {
                    // the k-th step of the loop leaves state loop+k (the closing step leaves the last)
                    Transition<S> t = inLoop.get(k);
                    taken = g.equals(model.fairnessGroup(t)) && !t.target().equals(states.get(loop + k));
                }
                if (!disabled && !taken) {
                    return fail("the loop of states " + loop + ".." + last + " is not fair: " + g
                            + " is enabled in each of them and never taken");
                }
            }
            for (String t : tasks) {
                for (int i = 0; i <= last; i++) {
                    if (!property.p(t, states.get(i))) {
                        continue;
                    }
                    boolean neverQ = true;
                    for (int j = Math.min(i, loop); j <= last && neverQ; j++) {
                        neverQ = !property.q(t, states.get(j));
                    }
                    if (neverQ) {
                        return ok("liveness:" + name + ": " + stepsText + ", " + t + " is stuck from state " + i
                                + (stuttering ? " and the behaviour stutters fairly in state " + last
                                : " through the fair loop back to state " + loop));
                    }
                }
            }
            return fail("liveness:" + name + ": no task " + (only == null ? "" : only + " ")
                    + "stays waiting through the loop");
        }

        /** The step from the last state back into the loop, by the recorded action if there is one. */
        private Transition<S> closing(int last, int loop) {
            String action = TraceMeta.string(trace, TraceMeta.LOOP_ACTION);
            String task = TraceMeta.string(trace, TraceMeta.LOOP_TASK);
            for (Transition<S> t : model.successors(states.get(last))) {
                if (action != null && !action.equals(t.label())) {
                    continue;
                }
                if (task != null && !task.equals(t.task())) {
                    continue;
                }
                if (t.target().equals(states.get(loop))) {
                    return t;
                }
            }
            return null;
        }

        /** Whether group g has a step out of s that changes the state (TLA+'s ENABLED <<A>>_vars). */
        private boolean enabledGroup(S s, String g) {
            for (Transition<S> t : model.successors(s)) {
                if (g.equals(model.fairnessGroup(t)) && !t.target().equals(s)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A liveness trace without a loop, as jqwik keeps it: the model's {@link Oracle} follows
         * the deterministic fair continuation from the last state, as jqwik's property did.
         */
        private Result continuation(String name, String stepsText) {
            S last = states.get(states.size() - 1);
            String found = Oracle.fairContinuation(model, last, List.of(name), false);
            if (!("liveness:" + name).equals(found)) {
                return fail("liveness:" + name + ": the trace has no loop, and the fair continuation from its last"
                        + " state leaves no task stuck");
            }
            return ok("liveness:" + name + ": " + stepsText + ", then the fair continuation reaches a state where"
                    + " only unfair steps remain and a task is stuck: it may stutter there forever");
        }
    }

    /** Replays a trace and throws AssertionError with the message unless it reproduces (for tests). */
    public static void assertReproduces(ItfTrace trace) {
        Result r = replay(trace);
        if (!r.reproduced()) {
            throw new AssertionError(TraceMeta.string(trace, TraceMeta.VARIANT) + ": " + r.message());
        }
    }
}
