package reservecheck.explorer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.function.IntPredicate;

import reservecheck.models.lts.LeadsTo;

/**
 * Checks "for every task t: p(t) ~> q(t)" over the complete reachable graph under weak fairness
 * of the model's groups, with TLC's semantics.
 *
 * <p>A behaviour violates the property for t iff it reaches a state where p(t) and not q(t)
 * hold and q(t) never holds from there on.  Behaviours may stutter, so every state carries an
 * implicit stuttering self-loop that is a step of no action.  For the same reason a step of the
 * model whose target equals its source (like {@code Terminated}) is a stuttering step in TLA+:
 * it neither enables a group (ENABLED &lt;&lt;A&gt;&gt;_vars needs a changing step) nor counts
 * as taking it, so such edges are ignored for fairness.
 *
 * <p>Why deciding per strongly connected component is exact with weak fairness only: the
 * states an infinite behaviour visits infinitely often lie in one SCC C of the graph restricted
 * to the not-q(t) states; if the behaviour is weakly fair then for every group g either g is
 * disabled infinitely often (in some state of C) or taken infinitely often (an edge of g inside
 * C).  Conversely, if C has, for every g, a state where g is disabled or a g-edge inside C, the
 * behaviour that reaches C and then cycles forever through those witnesses (C is strongly
 * connected, and a single state may stutter) is weakly fair, because each g is then disabled
 * infinitely often or taken infinitely often.  Strong fairness would need the finer
 * Streett-style decomposition (removing states where a group is enabled but never taken);
 * weak fairness does not, because one disabled state inside the cycle suffices.
 */
final class Liveness<S> {
    /** The time limit ran out during the check. */
    static final class Timeout extends RuntimeException {
        Timeout() {
            super(null, null, false, false);
        }
    }

    private final Search<S> g;
    private final int n;
    private final int[] start;
    private final int[] target;
    private final int[] edgeGroup;
    private final int words;
    private final long[] all;
    /** Per state, the groups with a non-stuttering step out of it ({@code words} longs each). */
    private final long[] enabled;

    // work arrays, reused for every task
    private final boolean[] notQ;
    private final int[] idx;
    private final int[] low;
    private final int[] comp;
    private final boolean[] onStack;
    private final int[] tstack;
    private final int[] callNode;
    private final int[] callEdge;
    private final BitSet fairComp = new BitSet();
    private int ticks;

    Liveness(Search<S> search) {
        this.g = search;
        this.n = search.size();
        this.start = search.edgeStart.raw();
        this.target = search.edgeTarget.raw();
        int m = search.edgeTarget.size();
        int[] kindGroup = new int[search.kinds.size()];
        for (int k = 0; k < kindGroup.length; k++) {
            kindGroup[k] = search.kinds.get(k).group();
        }
        int[] kind = search.edgeKind.raw();
        this.edgeGroup = new int[m];
        for (int e = 0; e < m; e++) {
            edgeGroup[e] = kindGroup[kind[e]];
        }
        int groupCount = search.groups.size();
        this.words = Math.max(1, (groupCount + 63) / 64);
        this.all = new long[words];
        for (int i = 0; i < groupCount; i++) {
            all[i >>> 6] |= 1L << (i & 63);
        }
        this.enabled = new long[n * words];
        for (int v = 0; v < n; v++) {
            for (int e = start[v]; e < start[v + 1]; e++) {
                int grp = edgeGroup[e];
                if (grp >= 0 && target[e] != v) {
                    enabled[v * words + (grp >>> 6)] |= 1L << (grp & 63);
                }
            }
        }
        this.notQ = new boolean[n];
        this.idx = new int[n];
        this.low = new int[n];
        this.comp = new int[n];
        this.onStack = new boolean[n];
        this.tstack = new int[n];
        this.callNode = new int[n];
        this.callEdge = new int[n];
    }

    /** A fair counterexample for the first task (in the property's order) that has one, or null. */
    Counterexample<S> check(LeadsTo<S> property) {
        for (String task : property.tasks()) {
            Counterexample<S> ce = checkTask(property, task);
            if (ce != null) {
                return ce;
            }
        }
        return null;
    }

    private void tick() {
        if ((++ticks & 0xFFFF) == 0) {
            if (g.timeUp()) {
                throw new Timeout();
            }
            g.reportProgress("liveness", false);
        }
    }

    private Counterexample<S> checkTask(LeadsTo<S> property, String task) {
        IntList triggers = new IntList(64);
        for (int v = 0; v < n; v++) {
            tick();
            S s = g.state(v);
            notQ[v] = !property.q(task, s);
            if (notQ[v] && property.p(task, s)) {
                triggers.add(v);
            }
        }
        if (triggers.size() == 0) {
            return null;
        }
        // only components reachable from a trigger inside the not-q subgraph matter
        Arrays.fill(idx, -1);
        Arrays.fill(comp, -1);
        fairComp.clear();
        int[] counters = new int[2]; // next index, next component id
        for (int i = 0; i < triggers.size(); i++) {
            int r = triggers.get(i);
            if (idx[r] == -1) {
                tarjan(r, counters);
            }
        }
        if (fairComp.isEmpty()) {
            return null;
        }
        return counterexample(task, triggers);
    }

    /** Iterative Tarjan from root over not-q states; marks each finished component's fairness. */
    private void tarjan(int root, int[] counters) {
        int tsp = 0;
        int sp = 0;
        idx[root] = low[root] = counters[0]++;
        tstack[tsp++] = root;
        onStack[root] = true;
        callNode[sp] = root;
        callEdge[sp] = start[root];
        sp++;
        while (sp > 0) {
            tick();
            int v = callNode[sp - 1];
            int e = callEdge[sp - 1];
            if (e < start[v + 1]) {
                callEdge[sp - 1] = e + 1;
                int w = target[e];
                if (w == v || !notQ[w]) {
                    continue;
                }
                if (idx[w] == -1) {
                    idx[w] = low[w] = counters[0]++;
                    tstack[tsp++] = w;
                    onStack[w] = true;
                    callNode[sp] = w;
                    callEdge[sp] = start[w];
                    sp++;
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], idx[w]);
                }
            } else {
                sp--;
                if (low[v] == idx[v]) {
                    int k = tsp - 1;
                    while (tstack[k] != v) {
                        k--;
                    }
                    int c = counters[1]++;
                    for (int i = k; i < tsp; i++) {
                        comp[tstack[i]] = c;
                        onStack[tstack[i]] = false;
                    }
                    if (isFair(c, k, tsp)) {
                        fairComp.set(c);
                    }
                    tsp = k;
                }
                if (sp > 0) {
                    int u = callNode[sp - 1];
                    low[u] = Math.min(low[u], low[v]);
                }
            }
        }
    }

    /** Component c (members tstack[from..to)) has, for every group, a disabled state or an inner edge. */
    private boolean isFair(int c, int from, int to) {
        long[] acc = new long[words];
        for (int i = from; i < to; i++) {
            int v = tstack[i];
            for (int w = 0; w < words; w++) {
                acc[w] |= ~enabled[v * words + w] & all[w];
            }
            for (int e = start[v]; e < start[v + 1]; e++) {
                int grp = edgeGroup[e];
                int u = target[e];
                if (grp >= 0 && u != v && comp[u] == c) {
                    acc[grp >>> 6] |= 1L << (grp & 63);
                }
            }
            if (Arrays.equals(acc, all)) {
                return true;
            }
        }
        return Arrays.equals(acc, all);
    }

    private Counterexample<S> counterexample(String task, IntList triggers) {
        // Shortest prefix: BFS inside the not-q subgraph whose sources are the triggers, each
        // entering at its own BFS level (ids are in BFS order, so triggers come sorted by level).
        int[] dist = new int[n];
        int[] subFrom = new int[n];
        int[] subEdge = new int[n];
        Arrays.fill(dist, -1);
        int ti = 0;
        int d = g.levelOf(triggers.get(0));
        IntList frontier = new IntList(64);
        int entry = -1;
        while (entry < 0) {
            while (ti < triggers.size() && g.levelOf(triggers.get(ti)) == d) {
                int u = triggers.get(ti++);
                if (dist[u] == -1) {
                    dist[u] = d;
                    subFrom[u] = -1;
                    frontier.add(u);
                }
            }
            if (frontier.size() == 0) {
                // a fair component is reachable from a trigger, so triggers remain here
                if (ti >= triggers.size()) {
                    throw new IllegalStateException("no path to a fair component");
                }
                d = g.levelOf(triggers.get(ti));
                continue;
            }
            for (int i = 0; i < frontier.size(); i++) {
                int x = frontier.get(i);
                if (fairComp.get(comp[x])) {
                    entry = x;
                    break;
                }
            }
            if (entry >= 0) {
                break;
            }
            IntList next = new IntList(frontier.size() * 2);
            for (int i = 0; i < frontier.size(); i++) {
                int x = frontier.get(i);
                for (int e = start[x]; e < start[x + 1]; e++) {
                    tick();
                    int y = target[e];
                    if (notQ[y] && dist[y] == -1) {
                        dist[y] = d + 1;
                        subFrom[y] = x;
                        subEdge[y] = e;
                        next.add(y);
                    }
                }
            }
            frontier = next;
            d++;
        }

        List<Integer> subPath = new ArrayList<>();
        int u = entry;
        while (subFrom[u] != -1) {
            subPath.add(subEdge[u]);
            u = subFrom[u];
        }
        List<Step<S>> steps = new ArrayList<>(g.pathTo(u));
        for (int i = subPath.size() - 1; i >= 0; i--) {
            steps.add(stepOf(steps.size() + 1, subPath.get(i), false, false));
        }
        int loopStart = steps.size();

        long[] sat = new long[words];
        orDisabled(sat, entry);
        if (Arrays.equals(sat, all)) {
            // every group is disabled here: stuttering forever is a fair behaviour
            Step<S> last = steps.remove(steps.size() - 1);
            steps.add(new Step<>(last.index(), last.action(), last.task(), last.state(), true, true));
            return new Counterexample<>(task, steps, loopStart, true, null, null);
        }
        List<Integer> cycle = fairCycle(entry, sat);
        Step<S> first = steps.remove(loopStart - 1);
        steps.add(new Step<>(first.index(), first.action(), first.task(), first.state(), true, false));
        for (int i = 0; i < cycle.size() - 1; i++) {
            steps.add(stepOf(steps.size() + 1, cycle.get(i), false, false));
        }
        Search.Kind closing = g.kinds.get(g.edgeKind.get(cycle.get(cycle.size() - 1)));
        return new Counterexample<>(task, steps, loopStart, false, closing.label(), closing.task());
    }

    private Step<S> stepOf(int index, int edge, boolean loopStart, boolean stutters) {
        Search.Kind k = g.kinds.get(g.edgeKind.get(edge));
        return new Step<>(index, k.label(), k.task(), g.state(target[edge]), loopStart, stutters);
    }

    private void orDisabled(long[] sat, int v) {
        for (int w = 0; w < words; w++) {
            sat[w] |= ~enabled[v * words + w] & all[w];
        }
    }

    private boolean unsatisfiedEdge(int e, int v, int c, long[] sat) {
        int grp = edgeGroup[e];
        int u = target[e];
        return grp >= 0 && u != v && comp[u] == c && (sat[grp >>> 6] & (1L << (grp & 63))) == 0;
    }

    private boolean helps(int x, int c, long[] sat) {
        for (int w = 0; w < words; w++) {
            if ((~enabled[x * words + w] & all[w] & ~sat[w]) != 0) {
                return true;
            }
        }
        for (int e = start[x]; e < start[x + 1]; e++) {
            if (unsatisfiedEdge(e, x, c, sat)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A cycle from entry back to entry inside entry's component that, for every group, passes
     * a state where the group is disabled or takes one of its steps: greedily walk to the
     * nearest state that satisfies a group not yet satisfied, then return to entry.
     */
    private List<Integer> fairCycle(int entry, long[] sat) {
        int c = comp[entry];
        List<Integer> cycle = new ArrayList<>();
        int cur = entry;
        while (!Arrays.equals(sat, all)) {
            List<Integer> path = pathInComp(cur, c, x -> helps(x, c, sat));
            for (int e : path) {
                take(e, sat);
                cycle.add(e);
            }
            cur = path.isEmpty() ? cur : target[path.get(path.size() - 1)];
            for (int e = start[cur]; e < start[cur + 1]; e++) {
                if (unsatisfiedEdge(e, cur, c, sat)) {
                    take(e, sat);
                    cycle.add(e);
                    cur = target[e];
                    break;
                }
            }
        }
        if (cur != entry) {
            int goal = entry;
            cycle.addAll(pathInComp(cur, c, x -> x == goal));
        }
        return cycle;
    }

    /** Walks edge e of a cycle (never a self-loop: cycles only use edges between distinct states). */
    private void take(int e, long[] sat) {
        int grp = edgeGroup[e];
        if (grp >= 0) {
            sat[grp >>> 6] |= 1L << (grp & 63);
        }
        orDisabled(sat, target[e]);
    }

    /** Shortest edge path inside component c from 'from' to the nearest state satisfying goal. */
    private List<Integer> pathInComp(int from, int c, IntPredicate goal) {
        HashMap<Integer, Integer> via = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        via.put(from, -1);
        queue.add(from);
        int found = -1;
        while (!queue.isEmpty()) {
            int x = queue.poll();
            tick();
            if (goal.test(x)) {
                found = x;
                break;
            }
            for (int e = start[x]; e < start[x + 1]; e++) {
                int y = target[e];
                if (y != x && comp[y] == c && !via.containsKey(y)) {
                    via.put(y, e);
                    queue.add(y);
                }
            }
        }
        if (found < 0) {
            throw new IllegalStateException("component " + c + " is not strongly connected");
        }
        List<Integer> path = new ArrayList<>();
        for (int x = found; via.get(x) != -1; ) {
            int e = via.get(x);
            path.add(e);
            x = sourceOf(e);
        }
        Collections.reverse(path);
        return path;
    }

    /** The state an edge leaves: edges are stored grouped by source, in source order. */
    private int sourceOf(int e) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= e) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
