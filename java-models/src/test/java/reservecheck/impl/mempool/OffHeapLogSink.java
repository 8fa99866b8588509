package reservecheck.impl.mempool;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Carries event logs out of Lincheck's interleavings.  Lincheck restores the heap a test body
 * changed after every invocation (captured objects and statics alike) and refuses file
 * operations inside the body, so the logs go into a direct (off-heap) buffer: its contents
 * are native memory, which the restore does not touch.  Only absolute bulk puts are used
 * inside the body (no position changes, no per-element loop: Lincheck reads a loop of more
 * than about 50 iterations as a livelock).
 *
 * <p>Layout, in ints: [0] ints used, [1] invocations started, [2] logs dropped for lack of
 * room; then records: kind (index in KINDS), the initial words (length first), then per task
 * its published trace (length first).  Logs of
 * failing and hung runs are always kept; of passing runs a sample, chosen by the log's own
 * hash, so the sample is the same on every run.
 */
final class OffHeapLogSink implements LogSink {
    private static final int HEADER = 3;
    private static final String[] KINDS = {PASSED, FAILED, HUNG};

    private final IntBuffer ints;
    private final int passSample;
    private final String[] tasks;

    /** @param passSample keep about one passing log in this many (1 = all) */
    OffHeapLogSink(int capacityBytes, int passSample, String[] tasks) {
        this.ints = ByteBuffer.allocateDirect(capacityBytes).order(ByteOrder.nativeOrder()).asIntBuffer();
        this.passSample = passSample;
        this.tasks = tasks.clone();
        ints.put(0, HEADER);
    }

    /** One more interleaving started (called first thing in the body). */
    void countInvocation() {
        ints.put(1, ints.get(1) + 1);
    }

    long invocations() {
        return ints.get(1);
    }

    int dropped() {
        return ints.get(2);
    }

    @Override
    public void ended(String kind, RunTrace run) {
        if (PASSED.equals(kind) && Math.floorMod(run.hash(), passSample) != 0) {
            return;
        }
        int need = 2 + run.init().length;
        for (int t = 0; t < run.taskCount(); t++) {
            need += 1 + run.task(t).length;
        }
        int at = ints.get(0);
        if (at + need > ints.capacity()) {
            ints.put(2, ints.get(2) + 1);
            return;
        }
        ints.put(at, PASSED.equals(kind) ? 0 : FAILED.equals(kind) ? 1 : 2);
        ints.put(at + 1, run.init().length);
        ints.put(at + 2, run.init(), 0, run.init().length);
        at += 2 + run.init().length;
        for (int t = 0; t < run.taskCount(); t++) {
            int[] w = run.task(t);
            ints.put(at, w.length);
            ints.put(at + 1, w, 0, w.length);
            at += 1 + w.length;
        }
        ints.put(0, at);
    }

    /** The distinct logs of one kind, in the order first written. */
    List<EventLog> logs(String kind) {
        Set<List<Integer>> seen = new LinkedHashSet<>();
        List<EventLog> l = new ArrayList<>();
        int end = ints.get(0);
        int at = HEADER;
        while (at < end) {
            int start = at;
            int k = ints.get(at);
            int[] init = read(at + 1);
            at += 2 + init.length;
            int[][] traces = new int[tasks.length][];
            for (int t = 0; t < tasks.length; t++) {
                traces[t] = read(at);
                at += 1 + traces[t].length;
            }
            int[] whole = new int[at - start];
            ints.get(start, whole, 0, whole.length);
            if (KINDS[k].equals(kind) && seen.add(Arrays.stream(whole).boxed().toList())) {
                l.add(RunTrace.decode(tasks, init, traces));
            }
        }
        return l;
    }

    private int[] read(int at) {
        int[] w = new int[ints.get(at)];
        ints.get(at + 1, w, 0, w.length);
        return w;
    }
}
