package reservecheck.impl.mempool;

import java.util.Random;

import reservecheck.models.mempool.Pc;
import reservecheck.models.mempool.TaskState;

/**
 * One caller of the pool, its task_struct as far as Mempool.tla goes.  {@code tstate} is
 * TASK_UNINTERRUPTIBLE or TASK_RUNNING, kept explicitly and shared: a task sleeps
 * (Object.wait on the pool) exactly while it is TASK_UNINTERRUPTIBLE, and a waker writes
 * TASK_RUNNING and then calls notifyAll, as try_to_wake_up sets the state the sleeper's
 * schedule() loop tests.  Read and written under the pool's monitor.
 *
 * <p>The task's other spec variables (pc, held, rounds_left, full_mask, plugged, snap,
 * saw_empty) are its own: only its thread writes them, and while it runs they live in its
 * {@link Trace}.  The fields here hold their initial values, and the final ones once the task
 * settles (its thread ends), for the final checks.
 */
final class Task {
    final int index;
    final String name;
    /** In irqs: GFP_ATOMIC, never sleeps. */
    final boolean irq;
    /** The caller's gfp mask: GFP_KERNEL-like for process context, GFP_ATOMIC in irq context. */
    final int gfpMask;
    /** PF_MEMALLOC (reclaim, swap-out): may allocate below the min watermark unless __GFP_NOMEMALLOC. */
    final boolean pfMemalloc;

    /** A {@link TaskState} code. */
    int tstate = TaskState.RUNNING;
    /** In schedule()/io_schedule(): waiting on the pool's monitor for a wake-up. */
    boolean sleeping;
    /** ... and that sleep is timed (io_schedule_timeout run with a real timeout). */
    boolean sleepTimed;
    /** The thread body ended (all rounds done, or it failed). */
    boolean finished;

    // initial, then final values (see above)
    /** A {@link Pc} code. */
    int pc = Pc.IDLE;
    int held;
    int roundsLeft;
    boolean fullMask;
    int plugged;
    int snap;
    boolean sawEmpty;

    /** Plain-JVM runs only: random yields between steps (null under the checkers). */
    Random jitter;

    Task(int index, String name, boolean irq, boolean pfMemalloc, int rounds) {
        this.index = index;
        this.name = name;
        this.irq = irq;
        this.gfpMask = irq ? Gfp.ATOMIC : Gfp.KERNEL;
        this.pfMemalloc = pfMemalloc && !irq;
        this.roundsLeft = rounds;
    }

    /** Asleep on pool->wait and not woken: schedule()/io_schedule() will not return by itself. */
    boolean asleep() {
        return sleeping && tstate == TaskState.UNINTERRUPTIBLE;
    }

    /** The task's thread ends: its own variables' final values become visible here. */
    void settle(Trace tr) {
        pc = tr.pc;
        held = tr.held;
        roundsLeft = tr.roundsLeft;
        fullMask = tr.fullMask;
        plugged = tr.plugged;
        snap = tr.snap;
        sawEmpty = tr.sawEmpty;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return name;
    }
}
