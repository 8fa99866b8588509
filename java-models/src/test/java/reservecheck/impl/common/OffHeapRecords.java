package reservecheck.impl.common;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Carries run records out of Lincheck's interleavings.  Lincheck restores the heap a test body
 * changed after every invocation (captured objects and statics alike) and refuses file
 * operations inside the body, so the records go into a direct (off-heap) buffer: its contents
 * are native memory, which the restore does not touch.  Only absolute bulk puts are used
 * inside the body (no position changes, no per-element loop: Lincheck reads a loop of more
 * than about 50 iterations as a livelock).
 *
 * <p>Layout, in ints: [0] ints used, [1] invocations started, [2] records dropped for lack of
 * room; then per record: its kind (an index in {@link #KINDS}) and a fixed number of parts,
 * each its length first.  What the parts are (one whole record, or the initial words and a
 * trace per task) and which passing runs are kept is the protocol's sink's business.
 */
public final class OffHeapRecords {
    /** How a run ended, in the order of their codes in the buffer. */
    public static final String[] KINDS = {RunSink.PASSED, RunSink.FAILED, RunSink.HUNG};
    private static final int HEADER = 3;

    private final IntBuffer ints;
    private final int parts;

    /** @param parts how many parts every record has */
    public OffHeapRecords(int capacityBytes, int parts) {
        this.ints = ByteBuffer.allocateDirect(capacityBytes).order(ByteOrder.nativeOrder()).asIntBuffer();
        this.parts = parts;
        ints.put(0, HEADER);
    }

    /** One more interleaving started (called first thing in the body). */
    public void countInvocation() {
        ints.put(1, ints.get(1) + 1);
    }

    public long invocations() {
        return ints.get(1);
    }

    /** Records that did not fit. */
    public int dropped() {
        return ints.get(2);
    }

    /** Appends one record of {@code kind} whose parts are {@code part}; drops it if it does not fit. */
    public void put(String kind, int[][] part) {
        int need = 1;
        for (int[] p : part) {
            need += 1 + p.length;
        }
        int at = ints.get(0);
        if (at + need > ints.capacity()) {
            ints.put(2, ints.get(2) + 1);
            return;
        }
        ints.put(at, RunSink.PASSED.equals(kind) ? 0 : RunSink.FAILED.equals(kind) ? 1 : 2);
        at++;
        for (int[] p : part) {
            ints.put(at, p.length);
            ints.put(at + 1, p, 0, p.length);
            at += 1 + p.length;
        }
        ints.put(0, at);
    }

    /** The distinct records of one kind (each its parts), in the order first written. */
    public List<int[][]> records(String kind) {
        Set<List<Integer>> seen = new LinkedHashSet<>();
        List<int[][]> l = new ArrayList<>();
        int end = ints.get(0);
        int at = HEADER;
        while (at < end) {
            int start = at;
            int k = ints.get(at);
            at++;
            int[][] part = new int[parts][];
            for (int p = 0; p < parts; p++) {
                part[p] = new int[ints.get(at)];
                ints.get(at + 1, part[p], 0, part[p].length);
                at += 1 + part[p].length;
            }
            int[] whole = new int[at - start];
            ints.get(start, whole, 0, whole.length);
            if (KINDS[k].equals(kind) && seen.add(Arrays.stream(whole).boxed().toList())) {
                l.add(part);
            }
        }
        return l;
    }
}
