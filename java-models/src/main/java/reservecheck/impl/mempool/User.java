package reservecheck.impl.mempool;

import reservecheck.impl.common.StepThread;

/**
 * The thread of one pool user (process or irq context): it makes its `rounds` requests, as
 * in the spec, and gives every element back once it has the whole request (the mempool
 * contract: elements return within bounded time), then stops.  A throwable is handed to the
 * pool, whose harness rethrows it from the main thread.
 */
final class User extends StepThread<Trace> {
    private final Mempool pool;
    private final Task task;
    private final int rounds;
    private final boolean record;

    User(Mempool pool, Task task, int rounds, boolean record) {
        this.pool = pool;
        this.task = task;
        this.rounds = rounds;
        this.record = record;
    }

    @Override
    protected Trace begin() {
        return new Trace(task.index, rounds, record);
    }

    @Override
    protected void steps(Trace trace) throws InterruptedException {
        boolean done = false;
        while (!done) {
            if (pool.request(task, trace)) {
                if (trace.plugged > 0) {
                    // mempool_alloc has returned: blk_finish_plug submits the writeback bio
                    pool.bioEndio(task, trace);
                }
                int left;
                do {
                    // one mempool_free per element held
                    left = pool.mempoolFree(task, trace);
                } while (left > 0);
                done = left < 0;
            } else {
                done = pool.returnNull(task, trace);
            }
        }
    }

    @Override
    protected void ended(Trace trace, Throwable failed) {
        if (failed != null) {
            pool.taskFailed(task, trace, failed);
        } else {
            pool.taskFinished(task, trace);
        }
    }
}
