package reservecheck.impl.mempool;

import reservecheck.impl.common.RunSink;

/** Where the harness hands a run's traces when the run ends; decoded afterwards ({@link RunTrace#decode}). */
public interface LogSink extends RunSink<RunTrace> {
}
