package reservecheck.impl.mempool;

import java.util.ArrayList;
import java.util.List;

import reservecheck.impl.common.OffHeapRecords;
import reservecheck.impl.common.OffHeapRunSink;

/**
 * Carries event logs out of Lincheck's interleavings ({@link OffHeapRecords}): a record is
 * the initial words, then per task its published trace.  Logs of failing and hung runs are
 * always kept; of passing runs a sample, chosen by the log's own hash, so the sample is the
 * same on every run.
 */
final class OffHeapLogSink extends OffHeapRunSink<RunTrace> implements LogSink {
    private final int passSample;
    private final String[] tasks;

    /** @param passSample keep about one passing log in this many (1 = all) */
    OffHeapLogSink(int capacityBytes, int passSample, String[] tasks) {
        super(capacityBytes, 1 + tasks.length);
        this.passSample = passSample;
        this.tasks = tasks.clone();
    }

    @Override
    public void ended(String kind, RunTrace run) {
        if (PASSED.equals(kind) && Math.floorMod(run.hash(), passSample) != 0) {
            return;
        }
        int[][] parts = new int[1 + run.taskCount()][];
        parts[0] = run.init();
        for (int t = 0; t < run.taskCount(); t++) {
            parts[1 + t] = run.task(t);
        }
        records.put(kind, parts);
    }

    /** The distinct logs of one kind, in the order first written. */
    List<EventLog> logs(String kind) {
        List<EventLog> l = new ArrayList<>();
        for (int[][] r : records.records(kind)) {
            int[][] traces = new int[tasks.length][];
            System.arraycopy(r, 1, traces, 0, tasks.length);
            l.add(RunTrace.decode(tasks, r[0], traces));
        }
        return l;
    }
}
