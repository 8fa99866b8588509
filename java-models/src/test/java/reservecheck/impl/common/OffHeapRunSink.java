package reservecheck.impl.common;

/**
 * A protocol's sink for Lincheck runs whose records go off-heap ({@link OffHeapRecords}): the
 * invocation count and the dropped records are the store's; the protocol says what a record's
 * parts are and which passing runs it keeps.
 */
public abstract class OffHeapRunSink<R> implements RunSink<R> {
    protected final OffHeapRecords records;

    /** @param parts how many parts every record has */
    protected OffHeapRunSink(int capacityBytes, int parts) {
        this.records = new OffHeapRecords(capacityBytes, parts);
    }

    /** One more interleaving started (called first thing in the body). */
    public void countInvocation() {
        records.countInvocation();
    }

    public long invocations() {
        return records.invocations();
    }

    /** Records that did not fit. */
    public int dropped() {
        return records.dropped();
    }
}
