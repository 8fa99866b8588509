package reservecheck.traces;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/**
 * ITF traces of an implementation run handed over as its steps: the reserve tree's Lincheck
 * test writes the failing interleaving as {@code results/traces/<checker>/<variant>.steps}
 * (after checking that its event log replays on the model with no divergence), and this turns
 * it into a trace of the model's states along those steps, for any protocol with a reference
 * model.
 *
 * <pre>
 * # unlocked_reserve_adjust: invariant:RootMatchesReserve, found by lincheck ...
 * verdict invariant:RootMatchesReserve
 * swapon(f1_1)
 * mem_reserve_pages_set
 * ...
 * </pre>
 *
 * The verdict decides the trace's shape.  {@code invariant:X}: the trace ends at the first
 * state where X fails (another thread may have taken a step more before the run stopped).
 * {@code deadlock}: the run's last state, where the model has no step.  {@code liveness:P}:
 * the run came back to a state it had been in (a livelock the implementation judged a weakly
 * fair loop), so the trace is the lasso: the steps up to the last, with {@code loop} on the
 * latest earlier visit and the last step as {@code #meta.loop_action}; a run that did not come back
 * stutters in its last state instead.
 */
public final class ImplementationSteps {
    public static final String EXTENSION = ".steps";

    private ImplementationSteps() {
    }

    /** A run: its verdict and its steps, {@code label(task)} or {@code label}. */
    public record Run(String verdict, List<String> steps) {
    }

    /** {@code <resultsDir>/traces/<checker>/<variant>.steps}. */
    public static Path file(Path resultsDir, String checker, String variant) {
        return resultsDir.resolve(CatalogTraces.FOLDER).resolve(checker).resolve(variant + EXTENSION);
    }

    /**
     * Reads a steps file.
     *
     * @throws IOException one line naming the file, also when it has no verdict line
     */
    public static Run read(Path file) throws IOException {
        Run r = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        if (r == null) {
            throw new IOException(file.getFileName() + ": no line 'verdict deadlock|invariant:X|liveness:P'");
        }
        return r;
    }

    /**
     * The last run a harness printed between {@code begin} and {@code end} lines in a checker's
     * output (JPF prints every explored path's output, so the last block is the failing path's),
     * or null when there is none.
     */
    public static Run lastIn(String output, String begin, String end) {
        List<String> lines = output.lines().toList();
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(begin)) {
                from = i;
            }
        }
        if (from < 0) {
            return null;
        }
        int to = from + 1;
        while (to < lines.size() && !lines.get(to).strip().equals(end)) {
            to++;
        }
        return parse(lines.subList(from + 1, to));
    }

    /** A run's lines: a verdict line and its steps; null without a verdict that is a violation. */
    private static Run parse(List<String> lines) {
        String verdict = null;
        List<String> steps = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("verdict ")) {
                verdict = l.substring("verdict ".length()).strip();
            } else {
                steps.add(l);
            }
        }
        if (verdict == null || !CatalogTraces.isViolation(verdict)) {
            return null;
        }
        return new Run(verdict, List.copyOf(steps));
    }

    /**
     * The run of a catalog variant as a trace, with the parameters the checker ran it with.
     *
     * @throws IllegalArgumentException one line: a step the model does not allow, or a verdict
     *                                  the run does not show on the model
     */
    @SuppressWarnings("unchecked")
    public static ItfTrace toTrace(Variant v, String checker, Run run, String description) {
        Variant bounded = v.forChecker(checker);
        Model<Object> model = (Model<Object>) Models.create(v.protocol(), Map.copyOf(bounded.parameters()));
        List<Object> states = walk(model, run.steps(), checker);
        String verdict = run.verdict();
        Map<String, Object> meta = TraceMeta.of(checker, model.protocol(), v.name(), verdict,
                description != null ? description : checker + " found " + verdict + " on the implementation",
                bounded.parameters());
        List<String> steps = run.steps();
        if (verdict.startsWith("invariant:")) {
            String inv = verdict.substring("invariant:".length());
            int broke = -1;
            for (int i = 0; i < states.size() && broke < 0; i++) {
                if (!model.invariant(inv, states.get(i))) {
                    broke = i;
                }
            }
            if (broke < 0) {
                throw new IllegalArgumentException("the " + checker + " run shows " + verdict
                        + ", but it holds in every state of the run on the model");
            }
            return ModelTraces.fromSteps(model, steps.subList(0, broke), null, meta);
        }
        if (verdict.startsWith("liveness:")) {
            int last = states.size() - 1;
            // the latest earlier visit: the shortest loop, the one the run was judged on
            for (int j = last - 1; j >= 0; j--) {
                if (states.get(j).equals(states.get(last))) {
                    String step = steps.get(last - 1);
                    int paren = step.indexOf('(');
                    Map<String, Object> m = TraceMeta.with(meta, TraceMeta.LOOP_ACTION,
                            paren < 0 ? step : step.substring(0, paren));
                    if (paren >= 0) {
                        m = TraceMeta.with(m, TraceMeta.LOOP_TASK, step.substring(paren + 1, step.length() - 1));
                    }
                    return ModelTraces.fromSteps(model, steps.subList(0, last - 1), j, m);
                }
            }
            ItfTrace t = ModelTraces.fromSteps(model, steps, null, meta);
            List<ItfTrace.ItfState> st = new ArrayList<>(t.states());
            ItfTrace.ItfState end = st.get(last);
            st.set(last, new ItfTrace.ItfState(end.index(), end.action(), end.task(), true, end.values()));
            return new ItfTrace(t.meta(), t.params(), t.vars(), st, last);
        }
        return ModelTraces.fromSteps(model, steps, null, meta);
    }

    /** The model's states along the steps; a step it does not allow is an error naming it. */
    private static List<Object> walk(Model<Object> model, List<String> steps, String checker) {
        List<Object> states = new ArrayList<>();
        Object s = model.initialStates().get(0);
        states.add(s);
        for (int i = 0; i < steps.size(); i++) {
            Object next = null;
            for (Transition<Object> t : model.successors(s)) {
                if (t.toString().equals(steps.get(i))) {
                    next = t.target();
                    break;
                }
            }
            if (next == null) {
                throw new IllegalArgumentException("the " + checker + " run's step " + (i + 1) + " " + steps.get(i)
                        + " is not enabled in the model");
            }
            s = next;
            states.add(s);
        }
        return states;
    }
}
