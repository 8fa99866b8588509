package reservecheck.explorer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Model;

/**
 * Exhaustive explicit-state checker over any {@link Model}, giving the verdicts TLC gives on
 * the model's spec with one worker in breadth-first mode:
 * <ol>
 * <li>initial states are checked against the invariants as they are produced;</li>
 * <li>states are expanded in BFS order; a state without successors is a deadlock (when
 *     deadlock checking is on; self-loops are successors);</li>
 * <li>a successor not seen before is checked against the invariants (in the configured order,
 *     the first failing one is reported) when it is first generated;</li>
 * <li>liveness properties are checked, in order, only once the whole graph has been explored
 *     without a safety violation.</li>
 * </ol>
 * Counterexamples to safety are shortest paths (BFS tree), with TLC's length.
 */
public final class Explorer<S> {
    private final Model<S> model;
    private final ExplorerOptions options;
    /** Store states encoded when the model offers a packing (off only to compare the two paths). */
    private final boolean usePacking;
    /** States per chunk of the parallel search (see {@link BatchExpansion}). */
    private final int chunkStates;

    public Explorer(Model<S> model, ExplorerOptions options) {
        this(model, options, true);
    }

    Explorer(Model<S> model, ExplorerOptions options, boolean usePacking) {
        this(model, options, usePacking, BatchExpansion.CHUNK);
    }

    Explorer(Model<S> model, ExplorerOptions options, boolean usePacking, int chunkStates) {
        this.model = model;
        this.options = options;
        this.usePacking = usePacking;
        this.chunkStates = chunkStates;
        Set<String> invariants = new HashSet<>(model.invariantNames());
        for (String name : options.invariants()) {
            if (!invariants.contains(name)) {
                throw new IllegalArgumentException("model " + model.protocol() + " has no invariant " + name);
            }
        }
        Set<String> properties = new HashSet<>(model.propertyNames());
        for (String name : options.properties()) {
            if (!properties.contains(name)) {
                throw new IllegalArgumentException("model " + model.protocol() + " has no property " + name);
            }
        }
        if (options.symmetry() && !options.properties().isEmpty()) {
            // a permuted lasso need not be a lasso of the original graph: TLC's liveness
            // checking under SYMMETRY can miss violations or report false ones
            throw new IllegalArgumentException("symmetry cannot be combined with liveness properties");
        }
    }

    public static <S> ExplorerResult<S> check(Model<S> model, ExplorerOptions options) {
        return new Explorer<>(model, options).run();
    }

    public ExplorerResult<S> run() {
        long start = System.nanoTime();
        boolean live = !options.properties().isEmpty();
        boolean hasDeadline = options.timeLimit() != null;
        long deadline = hasDeadline ? start + options.timeLimit().toNanos() : 0;
        Search<S> search = new Search<>(model, options.symmetry(), live, live, options.stateLimit(),
                hasDeadline, deadline, options.progress(), options.progressInterval().toNanos(), start, usePacking,
                options.threads(), chunkStates);
        if (!search.explore(options.invariants(), options.checkDeadlock())) {
            Counterexample<S> ce = search.culprit < 0 ? null
                    : new Counterexample<>(null, search.pathTo(search.culprit), 0, false, null, null);
            return result(search, search.verdict, search.message, ce);
        }
        if (live) {
            Liveness<S> liveness = new Liveness<>(search);
            for (String name : options.properties()) {
                LeadsTo<S> property = model.property(name);
                Counterexample<S> ce;
                try {
                    ce = liveness.check(property);
                } catch (Liveness.Timeout t) {
                    return result(search, Verdicts.TIMEOUT, "The time limit was reached while checking " + name + ".",
                            null);
                }
                if (ce != null) {
                    return result(search, Verdicts.liveness(name),
                            "Temporal property " + name + " is violated for task " + ce.task() + ".", ce);
                }
            }
            search.reportProgress("liveness", true);
        }
        return result(search, Verdicts.OK, "No error has been found.", null);
    }

    private ExplorerResult<S> result(Search<S> search, String verdict, String message, Counterexample<S> ce) {
        double seconds = search.seconds();
        long distinct = search.size();
        return new ExplorerResult<>(verdict, message, distinct, search.generated, search.queued(), search.depth,
                seconds, seconds > 0 ? distinct / seconds : 0, search.bytesPerState(), ce,
                java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(search.coverage)));
    }

    /** The complete reachable graph, states as the model gives them (no symmetry). */
    public static <S> StateGraph<S> reachableGraph(Model<S> model) {
        return reachableGraph(model, false, 0);
    }

    /**
     * The reachable graph in BFS order.  With canonical, states are identified by
     * {@link Model#canonical} (as TLC does under SYMMETRY: the first state found of a class is
     * expanded) and reported as their canonical representatives.  With a state limit above 0,
     * the search stops once more states are found and the graph is marked incomplete.
     */
    public static <S> StateGraph<S> reachableGraph(Model<S> model, boolean canonical, long stateLimit) {
        // under symmetry on objects: conformance compares the edges of the first member found
        // of each class with TLC's, and the packed path expands representatives instead
        Search<S> search = new Search<>(model, canonical, true, false, stateLimit, false, 0, null, Long.MAX_VALUE,
                System.nanoTime(), !canonical, 1, BatchExpansion.CHUNK);
        boolean complete = search.explore(List.of(), false);
        List<S> states = new ArrayList<>(search.size());
        List<Integer> initial = new ArrayList<>();
        for (int i = 0; i < search.size(); i++) {
            S s = search.state(i);
            states.add(canonical ? model.canonical(s) : s);
            if (search.levelOf(i) == 1) {
                initial.add(i);
            }
        }
        List<StateGraph.Edge> edges = new ArrayList<>(search.edgeTarget.size());
        int expanded = search.edgeStart.size() - (complete ? 1 : 0);
        for (int v = 0; v < expanded; v++) {
            int end = v + 1 < search.edgeStart.size() ? search.edgeStart.get(v + 1) : search.edgeTarget.size();
            for (int e = search.edgeStart.get(v); e < end; e++) {
                Search.Kind k = search.kinds.get(search.edgeKind.get(e));
                edges.add(new StateGraph.Edge(v, search.edgeTarget.get(e), k.label(), k.task()));
            }
        }
        return new StateGraph<>(states, initial, edges, complete);
    }
}
