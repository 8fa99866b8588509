package reservecheck.impl.mempool;

/**
 * The thread of one pool user (process or irq context): it makes its `rounds` requests, as
 * in the spec, and gives every element back once it has the whole request (the mempool
 * contract: elements return within bounded time), then stops.  A throwable is handed to the
 * pool, whose harness rethrows it from the main thread: an exception in a spawned thread
 * would otherwise fail neither a Lincheck test nor a plain run.
 */
final class User implements Runnable {
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
    public void run() {
        // this task's own trace: created here and only ever passed down, never shared
        Trace trace = new Trace(task.index, rounds, record);
        try {
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
        } catch (Throwable e) {
            pool.taskFailed(task, trace, e);
            return;
        }
        pool.taskFinished(task, trace);
    }
}
