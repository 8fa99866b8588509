package reservecheck.impl.mempool;

import java.util.Random;

import reservecheck.impl.common.SettledLatch;
import reservecheck.models.mempool.MempoolParams;
import reservecheck.models.mempool.Pc;
import reservecheck.models.mempool.TaskState;

/**
 * A mempool (mm/mempool.c) that real threads run: the 2001 "five levels" mempool_alloc and the
 * modern one, mempool_free, and the steps a caller takes around them, written after the kernel
 * code.  Each action of specs/mempool/Mempool.tla is one step of this code, and every step is
 * one {@code synchronized} section on the pool (the spec makes each action atomic: a critical
 * section under pool->lock, or one call into the page allocator, which is simulated and shares
 * the monitor).  A step ends with {@link #endStep}: the step goes into the task's trace and
 * the configured spec invariants that the step could have broken are checked.
 *
 * <p>Sleeping is Object.wait on the pool's monitor while the task's explicit state is
 * TASK_UNINTERRUPTIBLE; waking sets TASK_RUNNING as the spec's WakeUp does (the first
 * sleeper of the exclusive FIFO queue in 2001, every queued task in the modern design) and
 * then notifyAll (never notify: a woken thread must be the one whose state changed, and
 * notify picks any).
 *
 * <p>Every step method takes the calling task's {@link Trace}, which only that task's thread
 * holds.  The historical bugs are settings of {@link Policy}.  Only the JPF-safe subset of
 * Java is used: synchronized, wait, notifyAll, arrays, plain classes.
 */
public final class Mempool implements SettledLatch.Run<RunTrace> {
    /** The modern io_schedule_timeout(5*HZ), scaled down for test runs. */
    static final long POOL_WAIT_TIMEOUT_MS = 5;

    /**
     * How the modern timed sleep is run.  UNFAIR: an untimed wait, i.e. the timeout may never
     * fire.  That is the spec's reading (io_schedule_timeout is not a fair action: the timeout
     * papers over lost wake-ups, and AllocReturns must hold without it), and it lets a checker
     * see a sleeper nobody will wake as a hang.  TIMED: wait(ms), and a return still
     * TASK_UNINTERRUPTIBLE is the timeout firing, as io_schedule_timeout returns.
     */
    public static final int SLEEP_UNFAIR = 0;
    public static final int SLEEP_TIMED = 1;

    // return codes of one mempool_alloc call
    static final int GOT_NULL = 0;
    static final int GOT_ELEMENT = 1;
    static final int GOT_REQUEST = 2;
    /** removeElement: the pool has fewer elements than the call needs (the failure path). */
    static final int POOL_SHORT = -1;
    /** removeElement: the lock fault tested curr_nr without the lock; the removal is a step of its own. */
    static final int TESTED_UNLOCKED = 3;

    final Policy policy;
    /** mempool_alloc's two designs, steps on this object's monitor (AllocModern, Alloc2001). */
    private final AllocModern allocModern = new AllocModern(this);
    private final Alloc2001 alloc2001 = new Alloc2001(this);
    final PageAllocator pages;
    private final Task[] tasks;
    private final int rounds;
    /** pool->curr_nr */
    int currNr;
    /** pool->wait: the tasks on the wait queue in arrival order (the spec's waitq). */
    private final Task[] waitq;
    private int waitqLen;
    /** The sums of held and plugged over the tasks (Conservation without a pass over them). */
    private int sumHeld;
    private int sumPlugged;
    private final int sleepMode;
    /** Bit i set: invariant with MempoolChecks code i is checked after every step. */
    private final int invariantMask;

    private final boolean record;
    private final boolean pointsBetweenSteps;
    private final String[] taskNames;
    /** The initial state's words (RunTrace layout). */
    private final int[] initWords;
    /** Per task, the last copy of its trace it published (after each of its steps). */
    private final int[][] published;
    /** Steps taken, in monitor order (only counted while recording: JPF must match states). */
    private int steps;

    private Throwable failure;

    /**
     * A forced order of steps (replaying a trace on the implementation), or null: step k must
     * be taken by task {@code scheduleTasks[k]} and be the action {@code scheduleLabels[k]}
     * (Trace codes).  See {@link #awaitTurn}.  Final, so that without a schedule the gate adds
     * no read of shared memory to a step: Lincheck and JPF switch threads at such reads, and
     * would explore other interleavings than they do without the gate.
     */
    private final int[] scheduleTasks;
    private final int[] scheduleLabels;
    /** The next step of the schedule (guarded by this). */
    private int turn;

    /** Where the harness's main thread waits for the run to settle (see notifyIfSettled). */
    /** The harness's main thread waits here ({@link SettledLatch#awaitEnd}). */
    final SettledLatch settledLatch = new SettledLatch();

    /**
     * A pool as mempool_init leaves it, with its callers.
     *
     * @param invariants the spec invariants to check after every step (the variant's checks)
     * @param sleepMode  {@link #SLEEP_UNFAIR} or {@link #SLEEP_TIMED}
     * @param record     keep the tasks' traces (off under JPF: growing traces defeat its state
     *                   matching)
     */
    public Mempool(MempoolParams p, String[] invariants, int sleepMode, boolean record) {
        this(p, MempoolChecks.codes(invariants), sleepMode, record, false);
    }

    /**
     * The same with the invariants already resolved to MempoolChecks codes.
     *
     * @param pointsBetweenSteps read shared memory between steps (see {@link #jitter})
     */
    Mempool(MempoolParams p, int[] invariants, int sleepMode, boolean record, boolean pointsBetweenSteps) {
        this(p, invariants, sleepMode, record, pointsBetweenSteps, null, null);
    }

    /**
     * The same, made to follow a schedule when {@code scheduleTasks} is not null: the k-th step
     * is taken by task {@code scheduleTasks[k]} and must be the action {@code scheduleLabels[k]}
     * (Trace codes); see {@link #awaitTurn}.
     */
    Mempool(MempoolParams p, int[] invariants, int sleepMode, boolean record, boolean pointsBetweenSteps,
            int[] scheduleTasks, int[] scheduleLabels) {
        this.scheduleTasks = scheduleTasks == null ? null : scheduleTasks.clone();
        this.scheduleLabels = scheduleLabels == null ? null : scheduleLabels.clone();
        this.policy = new Policy(p);
        this.pointsBetweenSteps = pointsBetweenSteps;
        this.rounds = p.rounds;
        this.sleepMode = sleepMode;
        int mask = 0;
        for (int inv : invariants) {
            mask |= 1 << inv;
        }
        this.invariantMask = mask;
        int n = p.taskCount();
        this.pages = new PageAllocator(this, p.initFreePages + p.emergencyPages, p.initCleanPages,
                p.initDirtyPages, p.emergencyPages);
        this.tasks = new Task[n];
        this.waitq = new Task[n];
        this.taskNames = new String[n];
        for (int i = 0; i < n; i++) {
            tasks[i] = new Task(i, p.taskName(i), p.isIrq(i), p.pfMemalloc, p.rounds);
            taskNames[i] = tasks[i].name;
        }
        // mempool_init preallocates max(1, min_nr) since a5867a218d7c, min_nr before
        this.currNr = policy.preallocated();
        this.record = record;
        this.published = new int[n][];
        if (record) {
            this.initWords = initialWords();
            for (int i = 0; i < n; i++) {
                published[i] = new int[0];
            }
        } else {
            this.initWords = null;
        }
    }

    /**
     * The turn gate, called holding the monitor at the start of every step: with a schedule,
     * the task waits until the next step is its own, so the steps happen in exactly the
     * schedule's order whatever the JVM's scheduler does (each step is one synchronized section
     * and reads the pool only after this).  A task whose turn it is but which sleeps with
     * nobody to wake it, or has finished, cannot take it: the implementation has left the
     * schedule, and the run fails saying where.  After the schedule's last step the tasks run
     * freely; in a hung run every unfinished task sleeps by then, so nothing more happens.
     * Only wait and notifyAll (JPF-safe); endStep moves the turn on and wakes the waiters.
     */
    void awaitTurn(Task t) throws InterruptedException {
        if (scheduleTasks == null) {
            return;
        }
        while (turn < scheduleTasks.length && scheduleTasks[turn] != t.index) {
            Task next = tasks[scheduleTasks[turn]];
            if (next.finished || next.asleep()) {
                String why = "step " + (turn + 1) + " of the schedule is " + Action.label(scheduleLabels[turn]) + "("
                        + next.name + "), but " + next.name + (next.finished ? " has finished" : " sleeps on the pool");
                turn = scheduleTasks.length;
                if (failure == null) {
                    failure = new AssertionError(why);
                }
                notifyAll();
                notifyIfSettled();
                return;
            }
            wait();
        }
    }

    /**
     * Why the schedule was not followed to its end, or null (also without a schedule, and when
     * the gate already failed the run).  Called holding the monitor once the run has settled:
     * a run can settle before the schedule's end when the task whose turn it is sleeps or has
     * finished and no other task is left to notice at the gate.
     */
    String scheduleUnfinished() {
        if (scheduleTasks == null || turn >= scheduleTasks.length) {
            return null;
        }
        Task next = tasks[scheduleTasks[turn]];
        return "step " + (turn + 1) + " of the schedule is " + Action.label(scheduleLabels[turn]) + "(" + next.name
                + "), but " + next.name + (next.finished ? " has finished" : next.asleep() ? " sleeps on the pool"
                : " never took it");
    }

    /** The schedule's check of a step that just ended: its action must be the scheduled one. */
    private void takeTurn(int label, Task t) {
        if (scheduleTasks == null || turn >= scheduleTasks.length) {
            return;
        }
        int k = turn++;
        notifyAll();
        if (scheduleLabels[k] != label) {
            turn = scheduleTasks.length;
            throw new AssertionError("step " + (k + 1) + " of the schedule is " + Action.label(scheduleLabels[k]) + "("
                    + t.name + "), but the implementation took " + Action.label(label) + "(" + t.name + ")");
        }
    }

    /**
     * The initial state in RunTrace's layout.  Written without a loop over the variables:
     * Lincheck 3.7 takes a loop of ten or more iterations in the only thread running for a
     * possible spin loop, and then explores just a handful of interleavings of what follows.
     */
    private int[] initialWords() {
        int n = tasks.length;
        int[] w = new int[5 + 8 * n];
        w[0] = currNr;
        w[1] = pages.freePages();
        w[2] = pages.cleanPages();
        w[3] = pages.dirtyPages();
        w[4] = 0;
        for (int i = 0; i < n; i++) {
            Task t = tasks[i];
            w[5 + i] = t.pc;
            w[5 + n + i] = t.held;
            w[5 + 2 * n + i] = t.roundsLeft;
            w[5 + 3 * n + i] = t.fullMask ? 1 : 0;
            w[5 + 4 * n + i] = t.plugged;
            w[5 + 5 * n + i] = t.snap;
            w[5 + 6 * n + i] = t.tstate;
            w[5 + 7 * n + i] = t.sawEmpty ? 1 : 0;
        }
        return w;
    }

    // ---- the caller's side: one request, its elements given back ---------------------------

    /**
     * The caller's request: mempool_alloc (one call per element, each holding the earlier
     * ones, or one mempool_alloc_bulk for all of them).  True when the caller holds the
     * request's elements, false when mempool_alloc returned NULL.
     */
    boolean request(Task t, Trace tr) throws InterruptedException {
        jitter(t);
        synchronized (this) {
            awaitTurn(t);
            // the caller enters mempool_alloc
            setPc(t, allocStart(), tr);
            setFullMask(t, false, tr);
            setSawEmpty(t, false, tr);
            if (policy.freeReadsStale()) {
                // without smp_rmb in mempool_free (before 5b990546e334) this CPU may still see
                // this curr_nr when it frees the element it is about to get
                setSnap(t, currNr, tr);
            }
            endStep(Action.MEMPOOL_ALLOC, t, tr);
        }
        while (true) {
            int got = policy.design2001 ? alloc2001.mempoolAlloc2001(t, tr) : allocModern.mempoolAllocModern(t, tr);
            if (got != GOT_ELEMENT) {
                return got == GOT_REQUEST;
            }
        }
    }

    /**
     * The caller gives one element back.  Returns the elements it still holds, or, once the
     * request is over, 0 if more requests follow and -1 if that was its last.
     */
    int mempoolFree(Task t, Trace tr) throws InterruptedException {
        jitter(t);
        synchronized (this) {
            awaitTurn(t);
            // smp_rmb(); if (unlikely(READ_ONCE(pool->curr_nr) < pool->min_nr)) ...
            returnElement(policy.currNrSeenByFree(tr.snap, currNr), tr);
            int held = tr.held - 1;
            setHeld(t, held, tr);
            int left = held;
            if (held == 0) {
                // the request's last element: the request is over
                int roundsLeft = tr.roundsLeft - 1;
                setRoundsLeft(t, roundsLeft, tr);
                setPc(t, roundsLeft == 0 ? Pc.DONE : Pc.IDLE, tr);
                left = roundsLeft == 0 ? -1 : 0;
            }
            endStep(Action.MEMPOOL_FREE, t, tr);
            return left;
        }
    }

    /**
     * gfp_nowait_keeps_io: once mempool_alloc has returned, the caller's plug is flushed; the
     * writeback bio is submitted, completes, and bio_put gives its element back through
     * mempool_free; the page is clean now.
     */
    void bioEndio(Task t, Trace tr) throws InterruptedException {
        jitter(t);
        synchronized (this) {
            awaitTurn(t);
            returnElement(currNr, tr);
            setPlugged(t, 0, tr);
            pages.writebackDone(tr);
            endStep(Action.BIO_ENDIO, t, tr);
        }
    }

    /** An irq caller copes with NULL (drops the packet, retries later); true if it is done. */
    boolean returnNull(Task t, Trace tr) throws InterruptedException {
        jitter(t);
        synchronized (this) {
            awaitTurn(t);
            int roundsLeft = tr.roundsLeft - 1;
            setRoundsLeft(t, roundsLeft, tr);
            setPc(t, roundsLeft == 0 ? Pc.DONE : Pc.IDLE, tr);
            endStep(Action.RETURN_NULL, t, tr);
            return roundsLeft == 0;
        }
    }

    // ---- pool internals (called holding the monitor) -----------------------------------

    /**
     * mempool_free's decision on the curr_nr it read ({@code seen}), re-tested under the
     * lock: the element goes back into a short pool and wakes waiters, else to the allocator.
     */
    private void returnElement(int seen, Trace tr) {
        if (seen < policy.minNr) {
            // spin_lock_irqsave; if (likely(pool->curr_nr < pool->min_nr))
            if (currNr < policy.minNr) {
                addElement(tr);
                return;
            }
        }
        if (policy.zeroMinRefill() && policy.minNr == 0 && seen == 0) {
            // a5867a218d7c: a zero-minimum pool keeps one element, and refilling it must
            // wake the waiters, or they sleep until the timeout
            if (currNr == 0) {
                addElement(tr);
                return;
            }
        }
        // pool->free(element, pool->pool_data)
        pages.freePage(tr);
    }

    /** add_element; spin_unlock; wake_up(&pool->wait). */
    private void addElement(Trace tr) {
        setCurrNr(currNr + 1, tr);
        wakeUp(tr);
    }

    /**
     * gfp_nowait_keeps_io: the writeback that a failed non-blocking call started allocates its
     * bio from this same pool (only when an element is there; see the catalog's not_modelled).
     */
    boolean allocWritebackBio(Task t, Trace tr) {
        if (currNr == 0) {
            return false;
        }
        setCurrNr(currNr - 1, tr);
        setPlugged(t, 1, tr);
        return true;
    }

    /**
     * wake_up(&pool->wait): 2001 waiters joined with add_wait_queue_exclusive, so only the
     * first one in FIFO order still TASK_UNINTERRUPTIBLE is woken; modern waiters joined with
     * prepare_to_wait (not exclusive), so every queued task becomes TASK_RUNNING.
     */
    private void wakeUp(Trace tr) {
        if (policy.wakeNobody) {
            return;
        }
        boolean woke = false;
        for (int i = 0; i < waitqLen; i++) {
            Task w = waitq[i];
            if (w.tstate == TaskState.UNINTERRUPTIBLE) {
                setTstate(w, TaskState.RUNNING, tr);
                woke = true;
                if (policy.design2001 || policy.wakeFirstOnly) {
                    break;
                }
            }
        }
        if (woke) {
            notifyAll();
        }
    }

    /**
     * Sleeps while TASK_UNINTERRUPTIBLE.  True when a wake-up made the task TASK_RUNNING; false
     * when a timed sleep returned still TASK_UNINTERRUPTIBLE (the timeout fired: the spec lets
     * io_schedule_timeout happen at any time, so an early or spurious return is one of its
     * behaviours too).
     */
    boolean sleep(Task t, boolean timed) throws InterruptedException {
        t.sleeping = true;
        t.sleepTimed = timed;
        // the harness's main thread watches for the moment nobody can run any more
        notifyIfSettled();
        boolean woken = true;
        while (t.tstate == TaskState.UNINTERRUPTIBLE) {
            if (timed) {
                wait(POOL_WAIT_TIMEOUT_MS);
                if (t.tstate == TaskState.UNINTERRUPTIBLE) {
                    woken = false;
                    break;
                }
            } else {
                wait();
            }
        }
        t.sleeping = false;
        t.sleepTimed = false;
        // the step after the sleep (finish_wait, schedule's return, the timeout) waits for its
        // turn too.  Here rather than at the callers: a local holding the result there would stay
        // in the caller's frame, and JPF, which compares frames, would match fewer states
        awaitTurn(t);
        return woken;
    }

    boolean timedSleep() {
        return sleepMode == SLEEP_TIMED && policy.poolWaitTimeout();
    }

    /** Need(t): one element per mempool_alloc, or the rest of the request in bulk. */
    int need(Trace tr) {
        return policy.bulk ? policy.requestElements - tr.held : 1;
    }

    /**
     * The task got n elements, ending the step: the request is complete, or (one element per
     * call, holding the earlier ones) its next mempool_alloc begins.
     */
    int got(Task t, int n, Action action, Trace tr) {
        int held = tr.held + n;
        setHeld(t, held, tr);
        boolean complete = held == policy.requestElements;
        setPc(t, complete ? Pc.HOLD : allocStart(), tr);
        // a new mempool_alloc call starts with the reduced first-round mask again
        setFullMask(t, false, tr);
        endStep(action, t, tr);
        return complete ? GOT_REQUEST : GOT_ELEMENT;
    }

    /**
     * remove_element(pool), n times, if the pool has them: called holding the monitor inside
     * the step that took the pool lock (both designs' mempool_alloc).  Returns what got()
     * returns once the elements are taken, POOL_SHORT when there are too few, or, with the lock
     * fault, TESTED_UNLOCKED: the test passed without the lock, and the removal
     * (removeUnlocked) comes in a step of its own, so another task may take the element first.
     */
    int removeElement(Task t, int n, Trace tr) {
        if (currNr < n || currNr == 0) {
            return POOL_SHORT;
        }
        if (policy.currNrTestUnlocked) {
            setPc(t, Pc.REMOVE_UNLOCKED, tr);
            endStep(Action.REMOVE_ELEMENT, t, tr);
            return TESTED_UNLOCKED;
        }
        setCurrNr(currNr - n, tr);
        return got(t, n, Action.REMOVE_ELEMENT, tr);
    }

    /**
     * The lock fault's second step: remove the elements whose presence was tested without the
     * pool lock, without testing again, so two tasks that both saw the last element both take
     * it (curr_nr below 0: CurrNrBounds).
     */
    int removeUnlocked(Task t, Trace tr) throws InterruptedException {
        jitter(t);
        synchronized (this) {
            awaitTurn(t);
            int n = need(tr);
            setCurrNr(currNr - n, tr);
            return got(t, n, Action.REMOVE_UNLOCKED, tr);
        }
    }

    int allocStart() {
        return policy.design2001 ? Pc.ALLOC_NOWAIT : Pc.ALLOC;
    }

    // ---- steps: the trace and the invariants ------------------------------------------------

    /**
     * The end of one step, still holding the monitor: the step's terminator goes into the
     * task's trace, which is published, then every configured invariant that reads a variable
     * the step wrote must hold in the new state.
     */
    void endStep(Action action, Task t, Trace tr) {
        int label = action.ordinal();
        takeTurn(label, t);
        String broken = MempoolChecks.afterStep(this, invariantMask, t, tr);
        if (record) {
            tr.end(steps++, label);
            published[t.index] = tr.snapshot();
        } else {
            tr.end(0, label);
        }
        if (broken != null) {
            int sp = broken.indexOf(' ');
            String detail = "after " + Action.label(label) + "(" + t.name + ")"
                    + (record ? " (step " + steps + ")" : "") + ": " + broken.substring(sp + 1);
            throw new InvariantViolation(broken.substring(0, sp), detail);
        }
    }

    void setCurrNr(int v, Trace tr) {
        currNr = v;
        tr.delta(EventLog.CURR_NR, 0, v);
    }

    void setPc(Task t, int v, Trace tr) {
        tr.delta(EventLog.PC, t.index, v);
    }

    private void setHeld(Task t, int v, Trace tr) {
        // only t's thread changes t's held: tr.held is its current value
        sumHeld += v - tr.held;
        tr.delta(EventLog.HELD, t.index, v);
    }

    private void setRoundsLeft(Task t, int v, Trace tr) {
        tr.delta(EventLog.ROUNDS_LEFT, t.index, v);
    }

    void setFullMask(Task t, boolean v, Trace tr) {
        tr.delta(EventLog.FULL_MASK, t.index, v ? 1 : 0);
    }

    private void setPlugged(Task t, int v, Trace tr) {
        sumPlugged += v - tr.plugged;
        tr.delta(EventLog.PLUGGED, t.index, v);
    }

    void setSnap(Task t, int v, Trace tr) {
        tr.delta(EventLog.SNAP, t.index, v);
    }

    void setTstate(Task t, int v, Trace tr) {
        t.tstate = v;
        tr.delta(EventLog.TSTATE, t.index, v);
    }

    void setSawEmpty(Task t, boolean v, Trace tr) {
        tr.delta(EventLog.SAW_EMPTY, t.index, v ? 1 : 0);
    }

    /** add_wait_queue_exclusive / prepare_to_wait: to the tail. */
    void waitqAppend(Task t, Trace tr) {
        if (t.irq && (invariantMask & 1 << MempoolChecks.TYPE_OK) != 0) {
            // TypeOK: Range(waitq) \subseteq procs (an atomic caller must never sleep)
            throw new InvariantViolation("TypeOK", "irq task " + t.name + " joins the wait queue");
        }
        waitq[waitqLen++] = t;
        tr.delta(EventLog.WAITQ, t.index, 1);
    }

    /** remove_wait_queue / finish_wait: out of the queue, the others keep their order. */
    void waitqRemove(Task t, Trace tr) {
        int j = 0;
        for (int i = 0; i < waitqLen; i++) {
            if (waitq[i] != t) {
                waitq[j++] = waitq[i];
            }
        }
        for (int i = j; i < waitqLen; i++) {
            waitq[i] = null;
        }
        waitqLen = j;
        tr.delta(EventLog.WAITQ, t.index, 0);
    }

    // ---- what the harness and the invariants read (holding the monitor) ---------------------

    int currNr() {
        return currNr;
    }

    int capacity() {
        return policy.preallocated();
    }

    PageAllocator pages() {
        return pages;
    }

    Task[] tasks() {
        return tasks;
    }

    int rounds() {
        return rounds;
    }

    int requestElements() {
        return policy.requestElements;
    }

    int sumHeld() {
        return sumHeld;
    }

    int sumPlugged() {
        return sumPlugged;
    }

    int waitqLength() {
        return waitqLen;
    }

    Task waitqAt(int i) {
        return waitq[i];
    }

    /** What the run recorded so far (call holding the monitor), or null when not recording. */
    RunTrace runTrace() {
        return record ? new RunTrace(taskNames, initWords, published.clone()) : null;
    }

    /** For {@link SettledLatch#awaitEnd}: the record a hung run hands its sink, if it records. */
    @Override
    public RunTrace record() {
        return record ? runTrace() : null;
    }

    /** The event log so far, decoded, or null when not recording. */
    public EventLog log() {
        RunTrace r;
        synchronized (this) {
            r = runTrace();
        }
        return r == null ? null : r.decode();
    }

    // ---- the run's end, as the harness's main thread sees it --------------------------------

    /** A task's thread ended after its last round. */
    synchronized void taskFinished(Task t, Trace tr) {
        t.settle(tr);
        t.finished = true;
        notifyIfSettled();
    }

    /** A task's thread ended with an exception: the run has failed. */
    synchronized void taskFailed(Task t, Trace tr, Throwable e) {
        t.settle(tr);
        t.finished = true;
        if (failure == null) {
            failure = e;
        }
        notifyIfSettled();
    }

    synchronized Throwable failure() {
        return failure;
    }

    synchronized boolean allFinished() {
        for (Task t : tasks) {
            if (!t.finished) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every unfinished task sleeps on the pool, TASK_UNINTERRUPTIBLE, and nobody is left to
     * wake it: the spec state has no fair step (TaskProgress) for anyone.  Stable once true.
     * A sleeper whose sleep is really timed is not stuck: its timeout will fire.
     */
    synchronized boolean hung() {
        boolean someAsleep = false;
        for (Task t : tasks) {
            if (t.finished) {
                continue;
            }
            if (!t.asleep() || t.sleepTimed) {
                return false;
            }
            someAsleep = true;
        }
        return someAsleep && failure == null;
    }

    /**
     * Called holding the monitor whenever a task finishes, fails or goes to sleep: once every
     * task has finished or sleeps with nobody to wake it (or one failed), nothing changes any
     * more, and the harness's main thread is woken.  It waits on a monitor of its own, so the
     * pool's wake-ups never wake it: a checker explores no steps of the main thread in between.
     */
    private void notifyIfSettled() {
        if (failure == null) {
            for (Task t : tasks) {
                if (!t.finished && (!t.asleep() || t.sleepTimed)) {
                    return;
                }
            }
        }
        settledLatch.settle();
    }

    /** For {@link SettledLatch#awaitEnd}, holding the monitor: finished or failed, not hung. */
    @Override
    public boolean ended() {
        return failure != null || allFinished();
    }

    /**
     * A point between two steps.  With pointsBetweenSteps, one read of shared memory (the
     * task's jitter field), and on a plain JVM with a seed a random yield.  Lincheck switches
     * threads only at accesses to shared memory and spreads its switches over all of them; a
     * step has a few inside it, where a switch changes nothing (the other threads wait for the
     * monitor), so a point between steps raises the share of switches that reorder steps: the
     * D2 lost wake-up is found in about half the interleavings.  JPF switches threads at every
     * monitor entry already, and there the read would only add states (about 30%).
     */
    void jitter(Task t) {
        if (!pointsBetweenSteps) {
            return;
        }
        Random r = t.jitter;
        if (r != null && r.nextInt(3) == 0) {
            Thread.yield();
        }
    }
}
