package reservecheck.impl.reserve_tree;

import reservecheck.models.reserve_tree.ReserveTreeParams;

/**
 * A recorded schedule run again: the steps of a schedule-only record (label and actor per
 * step, what a Lincheck run keeps) taken one after another on one thread, on a fresh kernel that
 * records the state after every step.  The implementation is deterministic given the order
 * of its steps, so this gives the run's states exactly; it also checks that each step of the
 * schedule is the one its actor takes next (a different label, or a step that would have to
 * sleep, is an error naming the step).
 */
final class Schedule {
    private Schedule() {
    }

    /** The full record (see ReserveTree#recordCopy) of the schedule's run. */
    static int[] states(ReserveTreeParams p, Layout layout, int[] schedule) {
        if (schedule.length % 2 != 0) {
            throw new IllegalArgumentException("a schedule is pairs of label and actor, not " + schedule.length
                    + " words");
        }
        // no invariants: the run goes on to the end of the schedule even past a violation
        ReserveTree k = new ReserveTree(p, layout, new int[0], true, false, 1);
        k.replaying = true;
        for (int i = 0; i < schedule.length; i += 2) {
            int label = schedule[i];
            int actor = schedule[i + 1];
            int before = k.steps;
            try {
                take(k, label, actor);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("step " + (i / 2 + 1) + " " + ReserveTree.LABELS[label] + ": "
                        + e.getMessage(), e);
            }
            int[] rec = k.recordCopy();
            int at = rec.length - 2 - layout.size();
            if (k.steps != before + 1 || rec[at] != label || rec[at + 1] != actor) {
                throw new IllegalStateException("step " + (i / 2 + 1) + " " + ReserveTree.LABELS[label]
                        + ": the actor took " + (k.steps == before ? "no step" : ReserveTree.LABELS[rec[at]])
                        + " instead");
            }
        }
        return k.recordCopy();
    }

    /** The actor's next step: SIGKILL's sender, kswapd and the sysctl writer act for no task. */
    static void take(ReserveTree k, int label, int actor) throws InterruptedException {
        if (label == ReserveTree.SEND_SIGKILL) {
            k.sigkill(actor & 0xFF, 0);
        } else if (actor == ReserveTree.NO_TASK) {
            if (label == ReserveTree.KSWAPD_BALANCE || label == ReserveTree.KSWAPD_SLEEP) {
                k.kswapdStep(0);
            } else {
                k.sysctlStep(0);
            }
        } else if (actor >> 8 == ReserveTree.SWAPFILE) {
            k.swapStep(actor & 0xFF, 0);
        } else if (actor >> 8 == ReserveTree.USER) {
            k.userStep(actor & 0xFF, 0);
        } else {
            k.allocStep(actor & 0xFF, 0);
        }
    }
}
