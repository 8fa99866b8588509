package reservecheck.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import reservecheck.catalog.CfgWriter;
import reservecheck.catalog.Variant;
import reservecheck.results.Verdicts;
import reservecheck.explorer.Explorer;
import reservecheck.explorer.StateGraph;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;
import reservecheck.tla.TlaValue;
import reservecheck.tlc.TlcJob;
import reservecheck.tlc.TlcResult;
import reservecheck.tlc.TlcRunner;

/**
 * Spec ⇄ model conformance: the whole reachable state graph of a catalog variant as TLC builds
 * it from the spec, and as the explorer builds it from the reference model, must be the same:
 * same states, same edges, same action labels.
 *
 * <p>Variable mapping: the identity.  The model's variables carry the spec's names and its
 * values are printed as TLA+ text; both sides are parsed into {@link TlaValue}s and printed
 * canonically (sets sorted, function keys sorted), so a state is the text "name = value" per
 * variable in the model's variable order.  An edge is (state, action label, state); the task
 * parameter is dropped because TLC labels edges with the action's name only.
 */
public final class Conformance {

    /**
     * @param divergences states and edges present on one side only (0 = conforms)
     * @param message     one line: "conforms" or the first divergence and the shortest path to it
     */
    public record Result(long divergences, int modelStates, int tlcStates, int modelEdges, int tlcEdges,
                         String message, double seconds) {
        public boolean conforms() {
            return divergences == 0;
        }
    }

    private Conformance() {
    }

    /** TLC gave no state graph; {@link #verdict()} is what conformance then reports. */
    public static final class NoGraphException extends IOException {
        private final String tlcVerdict;

        NoGraphException(String tlcVerdict, String message) {
            super(message);
            this.tlcVerdict = tlcVerdict;
        }

        /**
         * TLC's own verdict when it reached none (out of time or memory, a bad model or bound), so a
         * timeout is inconclusive:timeout (exit 8) and not a crash; anything else is a crash.
         */
        public String verdict() {
            return Verdicts.isInconclusive(tlcVerdict) ? tlcVerdict : Verdicts.CRASH;
        }
    }

    /**
     * Builds both graphs for the variant (TLC in a forked JVM under workDir, on the protocol's
     * spec file) and compares them.
     */
    public static Result check(Variant v, Path specFile, Path workDir, Duration timeout)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Model<?> model = Models.create(v.protocol(), Map.copyOf(v.parameters()));
        Files.createDirectories(workDir);
        Path cfg = workDir.resolve(v.name() + "-graph.cfg");
        Files.writeString(cfg, graphOnly(CfgWriter.write(v)));
        Path dot = workDir.resolve(v.name() + ".dot");
        TlcResult r = new TlcRunner().run(new TlcJob(specFile, cfg, workDir.resolve("tlc"), timeout, 1, false, null, null)
                .withDumpDot(dot));
        if (!r.verdict().equals("ok")) {
            throw new NoGraphException(r.verdict(), "TLC could not build the state graph of " + v.name() + ": "
                    + r.verdict() + " (" + r.message() + ")");
        }
        LabelledGraph tlc = TlcDot.read(dot, model.variableNames());
        Files.deleteIfExists(dot);
        Result res = compare(model, tlc);
        return new Result(res.divergences(), res.modelStates(), res.tlcStates(), res.modelEdges(), res.tlcEdges(),
                res.message(), (System.nanoTime() - t0) / 1e9);
    }

    /** The variant's cfg with nothing checked: the graph is all conformance needs. */
    static String graphOnly(String cfg) {
        return cfg.lines()
                .filter(l -> !l.startsWith("INVARIANT") && !l.startsWith("PROPERTY") && !l.startsWith("SYMMETRY"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Compares the model's reachable graph with TLC's. */
    public static <S> Result compare(Model<S> model, LabelledGraph tlc) {
        LabelledGraph mine = fromModel(model);
        List<String> problems = new ArrayList<>();
        long divergences = 0;
        for (String s : mine.states()) {
            if (!tlc.states().contains(s)) {
                divergences++;
                addProblem(problems, () -> "a state the model reaches by " + path(mine, s) + " is not in TLC's graph: " + oneLine(s));
            }
        }
        for (String s : tlc.states()) {
            if (!mine.states().contains(s)) {
                divergences++;
                addProblem(problems, () -> "a state TLC reaches by " + path(tlc, s) + " is not in the model's graph: " + oneLine(s));
            }
        }
        for (String s : mine.states()) {
            for (String[] e : mine.successors(s)) {
                if (!tlc.edgeKeys().contains(LabelledGraph.edgeKey(s, e[1], e[0]))) {
                    divergences++;
                    addProblem(problems, () -> "the model's step " + e[0] + " after " + path(mine, s) + " is not in TLC's graph");
                }
            }
        }
        for (String s : tlc.states()) {
            for (String[] e : tlc.successors(s)) {
                if (!mine.edgeKeys().contains(LabelledGraph.edgeKey(s, e[1], e[0]))) {
                    divergences++;
                    addProblem(problems, () -> "TLC's step " + e[0] + " after " + path(tlc, s) + " is not in the model's graph");
                }
            }
        }
        if (!mine.initialStates().equals(tlc.initialStates())) {
            divergences++;
            addProblem(problems, () -> "the initial states differ");
        }
        String message = divergences == 0 ? "conforms"
                : divergences + (divergences == 1 ? " divergence" : " divergences") + "; first: " + problems.get(0);
        return new Result(divergences, mine.states().size(), tlc.states().size(), mine.edgeKeys().size(),
                tlc.edgeKeys().size(), message, 0);
    }

    /**
     * Keeps the first divergence's description.  The description is built lazily: it holds a
     * shortest path, one breadth-first search of the graph, and a changed spec can diverge in
     * every one of its states; building the path for each of them (while keeping only the first)
     * made a diverging comparison quadratic in the graph's size.
     */
    private static void addProblem(List<String> problems, Supplier<String> p) {
        if (problems.isEmpty()) {
            problems.add(p.get());
        }
    }

    private static String path(LabelledGraph g, String state) {
        List<String> p = g.shortestPath(state);
        if (p == null) {
            return "(unreachable)";
        }
        return p.isEmpty() ? "the initial state" : String.join(", ", p);
    }

    private static String oneLine(String state) {
        return state.strip().replace("\n", ", ");
    }

    /** The model's reachable graph in canonical form. */
    static <S> LabelledGraph fromModel(Model<S> model) {
        StateGraph<S> g = Explorer.reachableGraph(model);
        List<String> text = new ArrayList<>(g.states().size());
        for (S s : g.states()) {
            StringBuilder b = new StringBuilder();
            for (String v : model.variableNames()) {
                b.append(v).append(" = ").append(TlaValue.parse(model.variable(s, v))).append('\n');
            }
            text.add(b.toString());
        }
        LabelledGraph out = new LabelledGraph();
        for (int i : g.initial()) {
            out.addState(text.get(i), true);
        }
        for (int i = 0; i < text.size(); i++) {
            out.addState(text.get(i), false);
        }
        for (StateGraph.Edge e : g.edges()) {
            out.addEdge(text.get(e.from()), text.get(e.to()), e.label());
        }
        return out;
    }
}
