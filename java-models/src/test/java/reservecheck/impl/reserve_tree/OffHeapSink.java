package reservecheck.impl.reserve_tree;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Carries run records out of Lincheck's interleavings.  Lincheck restores the heap after every
 * invocation, so records go into a direct (off-heap) buffer with absolute bulk puts only (a
 * per-element loop of more than about 50 iterations reads to Lincheck as a livelock).
 * Layout in ints: [0] ints used, [1] invocations, [2] records dropped; then per record: kind,
 * length, the record.  Failing and hung runs are always kept; passing ones one in
 * {@code passSample}, chosen by the record's length and last words, the same on every run.
 */
final class OffHeapSink implements LogSink {
    private static final int HEADER = 3;
    private static final String[] KINDS = {PASSED, FAILED, HUNG};

    private final IntBuffer ints;
    private final int passSample;

    OffHeapSink(int capacityBytes, int passSample) {
        this.ints = ByteBuffer.allocateDirect(capacityBytes).order(ByteOrder.nativeOrder()).asIntBuffer();
        this.passSample = passSample;
        ints.put(0, HEADER);
    }

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
    public void ended(String kind, int[] record) {
        if (PASSED.equals(kind)) {
            int h = record.length * 31 + record[record.length - 1] * 7 + record[record.length / 2];
            if (Math.floorMod(h, passSample) != 0) {
                return;
            }
        }
        int at = ints.get(0);
        if (at + 2 + record.length > ints.capacity()) {
            ints.put(2, ints.get(2) + 1);
            return;
        }
        ints.put(at, PASSED.equals(kind) ? 0 : FAILED.equals(kind) ? 1 : 2);
        ints.put(at + 1, record.length);
        ints.put(at + 2, record, 0, record.length);
        ints.put(0, at + 2 + record.length);
    }

    /** The distinct records of one kind, in the order first written. */
    List<int[]> records(String kind) {
        Set<List<Integer>> seen = new LinkedHashSet<>();
        List<int[]> l = new ArrayList<>();
        int end = ints.get(0);
        int at = HEADER;
        while (at < end) {
            int k = ints.get(at);
            int[] r = new int[ints.get(at + 1)];
            ints.get(at + 2, r, 0, r.length);
            at += 2 + r.length;
            if (KINDS[k].equals(kind) && seen.add(Arrays.stream(r).boxed().toList())) {
                l.add(r);
            }
        }
        return l;
    }
}
