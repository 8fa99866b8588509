package reservecheck.impl.common;

/**
 * The bookkeeping of a run whose tasks step under one monitor (the protocol's kernel object):
 * who runs, who sleeps and has tested its wait condition against the current state, who ended,
 * what failed, and when the run has settled (every task ended, one failed, or every running one
 * sleeps with nothing new to test: a hang) for the harness's main thread, which waits on a
 * {@link SettledLatch} of its own.  A protocol keeps its state and steps; every method here but
 * {@link #awaitEnd} and {@link #pointBetweenSteps} is called holding the monitor.
 *
 * <p>It also says which task a loop of the run starves ({@link #starvedSince}) and lets it run
 * ({@link #giveWay}): a livelock is judged on a loop every task takes part in, as under a
 * weakly fair scheduler, not on one a model checker made by never switching to a task.
 * JPF-safe: arrays, {@code synchronized}, {@code wait} and {@code notifyAll} only.
 */
public final class StepRun {
    /** A task stops stepping when another one failed. */
    public static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("another task failed", null, false, false);
        }
    }

    private final Object monitor;
    private final boolean[] sleeping;
    /** Task t tested its condition after the last step (a flag, not a counter: JPF matches states). */
    private final boolean[] fresh;
    private final boolean[] ended;
    /** Per task, the step count after its last step and when it last found its condition false. */
    private final int[] lastStep;
    private final int[] lastTest;
    private int running;
    private int steps;
    private int current;
    private Throwable failure;
    /** The tasks some task waits for in {@link #giveWay}. */
    private final boolean[] waitedFor;
    private final SettledLatch latch = new SettledLatch();
    /** Read between steps (see {@link #pointBetweenSteps}); never written. */
    private int stepsSeen;
    private final boolean pointsBetweenSteps;
    /** Counting steps per task costs JPF its state matching; only recording runs need it. */
    private final boolean countSteps;

    /**
     * @param countSteps keep the step counts a loop's judgement needs (recording runs only: a
     *                   counter that grows makes every state new to JPF)
     */
    public StepRun(Object monitor, int tasks, boolean countSteps, boolean pointsBetweenSteps) {
        this.monitor = monitor;
        this.sleeping = new boolean[tasks];
        this.fresh = new boolean[tasks];
        this.ended = new boolean[tasks];
        this.lastStep = new int[tasks];
        this.lastTest = new int[tasks];
        this.waitedFor = new boolean[tasks];
        this.countSteps = countSteps;
        this.pointsBetweenSteps = pointsBetweenSteps;
    }

    /** Every task's thread is about to start (called holding the monitor before they start). */
    public void starting() {
        running = sleeping.length;
    }

    /** Task t enters a step; a failure elsewhere stops it. */
    public void begin(int t) {
        if (failure != null) {
            throw new Stop();
        }
        current = t;
    }

    /** The current task took a step: every sleeper must test its condition again.  Returns the step count. */
    public int stepped() {
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = false;
        }
        if (countSteps) {
            steps++;
            lastStep[current] = steps;
        }
        monitor.notifyAll();
        return steps;
    }

    /** The run failed with {@code t} (the first failure is kept); the others stop at their next step. */
    public void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    public Throwable failure() {
        return failure;
    }

    /** Task t found its condition false: it sleeps until a step wakes it to test again. */
    public void sleep(int t) throws InterruptedException {
        begin(t);
        sleeping[t] = true;
        fresh[t] = true;
        lastTest[t] = steps;
        notifyIfSettled();
        if (waitedFor[t]) {
            // a task waits in giveWay for this one to step or test: it has tested.  Only the
            // waited-for task wakes it: sleepers that woke each other would keep the monitor
            // from the starved task (Java monitors are not fair)
            waitedFor[t] = false;
            monitor.notifyAll();
        }
        monitor.wait();
        sleeping[t] = false;
        begin(t);
    }

    /** Task t's thread ends, with what failed it (a {@link Stop} is not a failure). */
    public void ended(int t, Throwable failed) {
        running--;
        ended[t] = true;
        if (failed != null && !(failed instanceof Stop)) {
            fail(failed);
        }
        monitor.notifyAll();
        notifyIfSettled();
    }

    /** Every running task sleeps and has tested its condition against the current state. */
    public boolean hung() {
        if (running == 0) {
            return false;
        }
        int n = 0;
        for (int t = 0; t < sleeping.length; t++) {
            if (sleeping[t]) {
                if (!fresh[t]) {
                    return false;
                }
                n++;
            }
        }
        return n == running;
    }

    private void notifyIfSettled() {
        if (failure != null || running == 0 || hung()) {
            latch.settle();
        }
    }

    /**
     * The harness's main thread (not holding the monitor): waits until the run settled.  On a
     * hang {@code onHang} runs holding the monitor (the sink gets the record); then, unless
     * {@code stopOnHang}, the main thread waits for ever like the tasks, so that a checker that
     * reports threads that never run again (Lincheck's hang, JPF's deadlock) sees them all stuck.
     *
     * @return true when the run ended (every task done, or one failed), false on a hang
     */
    public boolean awaitEnd(boolean stopOnHang, Runnable onHang) throws InterruptedException {
        latch.await();
        synchronized (monitor) {
            if (failure != null || running == 0) {
                return true;
            }
            if (onHang != null) {
                onHang.run();
            }
            if (stopOnHang) {
                return false;
            }
        }
        latch.blockForever();
        return false;
    }

    /**
     * A task that neither stepped nor tested its wait condition since step {@code from}, or -1:
     * a loop from there that goes round for ever without it starves it, which no weakly fair
     * scheduler does.
     */
    public int starvedSince(int from) {
        for (int t = 0; t < lastStep.length; t++) {
            if (t != current && !ended[t] && lastStep[t] <= from && lastTest[t] < from) {
                return t;
            }
        }
        return -1;
    }

    /**
     * Lets a starved task run, as a fair scheduler would: waits (the monitor released) until it
     * has stepped, tested its condition or ended.
     */
    public void giveWay(int starved) {
        int me = current;
        int since = steps;
        waitedFor[starved] = true;
        try {
            while (failure == null && !ended[starved] && lastStep[starved] <= since && lastTest[starved] < since) {
                monitor.wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop();
        }
        current = me;
    }

    /**
     * Points between two steps, outside the monitor: with pointsBetweenSteps, eight reads of
     * shared memory, each at its own place in the code (a loop reads to Lincheck as a spinning
     * thread).  Lincheck switches threads only at shared-memory accesses and chooses among all of
     * a run's; a step makes many under the monitor, where a switch changes nothing, so without
     * these the step boundaries, where switches matter, are a small share of its choices.  A
     * kernel may be preempted there too, so no behaviour is added.
     */
    public void pointBetweenSteps() {
        if (!pointsBetweenSteps) {
            return;
        }
        int seen = stepsSeen;
        seen |= stepsSeen;
        seen |= stepsSeen;
        seen |= stepsSeen;
        seen |= stepsSeen;
        seen |= stepsSeen;
        seen |= stepsSeen;
        seen |= stepsSeen;
        if (seen != 0) {
            throw new IllegalStateException("never written: only read, as points to switch at");
        }
    }
}
