package reservecheck.impl.reserve_tree;

import reservecheck.impl.common.IntRecordSink;

/** Carries run records out of Lincheck's interleavings ({@link IntRecordSink}) to the reserve tree's harness. */
final class OffHeapSink extends IntRecordSink implements LogSink {
    OffHeapSink(int capacityBytes, int passSample) {
        super(capacityBytes, passSample);
    }
}
