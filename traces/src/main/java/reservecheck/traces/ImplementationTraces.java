package reservecheck.traces;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.Reproduction;
import reservecheck.impl.mempool.EventLog;
import reservecheck.impl.common.ModelReplay;
import reservecheck.impl.mempool.MempoolHarness;
import reservecheck.impl.mempool.RunLog;
import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Transition;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.models.mempool.MempoolState;

/**
 * ITF traces from the mempool implementation's checkers, Lincheck and JPF: the event log of the
 * run a checker found failing ({@link RunLog}) replayed on the reference model.  The states are
 * the model's along the implementation's schedule, the verdict is the implementation's, and
 * every step keeps the spec action label the implementation's event already carries.
 *
 * <p>The log is first checked with {@link ModelReplay}: every event must be enabled in the model
 * and leave every spec variable as the implementation recorded it, so a trace written here is
 * the implementation's run, not a model run that merely has the same labels.
 *
 * <p>The end of the run decides the trace's shape.  A failed run's trace ends with the step that
 * broke the invariant (the first state where the model finds it broken too; other tasks may have
 * taken a step more before the run was over, which the trace leaves out).  A hung run ends
 * where every unfinished task sleeps with nobody to wake it: for {@code deadlock} the model has
 * no step left there; for {@code liveness:P} only steps without fairness (the timeout) are
 * left, so the behaviour may stutter there for ever, and the last state is marked stuttering
 * with the loop on it, which is what {@link TraceReplay} checks (every fairness group
 * disabled, a task with P and never Q).
 *
 * <p>{@link #replayOnImplementation} runs such a trace on the implementation again, its steps
 * forced into the trace's order.
 */
public final class ImplementationTraces {
    /** The implementation checkers that write run logs. */
    public static final String LINCHECK = "lincheck";
    public static final String JPF = "jpf";
    /** A run log beside its trace: {@code results/traces/<checker>/<variant>.log}. */
    public static final String LOG_EXTENSION = ".log";

    private ImplementationTraces() {
    }

    /** {@code <resultsDir>/traces/<checker>/<variant>.log}, where the checker leaves the failing run's log. */
    public static Path runLogFile(Path resultsDir, String checker, String variant) {
        return resultsDir.resolve(CatalogTraces.FOLDER).resolve(checker).resolve(variant + LOG_EXTENSION);
    }

    /**
     * Reads a run log file.
     *
     * @throws IOException one line naming the file, also when it is not a run log
     */
    public static RunLog readRunLog(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return RunLog.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + ": " + MalformedTraceException.oneLine(e.getMessage()), e);
        }
    }

    /**
     * A catalog variant's failing run as a trace, with the parameters the checker ran it with
     * (its expectation may bound them: {@link Variant#forChecker}).
     */
    public static ItfTrace fromRun(Variant v, String checker, RunLog run) {
        Variant bounded = v.forChecker(checker);
        return fromRun(run, checker, bounded.name(), bounded.parameters(), null);
    }

    /**
     * The run as a trace.
     *
     * @param parameters  the values the harness ran with, in the catalog's form (the trace's
     *                    {@code #meta.parameters}, from which replay builds the model)
     * @param description one line, or null for a default naming the checker and the run's end
     * @throws IllegalArgumentException one line: the log diverges from the model, or its verdict
     *                                  does not fit how the run ended
     */
    public static ItfTrace fromRun(RunLog run, String checker, String variant, Map<String, ?> parameters,
                                   String description) {
        MempoolModel model = MempoolModel.fromParameters(Map.copyOf(parameters));
        EventLog log = run.log();
        ModelReplay.Result<MempoolState> replay = ModelReplay.replay(model, log);
        if (!replay.agrees()) {
            throw new IllegalArgumentException("the " + checker + " run's event log diverges from the model: "
                    + replay.divergence());
        }
        String verdict = run.verdict();
        boolean liveness = verdict.startsWith("liveness:");
        if ((liveness || verdict.equals("deadlock")) != run.hung()) {
            throw new IllegalArgumentException("a run that ends with " + run.end() + " cannot show " + verdict
                    + " (a hang shows deadlock or liveness, a failure an invariant)");
        }
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            steps.add(log.describe(i));
        }
        String what = description != null ? description : defaultDescription(checker, run);
        Map<String, Object> meta = TraceMeta.of(checker, model.protocol(), variant, verdict, what, parameters);
        if (verdict.startsWith("invariant:")) {
            // The failing task stops at the step that broke the invariant, but the others may
            // take a step or two more before the run is over: the trace ends where it broke.
            int broke = firstViolation(model, steps, verdict.substring("invariant:".length()));
            if (broke < 0) {
                throw new IllegalArgumentException("the " + checker + " run shows " + verdict
                        + ", but it holds in every state of the run on the model");
            }
            steps = steps.subList(0, broke);
        }
        ItfTrace t = ModelTraces.fromSteps(model, steps, null, meta);
        if (!liveness) {
            return t;
        }
        // The run stays in its last state for ever: only unfair steps (the timeout) are left.
        int last = t.states().size() - 1;
        List<ItfTrace.ItfState> states = new ArrayList<>(t.states());
        ItfTrace.ItfState end = states.get(last);
        states.set(last, new ItfTrace.ItfState(end.index(), end.action(), end.task(), true, end.values()));
        String stuck = stuckTask(model, verdict.substring("liveness:".length()), replay.lastState());
        return new ItfTrace(TraceMeta.with(meta, TraceMeta.TASK, stuck), t.params(), t.vars(), states, last);
    }

    /**
     * The trace of a JPF run of the variant's harness with {@code record=true}: the harness's
     * main prints the failing run's {@link RunLog} before it throws the verdict, and JPF prints
     * every explored path's output, so the last such block is the failing path's.
     *
     * @throws IllegalArgumentException one line, when the output has no event log or it does
     *                                  not replay on the model
     */
    public static ItfTrace fromJpfOutput(Variant v, String jpfOutput) {
        RunLog run = RunLog.lastIn(jpfOutput);
        if (run == null) {
            throw new IllegalArgumentException("JPF's output has no event log (the harness prints it only with "
                    + "record=true, when a run fails)");
        }
        return fromRun(v, JPF, run);
    }

    /** Whether a trace came from the implementation (Lincheck or JPF on mempool), so it can replay there too. */
    public static boolean fromImplementation(ItfTrace t) {
        String checker = TraceMeta.string(t, TraceMeta.CHECKER);
        String protocol = TraceMeta.string(t, TraceMeta.PROTOCOL);
        return (LINCHECK.equals(checker) || JPF.equals(checker))
                && (MempoolModel.PROTOCOL.equals(protocol) || "reserve_tree".equals(protocol)
                || "net_rx".equals(protocol) || "alloc_policy".equals(protocol));
    }

    /**
     * Replays an implementation trace on the implementation: the mempool harness with the
     * trace's parameters, run on this JVM's threads with its steps forced into the trace's order
     * (the harness's schedule argument, Mempool's turn gate: a step waits until it is its turn),
     * the sleep unfair as the checkers run it.  Reproduces when the run takes exactly the trace's
     * steps and ends with its violation; a step the implementation cannot take where the trace
     * has it is said in one line.
     */
    public static TraceReplay.Result replayOnImplementation(ItfTrace t) {
        if (fromImplementation(t) && "reserve_tree".equals(TraceMeta.string(t, TraceMeta.PROTOCOL))) {
            return replayOnReserveTree(t);
        }
        if (fromImplementation(t) && "net_rx".equals(TraceMeta.string(t, TraceMeta.PROTOCOL))) {
            return replayOnNetRx(t);
        }
        if (fromImplementation(t) && "alloc_policy".equals(TraceMeta.string(t, TraceMeta.PROTOCOL))) {
            return replaySteps(t, reservecheck.impl.alloc_policy.ImplementationReplay::run);
        }
        if (!fromImplementation(t)) {
            return new TraceReplay.Result(false, "does not reproduce on the implementation: the trace is not a mempool"
                    + " implementation trace (checker lincheck or jpf)");
        }
        String violation = TraceMeta.string(t, TraceMeta.VIOLATION);
        List<String> steps = new ArrayList<>();
        for (ItfTrace.ItfState s : t.states().subList(1, t.states().size())) {
            steps.add(s.action() + "(" + s.task() + ")");
        }
        List<String> args = new ArrayList<>();
        TraceMeta.parameters(t).forEach((k, v) -> args.add(k + "=" + v));
        String invariants = MempoolHarness.DEFAULT_INVARIANTS;
        if (violation != null && violation.startsWith("invariant:")
                && !List.of(invariants.split("\\+")).contains(violation.substring("invariant:".length()))) {
            invariants += "+" + violation.substring("invariant:".length());
        }
        args.add(MempoolHarness.INVARIANTS + "=" + invariants);
        args.add(MempoolHarness.SLEEP + "=unfair");
        args.add(MempoolHarness.ON_HANG + "=report");
        args.add(MempoolHarness.RECORD + "=true");
        args.add(MempoolHarness.SCHEDULE + "=" + String.join("+", steps));
        MempoolHarness.Config config;
        try {
            config = MempoolHarness.Config.parse(args.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            return new TraceReplay.Result(false, "does not reproduce on the implementation: " + e.getMessage());
        }
        MempoolHarness.Outcome[] outcome = new MempoolHarness.Outcome[1];
        Throwable[] thrown = new Throwable[1];
        // on a thread of its own: a hung run's task threads (daemons) stay asleep for good, and
        // a run that never settles must not hang the caller
        Thread runner = new Thread(() -> {
            try {
                outcome[0] = MempoolHarness.run(config, null);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "implementation-replay");
        runner.setDaemon(true);
        runner.start();
        try {
            runner.join(IMPLEMENTATION_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (outcome[0] == null) {
            return new TraceReplay.Result(false, "does not reproduce on the implementation: " + (thrown[0] != null
                    ? "the run threw " + thrown[0] : "the run did not settle in " + IMPLEMENTATION_TIMEOUT_MS / 1000 + " s"));
        }
        MempoolHarness.Outcome o = outcome[0];
        EventLog log = o.log();
        List<String> taken = new ArrayList<>();
        for (int i = 0; log != null && i < log.size(); i++) {
            taken.add(log.describe(i));
        }
        String n = steps.size() + (steps.size() == 1 ? " step" : " steps");
        if (!o.verdict().equals(violation)) {
            return new TraceReplay.Result(false, "does not reproduce on the implementation: " + o.verdict()
                    + (o.message() == null ? "" : " (" + MalformedTraceException.oneLine(o.message()) + ")"));
        }
        // after a failure the other tasks may take a step more before the run stops, as in the
        // checkers' runs (the trace ends where the invariant broke): the trace must be a prefix
        boolean followed = o.hung() ? taken.equals(steps)
                : taken.size() >= steps.size() && taken.subList(0, steps.size()).equals(steps);
        if (!followed) {
            return new TraceReplay.Result(false, "does not reproduce on the implementation: it took "
                    + String.join(" ", taken) + " for the trace's " + String.join(" ", steps));
        }
        return new TraceReplay.Result(true, "reproduces " + violation + " on the implementation: " + n
                + " in the trace's order" + (o.hung() ? ", then every unfinished task sleeps with nobody to wake it"
                : ", " + MalformedTraceException.oneLine(o.message())));
    }

    /**
     * A reserve-tree trace on the implementation: its steps taken in order on one thread
     * (the implementation is deterministic given the order of its steps), the invariants checked
     * after each (reservecheck.impl.reserve_tree.ImplementationReplay).
     */
    /** A replay of a trace's steps on a protocol's implementation (its ImplementationReplay.run). */
    private interface StepsReplay {
        Reproduction run(java.util.Map<String, Object> parameters, String violation, List<String> steps, int loop,
                         String loopStep);
    }

    private static TraceReplay.Result replayOnReserveTree(ItfTrace t) {
        return replaySteps(t, reservecheck.impl.reserve_tree.ImplementationReplay::run);
    }

    private static TraceReplay.Result replayOnNetRx(ItfTrace t) {
        return replaySteps(t, reservecheck.impl.net_rx.ImplementationReplay::run);
    }

    /** The trace's steps and its lasso's way back, run on the implementation by {@code replay}. */
    private static TraceReplay.Result replaySteps(ItfTrace t, StepsReplay replay) {
        String violation = TraceMeta.string(t, TraceMeta.VIOLATION);
        List<String> steps = new ArrayList<>();
        for (ItfTrace.ItfState s : t.states().subList(1, t.states().size())) {
            steps.add(s.task() == null ? s.action() : s.action() + "(" + s.task() + ")");
        }
        String back = null;
        String loopAction = TraceMeta.string(t, TraceMeta.LOOP_ACTION);
        if (t.loop() != null && loopAction != null) {
            String loopTask = TraceMeta.string(t, TraceMeta.LOOP_TASK);
            back = loopTask == null ? loopAction : loopAction + "(" + loopTask + ")";
        }
        Reproduction r;
        try {
            r = replay.run(new java.util.LinkedHashMap<>(TraceMeta.parameters(t)), violation, steps,
                    t.loop() == null ? -1 : t.loop(), back);
        } catch (IllegalArgumentException e) {
            return new TraceReplay.Result(false, "does not reproduce on the implementation: "
                    + MalformedTraceException.oneLine(e.getMessage()));
        }
        return new TraceReplay.Result(r.reproduced(), (r.reproduced() ? "reproduces " + violation
                + " on the implementation: " : "does not reproduce on the implementation: ") + r.message());
    }

    /** How long a replay on the implementation may take (a few steps take milliseconds). */
    static final long IMPLEMENTATION_TIMEOUT_MS = 60_000;

    /**
     * The index of the first state of the run where the invariant fails, or -1.  The steps
     * were replayed already (ModelReplay), so each is enabled where it is taken; the spec's
     * actions are deterministic, so the first transition with the step's name is the one.
     */
    private static int firstViolation(MempoolModel model, List<String> steps, String invariant) {
        if (!model.invariantNames().contains(invariant)) {
            throw new IllegalArgumentException("the model has no invariant " + invariant);
        }
        MempoolState s = model.initialStates().get(0);
        for (int i = 0; i <= steps.size(); i++) {
            if (!model.invariant(invariant, s)) {
                return i;
            }
            if (i < steps.size()) {
                for (Transition<MempoolState> t : model.successors(s)) {
                    if (t.toString().equals(steps.get(i))) {
                        s = t.target();
                        break;
                    }
                }
            }
        }
        return -1;
    }

    /** The first task whose request is open (P) and not answered (not Q) in the state, or null. */
    private static String stuckTask(MempoolModel model, String property, MempoolState s) {
        if (!model.propertyNames().contains(property)) {
            return null;
        }
        LeadsTo<MempoolState> p = model.property(property);
        for (String task : p.tasks()) {
            if (p.p(task, s) && !p.q(task, s)) {
                return task;
            }
        }
        return null;
    }

    private static String defaultDescription(String checker, RunLog run) {
        String who = checker.equals(LINCHECK) ? "Lincheck's failing interleaving"
                : checker.equals(JPF) ? "the schedule JPF found" : checker + "'s failing run";
        String end = run.hung() ? "then every unfinished task sleeps on the pool with nobody to wake it"
                : "the last step breaks " + run.verdict().substring(run.verdict().indexOf(':') + 1);
        return who + " of the implementation, " + run.log().size() + " steps replayed on the model; " + end;
    }
}
