package reservecheck.explorer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;

import reservecheck.models.lts.Model;
import reservecheck.models.lts.Packing;
import reservecheck.models.lts.Transition;

/**
 * The breadth-first search, in TLC's order (one worker).  States get ids in discovery order;
 * since the queue is FIFO, the queue is simply the id range [head, size), and states are
 * expanded in id order, so the recorded edges form a compressed adjacency list for free.
 *
 * <p>When the model offers a {@link Packing}, states are kept only encoded, in a
 * {@link PackedStateSet}, and decoded to be expanded: no Java object per stored state.  The
 * ids, and so the order, counts, parents and traces, are those of the object path, since the
 * packing is a bijection and the set gives ids in insertion order.  Under symmetry (safety
 * only: the Explorer refuses it with properties) the packed path stores and expands each
 * class's representative where the object path (and TLC) expands the first member found: the
 * same classes, counts and depth; a trace is rebuilt along real steps ({@link #pathTo}).
 */
final class Search<S> {
    /** The action of an edge: its label, task and fairness group (-1: none). */
    record Kind(String label, String task, int group) {
    }

    private static final int CHECK_EVERY = 256;

    final Model<S> model;
    private final boolean symmetry;
    /** Threads expanding states; above 1 only on the packed path (see {@link BatchExpansion}). */
    private final int threads;
    private final int chunkStates;
    private final boolean recordEdges;
    private final boolean withGroups;
    private final long stateLimit;
    private final long deadline;
    private final boolean hasDeadline;
    private final Consumer<Progress> progress;
    private final long progressEvery;
    final long start;
    private long nextProgress;

    private final HashMap<S, Integer> index;
    private final ArrayList<S> states;
    private final Packing<S> packing;
    private final PackedStateSet packed;
    /** One encoded state, the key being looked up. */
    private final long[] scratch;
    /**
     * BFS tree: the parent id of every state, nothing else per state.  The step from the parent
     * is recomputed for a trace (the first successor with the state's key: the one that found
     * it), and the level is known from levelStart, since ids are given level by level; so a
     * stored state costs its words, this int and its hash-table slot (issue 14: at most 32
     * bytes).
     */
    final IntList parent = new IntList(1024);
    /** The first id of each level: level d+1 is ids levelStart[d] .. levelStart[d+1]-1. */
    final IntList levelStart = new IntList(64);

    /** Edges of expanded states: those of state i are edgeStart[i] .. edgeStart[i+1]-1. */
    final IntList edgeStart = new IntList(1024);
    final IntList edgeTarget = new IntList(4096);
    final IntList edgeKind = new IntList(4096);
    final ArrayList<Kind> kinds = new ArrayList<>();
    /** Read without a lock by the expanding threads; written under the lock of kinds. */
    private final java.util.concurrent.ConcurrentHashMap<Kind, Integer> kindIds =
            new java.util.concurrent.ConcurrentHashMap<>();
    final ArrayList<String> groups = new ArrayList<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> groupIds =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Action coverage: edges taken per action label, and per label and task kind ("label/p" for
     * the tasks p1, p2, ...).  A design whose reachable graph never takes an action verifies
     * nothing about it (the "no vacuous pass" rule), so every check reports this.
     */
    final java.util.TreeMap<String, Long> coverage = new java.util.TreeMap<>();

    long generated;
    int depth;
    int head;
    /** Ids put in the state set but never queued (TLC does not enqueue an invariant violator). */
    private int notQueued;

    String verdict;
    String message;
    int culprit = -1;

    Search(Model<S> model, boolean symmetry, boolean recordEdges, boolean withGroups, long stateLimit,
           boolean hasDeadline, long deadline, Consumer<Progress> progress, long progressEveryNanos,
           long start, boolean usePacking, int threads, int chunkStates) {
        this.hasDeadline = hasDeadline;
        this.threads = threads;
        this.chunkStates = chunkStates;
        this.model = model;
        this.symmetry = symmetry;
        this.recordEdges = recordEdges;
        this.withGroups = withGroups;
        this.stateLimit = stateLimit;
        this.deadline = deadline;
        this.progress = progress;
        this.progressEvery = progressEveryNanos;
        this.start = start;
        this.nextProgress = start + progressEveryNanos;
        Packing<S> p = usePacking ? model.packing() : null;
        this.packing = p;
        this.packed = p == null ? null : new PackedStateSet(p.width(), 1024);
        this.scratch = p == null ? null : new long[p.width()];
        this.index = p == null ? new HashMap<>() : null;
        this.states = p == null ? new ArrayList<>() : null;
        if (withGroups) {
            for (String g : model.fairnessGroups()) {
                groupId(g);
            }
        }
    }

    int size() {
        return packed != null ? packed.size() : states.size();
    }

    /** Whether states are stored encoded. */
    boolean isPacked() {
        return packed != null;
    }

    /** State id (decoded anew each time when packed: keep it only as long as it is needed). */
    S state(int id) {
        if (packed == null) {
            return states.get(id);
        }
        long[] one = new long[packed.width()];
        packed.get(id, one, 0);
        return packing.decode(one, 0);
    }

    /** The BFS level of a state, initial states being level 1. */
    int levelOf(int id) {
        int lo = 0;
        int hi = levelStart.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (levelStart.get(mid) <= id) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /**
     * Bytes per stored state of the packed path: its words, its parent id and its share of the
     * hash table at the table's load now; 0 on the object path.
     */
    double bytesPerState() {
        if (packed == null || packed.size() == 0) {
            return 0;
        }
        return packed.width() * 8.0 + 4 + packed.tableBytes() / (double) packed.size();
    }

    long queued() {
        return size() - head - notQueued;
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** deadline is an absolute System.nanoTime(); hasDeadline false means no time limit. */
    boolean timeUp() {
        return hasDeadline && System.nanoTime() - deadline > 0;
    }

    void reportProgress(String phase, boolean force) {
        if (progress == null) {
            return;
        }
        long now = System.nanoTime();
        if (force || now - nextProgress >= 0) {
            nextProgress = now + progressEvery;
            progress.accept(new Progress(phase, size(), generated, queued(), depth, seconds()));
        }
    }

    /**
     * Explores the reachable states; returns true if the search completed without a violation,
     * false if it stopped, with verdict/message/culprit set.
     */
    boolean explore(List<String> invariants, boolean checkDeadlock) {
        for (S s : model.initialStates()) {
            generated++;
            if (timeUp()) {
                return stop(Verdicts.TIMEOUT, "The time limit was reached.", -1);
            }
            int id = addIfNew(s, -1, 1);
            if (id < 0) {
                continue;
            }
            String bad = firstFailing(invariants, s);
            if (bad != null) {
                notQueued++;
                return stop(Verdicts.invariant(bad), "Invariant " + bad + " is violated by the initial state.", id);
            }
            if (overLimit()) {
                return stop(Verdicts.STATE_LIMIT, "More than " + stateLimit + " distinct states.", -1);
            }
        }
        if (threads > 1 && packed != null) {
            try (BatchExpansion<S> batches = new BatchExpansion<>(this, packing, packed, invariants, threads,
                    chunkStates)) {
                if (!exploreInBatches(batches, invariants, checkDeadlock)) {
                    return false;
                }
            }
        }
        while (head < size()) {
            if ((head & (CHECK_EVERY - 1)) == 0) {
                if (timeUp()) {
                    return stop(Verdicts.TIMEOUT, "The time limit was reached.", -1);
                }
                reportProgress("safety", false);
            }
            int cur = head++;
            S s = state(cur);
            List<Transition<S>> succ = model.successors(s);
            if (recordEdges) {
                edgeStart.add(edgeTarget.size());
            }
            if (succ.isEmpty() && checkDeadlock) {
                return stop(Verdicts.DEADLOCK, "Deadlock reached.", cur);
            }
            int nextLevel = levelOf(cur) + 1;
            for (int j = 0; j < succ.size(); j++) {
                Transition<S> t = succ.get(j);
                generated += generatedAt(succ, j);
                cover(t);
                S target = t.target();
                int id = addIfNew(target, cur, nextLevel);
                if (id >= 0) {
                    String bad = firstFailing(invariants, target);
                    if (bad != null) {
                        notQueued++;
                        return stop(Verdicts.invariant(bad), "Invariant " + bad + " is violated.", id);
                    }
                    if (overLimit()) {
                        return stop(Verdicts.STATE_LIMIT, "More than " + stateLimit + " distinct states.", -1);
                    }
                } else {
                    id = -id - 1;
                }
                if (recordEdges) {
                    edgeTarget.add(id);
                    edgeKind.add(kindId(t));
                }
            }
        }
        if (recordEdges) {
            edgeStart.add(edgeTarget.size());
        }
        reportProgress("safety", true);
        return true;
    }

    /**
     * The queue expanded batch by batch on several threads, each batch merged here in id order
     * with the one-thread loop's steps (see {@link BatchExpansion}); returns false with the
     * verdict set when a violation, the time or the state limit stops it.
     */
    private boolean exploreInBatches(BatchExpansion<S> batches, List<String> invariants, boolean checkDeadlock) {
        int width = packed.width();
        long[] kindCount = new long[16];
        try {
            while (head < size()) {
                int hi = (int) Math.min(size(), (long) head + batches.batchStates());
                batches.expand(head, hi);
                if (batches.timedOut) {
                    return stop(Verdicts.TIMEOUT, "The time limit was reached.", -1);
                }
                for (int c = 0; c < batches.chunkCount(); c++) {
                    BatchExpansion.Chunk chunk = batches.chunks[c];
                    for (int i = 0; i < chunk.hi - chunk.lo; i++) {
                        if ((head & (CHECK_EVERY - 1)) == 0) {
                            if (timeUp()) {
                                return stop(Verdicts.TIMEOUT, "The time limit was reached.", -1);
                            }
                            reportProgress("safety", false);
                        }
                        int cur = head++;
                        if (recordEdges) {
                            edgeStart.add(edgeTarget.size());
                        }
                        int from = chunk.stateStart(i);
                        int to = chunk.stateEnd[i];
                        if (from == to && checkDeadlock) {
                            return stop(Verdicts.DEADLOCK, "Deadlock reached.", cur);
                        }
                        int nextLevel = levelOf(cur) + 1;
                        for (int e = from; e < to; e++) {
                            generated += chunk.generated[e];
                            int k = chunk.kind[e];
                            if (k >= kindCount.length) {
                                kindCount = java.util.Arrays.copyOf(kindCount, Math.max(k + 1, kindCount.length * 2));
                            }
                            kindCount[k]++;
                            int id = chunk.known[e];
                            if (id < 0) {
                                id = packed.addOrGet(chunk.keys, e * width, chunk.hash[e]);
                                if (id >= parent.size()) {
                                    added(id, cur, nextLevel);
                                    if (chunk.bad[e] >= 0) {
                                        notQueued++;
                                        String bad = invariants.get(chunk.bad[e]);
                                        return stop(Verdicts.invariant(bad), "Invariant " + bad + " is violated.", id);
                                    }
                                    if (overLimit()) {
                                        return stop(Verdicts.STATE_LIMIT, "More than " + stateLimit
                                                + " distinct states.", -1);
                                    }
                                }
                            }
                            if (recordEdges) {
                                edgeTarget.add(id);
                                edgeKind.add(k);
                            }
                        }
                    }
                }
            }
            return true;
        } finally {
            for (int k = 0; k < kindCount.length; k++) {
                if (kindCount[k] > 0) {
                    Kind kind = kinds.get(k);
                    coverage.merge(kind.label(), kindCount[k], Long::sum);
                    if (kind.task() != null) {
                        coverage.merge(kind.label() + "/" + taskKind(kind.task()), kindCount[k], Long::sum);
                    }
                }
            }
        }
    }

    /**
     * What successor j adds to the generated count.  TLC computes the successors of one split
     * action (one label and task) at a time and counts them all as generated before looking at
     * any of them; so does this, so the count matches TLC's when a violation stops the search
     * mid-state: the first successor of an action counts them all, the others nothing.
     */
    static <S> int generatedAt(List<Transition<S>> succ, int j) {
        Transition<S> t = succ.get(j);
        if (j > 0 && sameAction(succ.get(j - 1), t)) {
            return 0;
        }
        int k = j + 1;
        while (k < succ.size() && sameAction(t, succ.get(k))) {
            k++;
        }
        return k - j;
    }

    private void cover(Transition<S> t) {
        coverage.merge(t.label(), 1L, Long::sum);
        if (t.task() != null) {
            coverage.merge(t.label() + "/" + taskKind(t.task()), 1L, Long::sum);
        }
    }

    /** The kind of a task: its name without the trailing number and tuple ("p2" -> "p", "f1_2" -> "f"). */
    static String taskKind(String task) {
        int end = 0;
        while (end < task.length() && Character.isLetter(task.charAt(end))) {
            end++;
        }
        return end == 0 ? task : task.substring(0, end);
    }

    private boolean stop(String verdict, String message, int culprit) {
        this.verdict = verdict;
        this.message = message;
        this.culprit = culprit;
        return false;
    }

    private static boolean sameAction(Transition<?> a, Transition<?> b) {
        return a.label().equals(b.label()) && (a.task() == null ? b.task() == null : a.task().equals(b.task()));
    }

    /**
     * The words a state is stored under: its encoding, or under symmetry the encoding of its
     * class's representative, canonicalised on the words when the packing can (tasks sorted,
     * see {@link Packing#canonicalize}), else encoded from {@link Model#canonical}.  The
     * representative is what is stored and expanded: a permuted state's successors are the
     * permuted successors, so the classes, their count and levels are those of TLC's search,
     * which expands the first state found of a class.
     */
    void encodeKey(S s, long[] into, int at) {
        if (!symmetry) {
            packing.encode(s, into, at);
        } else if (packing.canonicalizes()) {
            packing.encode(s, into, at);
            packing.canonicalize(into, at);
        } else {
            packing.encode(model.canonical(s), into, at);
        }
    }

    S key(S s) {
        return symmetry ? model.canonical(s) : s;
    }

    private boolean overLimit() {
        return stateLimit > 0 && size() > stateLimit;
    }

    /**
     * The id of a new state (key is s, or its canonical form under symmetry), its BFS-tree
     * parent, step and level recorded; for a state already found, -(its id)-1.
     */
    private int addIfNew(S s, int from, int lvl) {
        int id;
        if (packed != null) {
            encodeKey(s, scratch, 0);
            id = packed.addOrGet(scratch, 0);
            if (id < parent.size()) {
                return -id - 1;
            }
        } else {
            S key = key(s);
            Integer found = index.get(key);
            if (found != null) {
                return -found - 1;
            }
            id = states.size();
            index.put(key, id);
            states.add(s);
        }
        added(id, from, lvl);
        return id;
    }

    /** Records a new state's parent and level. */
    private void added(int id, int from, int lvl) {
        parent.add(from);
        if (lvl > depth) {
            levelStart.add(id);
            depth = lvl;
        }
    }

    private String firstFailing(List<String> invariants, S s) {
        for (String name : invariants) {
            if (!model.invariant(name, s)) {
                return name;
            }
        }
        return null;
    }

    /** The id of a step's kind; safe to call from the expanding threads (ids then in no set order). */
    int kindId(Transition<S> t) {
        int group = -1;
        if (withGroups) {
            String g = model.fairnessGroup(t);
            group = g == null ? -1 : groupId(g);
        }
        return intern(kindIds, kinds, new Kind(t.label(), t.task(), group));
    }

    private int groupId(String g) {
        return intern(groupIds, groups, g);
    }

    /**
     * The id of key in list (added if new): read without a lock, written under the lock of
     * kinds, so the expanding threads may ask at once; the ids then follow no set order.
     */
    private <K> int intern(java.util.concurrent.ConcurrentHashMap<K, Integer> ids, List<K> list, K key) {
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        synchronized (kinds) {
            id = ids.get(key);
            if (id == null) {
                id = list.size();
                list.add(key);
                ids.put(key, id);
            }
            return id;
        }
    }

    private Transition<S> firstStepTo(S from, int id) {
        if (packed == null) {
            S key = key(state(id));
            for (Transition<S> t : model.successors(from)) {
                if (key(t.target()).equals(key)) {
                    return t;
                }
            }
        } else {
            long[] want = new long[packed.width()];
            long[] got = new long[packed.width()];
            packed.get(id, want, 0);
            for (Transition<S> t : model.successors(from)) {
                encodeKey(t.target(), got, 0);
                if (java.util.Arrays.equals(want, got)) {
                    return t;
                }
            }
        }
        throw new IllegalStateException("state " + id + " is not a successor of its parent");
    }

    /** The initial state stored as id (under symmetry on packed states, id is its class's representative). */
    private S initialState(int id) {
        if (packed == null || !symmetry) {
            return state(id);
        }
        long[] want = new long[packed.width()];
        long[] got = new long[packed.width()];
        packed.get(id, want, 0);
        for (S s : model.initialStates()) {
            encodeKey(s, got, 0);
            if (java.util.Arrays.equals(want, got)) {
                return s;
            }
        }
        throw new IllegalStateException("state " + id + " is not an initial state");
    }

    /** The BFS-tree path from an initial state to state id, as trace steps numbered from 1. */
    List<Step<S>> pathTo(int id) {
        List<Integer> ids = new ArrayList<>();
        for (int v = id; v >= 0; v = parent.get(v)) {
            ids.add(v);
        }
        Collections.reverse(ids);
        List<Step<S>> steps = new ArrayList<>(ids.size());
        // the trace follows real steps from a real initial state: under symmetry on packed
        // states the stored ids are representatives, and a step of the model leads from the
        // state reached so far to a member of the next id's class, not to the representative
        S reached = initialState(ids.get(0));
        steps.add(new Step<>(1, null, null, reached, false, false));
        for (int i = 1; i < ids.size(); i++) {
            // the step is recomputed from the parent: successors() is deterministic, and the
            // step that found a state is its parent's first one to a state with its key
            Transition<S> t = firstStepTo(reached, ids.get(i));
            reached = t.target();
            steps.add(new Step<>(i + 1, t.label(), t.task(), reached, false, false));
        }
        return steps;
    }
}
