package reservecheck.models.mempool;

import reservecheck.models.lts.SpecActions;

/**
 * The spec's actions of a process task that found the pool empty: the 2001 levels 6 and 7
 * (run_task_queue, add_wait_queue, schedule) and the modern sleep (finish_wait,
 * io_schedule_timeout).  Each method returns the successor of s, or null when the action is
 * not enabled for task t.
 */
final class WaitPath extends SpecActions<MempoolParams> {
    WaitPath(MempoolParams p) {
        super(p);
    }

    /**
     * 2001 level 6: run_task_queue(&tq_disk) starts the queued disk IO.  Correct (after D2):
     * while TASK_RUNNING, before joining the queue; it changes nothing the model tracks.
     * Before D2 it ran after set_task_state(TASK_UNINTERRUPTIBLE): a sleep nested in it sets
     * TASK_UNINTERRUPTIBLE again, overwriting the TASK_RUNNING of a wake-up that arrived since
     * the task joined the queue, and the task then sleeps on the curr_nr it read before.
     */
    MempoolState runTaskQueue(MempoolState s, int t) {
        if (s.pc[t] != Pc.RUN_TASK_QUEUE) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        if (!p.tqDiskUninterruptible) {
            next.pc[t] = Pc.ADD_WAIT_QUEUE;
        } else if (s.snap[t] == 0) {
            // the lost wake-up: TASK_UNINTERRUPTIBLE again, whatever a free did meanwhile
            next.tstate[t] = TaskState.UNINTERRUPTIBLE;
            next.pc[t] = Pc.SCHEDULE;
        } else {
            next.tstate[t] = TaskState.RUNNING;
            next.waitq = WaitQueue.remove(s.waitq, t);
            next.pc[t] = Pc.ALLOC_NOWAIT;
        }
        return next.build();
    }

    /**
     * 2001 level 7: add_wait_queue_exclusive, set TASK_UNINTERRUPTIBLE, lock, read curr_nr,
     * unlock; sleep if it was 0.  Joining before the read is what makes a later free wake us.
     */
    MempoolState addWaitQueue(MempoolState s, int t) {
        if (s.pc[t] != Pc.ADD_WAIT_QUEUE) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        if (p.tqDiskUninterruptible) {
            // before D2: the read is taken now, run_task_queue comes next
            next.waitq = WaitQueue.append(s.waitq, t);
            next.tstate[t] = TaskState.UNINTERRUPTIBLE;
            next.snap[t] = s.currNr;
            next.pc[t] = Pc.RUN_TASK_QUEUE;
        } else if (s.currNr == 0) {
            next.waitq = WaitQueue.append(s.waitq, t);
            next.tstate[t] = TaskState.UNINTERRUPTIBLE;
            next.pc[t] = Pc.SCHEDULE;
        } else {
            // an element arrived: back to TASK_RUNNING, leave the queue, level 1
            next.pc[t] = Pc.ALLOC_NOWAIT;
        }
        return next.build();
    }

    /**
     * 2001: schedule() returns once a wake-up made the task TASK_RUNNING; it leaves the queue
     * and starts again at level 1.
     */
    MempoolState schedule(MempoolState s, int t) {
        if (s.pc[t] != Pc.SCHEDULE || s.tstate[t] != TaskState.RUNNING) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        next.waitq = WaitQueue.remove(s.waitq, t);
        next.pc[t] = Pc.ALLOC_NOWAIT;
        return next.build();
    }

    /** modern: woken by mempool_free, finish_wait, and retry with the full mask. */
    MempoolState finishWait(MempoolState s, int t) {
        if (s.pc[t] != Pc.IO_SCHEDULE || s.tstate[t] != TaskState.RUNNING) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        next.waitq = WaitQueue.remove(s.waitq, t);
        next.fullMask[t] = true;
        next.pc[t] = Pc.ALLOC;
        return next.build();
    }

    /**
     * modern: io_schedule_timeout(5*HZ) expires without a wake-up.  Not fair: the timeout
     * papers over lost wake-ups (0b1d647a02c5), and AllocReturns must hold without it.
     */
    MempoolState ioScheduleTimeout(MempoolState s, int t) {
        if (!p.poolWaitTimeout || s.pc[t] != Pc.IO_SCHEDULE || s.tstate[t] != TaskState.UNINTERRUPTIBLE) {
            return null;
        }
        MempoolState.Builder next = s.edit();
        next.waitq = WaitQueue.remove(s.waitq, t);
        next.tstate[t] = TaskState.RUNNING;
        next.fullMask[t] = true;
        next.pc[t] = Pc.ALLOC;
        return next.build();
    }
}
