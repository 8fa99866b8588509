package reservecheck.models.mempool;

/** pool->wait: the spec's waitq sequence operations and WakeUp. */
final class WaitQueue {
    private WaitQueue() {
    }

    /** Append(waitq, t). */
    static int[] append(int[] q, int t) {
        int[] r = new int[q.length + 1];
        System.arraycopy(q, 0, r, 0, q.length);
        r[q.length] = t;
        return r;
    }

    /** Remove(waitq, t): SelectSeq keeping every entry other than t. */
    static int[] remove(int[] q, int t) {
        int n = 0;
        for (int x : q) {
            if (x != t) {
                n++;
            }
        }
        int[] r = new int[n];
        int i = 0;
        for (int x : q) {
            if (x != t) {
                r[i++] = x;
            }
        }
        return r;
    }

    /**
     * WakeUp(tstate), wake_up(&pool->wait): the 2001 waiters are exclusive, so only the first
     * one in FIFO order still TASK_UNINTERRUPTIBLE is woken; the modern ones are not
     * (prepare_to_wait), so every task on the queue becomes TASK_RUNNING.  The wake_up faults:
     * first_waiter wakes only the first sleeper in either design, nobody wakes no one.
     */
    static int[] wakeUp(MempoolParams p, int[] q, int[] tstate) {
        int[] r = tstate.clone();
        if (MempoolParams.WAKE_NOBODY.equals(p.wakeUp)) {
            return r;
        }
        if (p.is2001() || MempoolParams.WAKE_FIRST_WAITER.equals(p.wakeUp)) {
            for (int x : q) {
                if (tstate[x] == TaskState.UNINTERRUPTIBLE) {
                    r[x] = TaskState.RUNNING;
                    break;
                }
            }
        } else {
            for (int x : q) {
                r[x] = TaskState.RUNNING;
            }
        }
        return r;
    }
}
