package reservecheck.impl.reserve_tree;

import reservecheck.impl.common.RunSink;

/** Where the harness hands a run's record of ints when the run ends; decoded afterwards ({@link EventLog#decode}). */
public interface LogSink extends RunSink<int[]> {
}
