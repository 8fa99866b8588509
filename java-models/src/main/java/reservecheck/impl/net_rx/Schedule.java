package reservecheck.impl.net_rx;

import reservecheck.models.net_rx.NetRxParams;

/**
 * A schedule-only record (action and task per step, NetRxKernel.scheduleOnly) run again on
 * one thread, to the full record of states the event log is decoded from: the same kernel
 * code, the steps in the recorded order, each required to be enabled where the schedule has it.
 */
final class Schedule {
    private Schedule() {
    }

    /** The full record (initial snapshot, then label, task, snapshot per step) of the schedule. */
    static int[] states(NetRxParams p, int[] schedule) {
        NetRxKernel k = new NetRxKernel(p, new int[0], true, false, false, 1);
        for (int i = 0; i + 1 < schedule.length; i += 2) {
            k.replayStep(schedule[i], schedule[i + 1]);
        }
        synchronized (k) {
            return k.recordCopy();
        }
    }
}
