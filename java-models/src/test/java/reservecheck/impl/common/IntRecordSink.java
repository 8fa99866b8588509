package reservecheck.impl.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries a harness's records of ints out of Lincheck's interleavings ({@link OffHeapRecords},
 * one part per record: the record itself), for any protocol whose run is one int array.
 * Failing and hung runs are always kept; passing ones one in {@code passSample}, chosen by the
 * record's length and words, the same on every run.
 */
public class IntRecordSink extends OffHeapRunSink<int[]> {
    private final int passSample;

    public IntRecordSink(int capacityBytes, int passSample) {
        super(capacityBytes, 1);
        this.passSample = passSample;
    }

    @Override
    public void ended(String kind, int[] record) {
        if (PASSED.equals(kind)) {
            int h = record.length * 31 + record[record.length - 1] * 7 + record[record.length / 2];
            if (Math.floorMod(h, passSample) != 0) {
                return;
            }
        }
        records.put(kind, new int[][] {record});
    }

    /** The distinct records of one kind, in the order first written. */
    public List<int[]> records(String kind) {
        List<int[]> l = new ArrayList<>();
        for (int[][] r : records.records(kind)) {
            l.add(r[0]);
        }
        return l;
    }
}
