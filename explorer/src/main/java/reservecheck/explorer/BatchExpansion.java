package reservecheck.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import reservecheck.models.lts.Packing;
import reservecheck.models.lts.Transition;

/**
 * The parallel half of the packed search: a batch of queued states (ids [lo, hi), all stored
 * already) is expanded by several threads, chunk by chunk; each successor is encoded, hashed,
 * looked up in the visited set (read-only while the batch is expanded) and, when not found,
 * checked against the invariants.  {@link Search} then merges the chunks on one thread in id
 * order, inserting what was not found, exactly as the one-thread loop would: so ids, counts,
 * depth, verdict and shortest counterexamples are those of one thread.
 *
 * <p>Why batches of the queue and not TLC's approach (workers sharing the queue and a
 * concurrent set): with a shared queue the ids, and so the parents, depend on the schedule,
 * which breaks "the same counterexample as one thread" and TLC-equal counts when a violation
 * stops the search.  A batch needs no level boundary: its states' successors get ids after
 * every stored state, so a batch may span two BFS levels and the order stays the queue's.  What
 * stays sequential is the insertion of states not yet found (most successors are found), so the
 * decoding, successor generation, encoding, lookups and invariants run on all threads.
 */
final class BatchExpansion<S> implements AutoCloseable {
    /** States per chunk by default, the unit a thread takes; chunks per batch. */
    static final int CHUNK = 256;
    static final int CHUNKS = 64;

    /** States per chunk (small in tests, so that small models span many batches). */
    final int chunkStates;

    /** The successors of the states [lo, hi) of one chunk, in successor order. */
    static final class Chunk {
        int lo;
        int hi;
        /** Per state of the chunk, the end of its edges (its start is the previous one's end). */
        int[] stateEnd;
        int edges;
        long[] keys;
        int[] hash;
        /** The id found in the visited set, or -1: a state not stored when the batch began. */
        int[] known;
        /** The index of the first failing invariant of a state not found, or -1. */
        int[] bad;
        int[] kind;
        /** What the successor adds to the generated count (TLC counts per split action). */
        int[] generated;

        Chunk(int width, int states) {
            stateEnd = new int[states];
            keys = new long[states * 4 * width];
            hash = new int[states * 4];
            known = new int[states * 4];
            bad = new int[states * 4];
            kind = new int[states * 4];
            generated = new int[states * 4];
        }

        void ensure(int edgeCount, int width) {
            if (edgeCount > known.length) {
                int n = Math.max(edgeCount, known.length * 2);
                keys = Arrays.copyOf(keys, n * width);
                hash = Arrays.copyOf(hash, n);
                known = Arrays.copyOf(known, n);
                bad = Arrays.copyOf(bad, n);
                kind = Arrays.copyOf(kind, n);
                generated = Arrays.copyOf(generated, n);
            }
        }

        int stateStart(int i) {
            return i == 0 ? 0 : stateEnd[i - 1];
        }
    }

    private final Search<S> search;
    private final Packing<S> packing;
    private final PackedStateSet set;
    private final List<String> invariants;
    private final int threads;
    private final ExecutorService pool;
    final Chunk[] chunks;
    /** Chunks of the current batch, and the next one a thread takes. */
    private int chunkCount;
    private final AtomicInteger nextChunk = new AtomicInteger();
    /** Set by a thread that saw the time limit pass: the batch is incomplete. */
    volatile boolean timedOut;

    BatchExpansion(Search<S> search, Packing<S> packing, PackedStateSet set, List<String> invariants,
                   int threads, int chunkStates) {
        this.search = search;
        this.chunkStates = chunkStates;
        this.packing = packing;
        this.set = set;
        this.invariants = invariants;
        this.threads = threads;
        this.chunks = new Chunk[CHUNKS];
        for (int i = 0; i < CHUNKS; i++) {
            chunks[i] = new Chunk(set.width(), chunkStates);
        }
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "explorer-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** The most states one batch expands. */
    int batchStates() {
        return chunkStates * CHUNKS;
    }

    /** Expands the states [lo, hi) into chunks[0 .. chunkCount()); hi - lo <= batchStates(). */
    void expand(int lo, int hi) {
        chunkCount = (hi - lo + chunkStates - 1) / chunkStates;
        for (int c = 0; c < chunkCount; c++) {
            chunks[c].lo = lo + c * chunkStates;
            chunks[c].hi = Math.min(hi, lo + (c + 1) * chunkStates);
        }
        nextChunk.set(0);
        List<Future<?>> running = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(this::work));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while expanding states", e);
            } catch (ExecutionException e) {
                // the same exception as on one thread (a packing refusing a value, a model bug)
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    int chunkCount() {
        return chunkCount;
    }

    private void work() {
        int width = set.width();
        long[] buf = new long[width];
        while (true) {
            int c = nextChunk.getAndIncrement();
            if (c >= chunkCount || timedOut) {
                return;
            }
            if (search.timeUp()) {
                timedOut = true;
                return;
            }
            Chunk chunk = chunks[c];
            chunk.edges = 0;
            for (int cur = chunk.lo; cur < chunk.hi; cur++) {
                set.get(cur, buf, 0);
                List<Transition<S>> succ = search.model.successors(packing.decode(buf, 0));
                chunk.ensure(chunk.edges + succ.size(), width);
                for (int j = 0; j < succ.size(); j++) {
                    Transition<S> t = succ.get(j);
                    int e = chunk.edges++;
                    chunk.generated[e] = Search.generatedAt(succ, j);
                    chunk.kind[e] = search.kindId(t);
                    S target = t.target();
                    search.encodeKey(target, chunk.keys, e * width);
                    int h = set.hash(chunk.keys, e * width);
                    chunk.hash[e] = h;
                    int id = set.find(chunk.keys, e * width, h);
                    chunk.known[e] = id;
                    chunk.bad[e] = id >= 0 ? -1 : firstFailing(target);
                }
                chunk.stateEnd[cur - chunk.lo] = chunk.edges;
            }
        }
    }

    private int firstFailing(S s) {
        for (int i = 0; i < invariants.size(); i++) {
            if (!search.model.invariant(invariants.get(i), s)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
