package reservecheck.impl.alloc_policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import reservecheck.impl.common.StepRun;
import reservecheck.models.alloc_policy.AllocPolicyParams;
import reservecheck.models.alloc_policy.AllocPolicyState;
import reservecheck.models.alloc_policy.Label;

/**
 * The allocation slow path's kernel state and its threads' steps (see {@link AllocPolicyHarness}):
 * the two allocating tasks (task 1 with the entry's gfp class, task 2 the GFP_KERNEL caller the
 * OOM killer picks, which also takes its own exit), kswapd, the writeback flusher and the
 * oom_reaper.
 *
 * <p>Parts.  This class holds every spec variable and each thread's step as a synchronized
 * section; the step's body is in the part after the kernel file it comes from:
 * {@link PageAlloc} (mm/page_alloc.c), {@link Vmscan} (mm/vmscan.c), {@link PageWriteback}
 * (mm/page-writeback.c) and {@link OomKill} (mm/oom_kill.c).  {@link Policy} holds the switches.
 *
 * <p>Locking.  The monitor is held for every step, and every step is exactly one action of
 * specs/alloc_policy/AllocPolicy.tla with the same name.  A thread with no enabled action
 * sleeps ({@code while (!enabled) wait()}, re-tested after every step; every step ends with
 * notifyAll, never notify, which JPF shows loses wake-ups).  A task's position is its pc, a
 * spec variable, so a state of the run is a state of the spec.
 *
 * <p>Record.  With recording on, every step appends its action, its task and a snapshot of the
 * spec variables to {@link #log} (ints); {@link EventLog} decodes it for the model replay.
 */
final class AllocKernel {
    /** The labels a step can carry, by code (the spec's actions but Terminated). */
    static final String[] LABELS = {
        Label.MUTEX_LOCK, Label.GET_PAGE_FROM_FREELIST, Label.ALLOC_FAIL_NORECLAIM, Label.TRY_TO_FREE_PAGES,
        Label.RECLAIM_RETRY, Label.OUT_OF_MEMORY, Label.ALLOC_FAIL, Label.EXIT_MM, Label.OOM_REAP,
        Label.KSWAPD_RECLAIM, Label.WRITEBACK_ALLOC, Label.WRITEBACK_DONE
    };
    static final int MUTEX_LOCK = 0;
    static final int GET_PAGE_FROM_FREELIST = 1;
    static final int ALLOC_FAIL_NORECLAIM = 2;
    static final int TRY_TO_FREE_PAGES = 3;
    static final int RECLAIM_RETRY = 4;
    static final int OUT_OF_MEMORY = 5;
    static final int ALLOC_FAIL = 6;
    static final int EXIT_MM = 7;
    static final int OOM_REAP = 8;
    static final int KSWAPD_RECLAIM = 9;
    static final int WRITEBACK_ALLOC = 10;
    static final int WRITEBACK_DONE = 11;
    /** The task of a background step (exit_mm, oom_reap, kswapd, writeback). */
    static final int NO_TASK = 0;

    /** pc codes: indexes into {@link #PCS}, the model's strings. */
    static final String[] PCS = {
        AllocPolicyState.LOCK, AllocPolicyState.FAST, AllocPolicyState.RECLAIM, AllocPolicyState.OOM,
        AllocPolicyState.GOT, AllocPolicyState.NULL, AllocPolicyState.EXITED
    };
    static final int LOCK = 0;
    static final int FAST = 1;
    static final int RECLAIM = 2;
    static final int OOM = 3;
    static final int GOT = 4;
    static final int NULL = 5;
    static final int EXITED = 6;
    /** victim codes: indexes into {@link #VICTIMS}. */
    static final String[] VICTIMS = {
        AllocPolicyState.NONE, AllocPolicyState.ALIVE, AllocPolicyState.KILLED, AllocPolicyState.EXITED,
        AllocPolicyState.REAPED
    };
    static final int NONE = 0;
    static final int ALIVE = 1;
    static final int KILLED = 2;
    static final int V_EXITED = 3;
    static final int REAPED = 4;

    /** The words of one snapshot of the spec variables. */
    static final int SNAPSHOT = 11;

    final AllocPolicyParams params;
    final Policy policy;
    final PageAlloc pageAlloc;
    final Vmscan vmscan;
    final PageWriteback writeback;
    final OomKill oom;

    // ---- the spec's variables
    int free;
    int clean;
    int dirty;
    int wb;
    private final int[] pc = new int[2];
    /** Lock L's owner (task 1 or 2), 0 when free. */
    int lock;
    int victim;
    // history variables of the invariants
    boolean bandTaken;
    boolean illegalOom;
    boolean killedReclaimable;

    // ---- the run
    final StepRun run;
    private final int[] invariants;
    private final boolean record;
    int[] log;
    int logLength;
    private int steps;
    private AllocPolicyJudge judge;
    private Map<Words, Integer> seenAt;
    /** On a revisit, stop (RevisitedState) for the caller to judge outside a model checker. */
    boolean stopOnRevisit;

    AllocKernel(AllocPolicyParams p, int[] invariants, boolean record, boolean pointsBetweenSteps, int threads) {
        this.params = p;
        this.policy = new Policy(p);
        this.invariants = invariants;
        this.record = record;
        this.run = new StepRun(this, threads, record, pointsBetweenSteps);
        free = p.initFree;
        clean = p.cleanPages;
        dirty = p.dirtyPages;
        pc[0] = p.victimNeedsLock ? LOCK : FAST;
        pc[1] = pc[0];
        victim = p.victimPages > 0 ? ALIVE : NONE;
        pageAlloc = new PageAlloc(this);
        vmscan = new Vmscan(this);
        writeback = new PageWriteback(this);
        oom = new OomKill(this);
        if (record) {
            log = new int[16 * (2 + SNAPSHOT)];
            logLength = snapshot(log, 0);
        }
    }

    void watchCycles(AllocPolicyJudge j) {
        if (!record) {
            throw new IllegalStateException("watching for cycles needs the record");
        }
        judge = j;
    }

    // ============================================================ the state's small operations

    int pc(int t) {
        return pc[t - 1];
    }

    /** pc[t] changes, lock L unchanged. */
    void setPc(int t, int to) {
        pc[t - 1] = to;
    }

    /** The allocation of task t returns (or t exits): it drops lock L if it holds it. */
    void returns(int t, int to) {
        pc[t - 1] = to;
        if (lock == t) {
            lock = 0;
        }
    }

    boolean done(int t) {
        int c = pc(t);
        return c == GOT || c == NULL || c == EXITED;
    }

    /** Every task returned and no background step is left: the spec's Terminated, with nothing else to take. */
    boolean finished() {
        return done(1) && done(2) && !oom.canExitMm() && !oom.canOomReap() && !vmscan.canKswapdReclaim()
                && !writeback.canWritebackAlloc() && !writeback.canWritebackDone();
    }

    // ================================================================== the steps

    /** Whether action {@code label} of task t (NO_TASK for a background one) is enabled. */
    boolean enabled(int label, int t) {
        switch (label) {
            case MUTEX_LOCK:
                return pageAlloc.canMutexLock(t);
            case GET_PAGE_FROM_FREELIST:
                return pageAlloc.canGetPage(t);
            case ALLOC_FAIL_NORECLAIM:
                return pageAlloc.canFailNoreclaim(t);
            case TRY_TO_FREE_PAGES:
                return vmscan.canTryToFreePages(t);
            case RECLAIM_RETRY:
                return pageAlloc.canReclaimRetry(t);
            case OUT_OF_MEMORY:
                return oom.canOutOfMemory(t);
            case ALLOC_FAIL:
                return pageAlloc.canAllocFail(t);
            case EXIT_MM:
                return oom.canExitMm();
            case OOM_REAP:
                return oom.canOomReap();
            case KSWAPD_RECLAIM:
                return vmscan.canKswapdReclaim();
            case WRITEBACK_ALLOC:
                return writeback.canWritebackAlloc();
            case WRITEBACK_DONE:
                return writeback.canWritebackDone();
            default:
                throw new IllegalArgumentException("label code " + label);
        }
    }

    /** Takes step {@code label} of task t if enabled: true when taken. */
    private boolean tryStep(int label, int t) {
        if (!enabled(label, t)) {
            return false;
        }
        switch (label) {
            case MUTEX_LOCK:
                pageAlloc.mutexLock(t);
                break;
            case GET_PAGE_FROM_FREELIST:
                pageAlloc.getPageFromFreelist(t);
                break;
            case ALLOC_FAIL_NORECLAIM:
                pageAlloc.allocFailNoreclaim(t);
                break;
            case TRY_TO_FREE_PAGES:
                vmscan.tryToFreePages(t);
                break;
            case RECLAIM_RETRY:
                pageAlloc.reclaimRetry(t);
                break;
            case OUT_OF_MEMORY:
                oom.outOfMemory(t);
                break;
            case ALLOC_FAIL:
                pageAlloc.allocFail(t);
                break;
            case EXIT_MM:
                oom.exitMm();
                break;
            case OOM_REAP:
                oom.oomReap();
                break;
            case KSWAPD_RECLAIM:
                vmscan.kswapdReclaim();
                break;
            case WRITEBACK_ALLOC:
                writeback.writebackAlloc();
                break;
            default:
                writeback.writebackDone();
                break;
        }
        end(label, t);
        return true;
    }

    /** The slow path's next step for task t, by where it is (at most one is enabled at a pc). */
    private boolean allocStep(int t) {
        switch (pc(t)) {
            case LOCK:
                return tryStep(MUTEX_LOCK, t);
            case FAST:
                return tryStep(GET_PAGE_FROM_FREELIST, t);
            case RECLAIM:
                return tryStep(ALLOC_FAIL_NORECLAIM, t) || tryStep(TRY_TO_FREE_PAGES, t);
            case OOM:
                return tryStep(RECLAIM_RETRY, t) || tryStep(OUT_OF_MEMORY, t) || tryStep(ALLOC_FAIL, t);
            default:
                return false;
        }
    }

    /**
     * Task t has nothing left it could ever do: task 1 once its allocation returned; task 2 once
     * it exited, or returned where no exit can follow (no victim, or one stuck outside the model).
     * Its thread ends, so it no longer wakes on every step (each wake is work for Lincheck and
     * states for JPF).
     */
    private boolean taskOver(int t) {
        if (t != OomKill.VICTIM) {
            return done(t);
        }
        return pc(t) == EXITED || (done(t) && (policy.victimStuck || victim == NONE));
    }

    /**
     * A background thread has nothing left it could ever do: kswapd once no page cache is left
     * (only writeback makes a page clean), the flusher once no dirty page is, the oom_reaper once
     * the victim is reaped or gone.
     */
    private boolean backgroundOver(int[] actions) {
        switch (actions[0]) {
            case KSWAPD_RECLAIM:
                return clean == 0 && dirty == 0;
            case OOM_REAP:
                return victim == REAPED || victim == V_EXITED || victim == NONE;
            default:
                return dirty == 0;
        }
    }

    /**
     * Task t's thread: one step of its allocation; task 2, once killed, takes its exit first
     * (a fatal signal is acted on before the allocation goes on).  False once the task or the
     * run is done.
     */
    synchronized boolean taskStep(int t, int thread) throws InterruptedException {
        while (true) {
            run.begin(thread);
            if (taskOver(t) || finished()) {
                return false;
            }
            if ((t == OomKill.VICTIM && tryStep(EXIT_MM, NO_TASK)) || allocStep(t)) {
                return true;
            }
            run.sleep(thread);
        }
    }

    /** A background thread (kswapd, the flusher, the oom_reaper): the first of its actions enabled. */
    synchronized boolean backgroundStep(int[] actions, int thread) throws InterruptedException {
        while (true) {
            run.begin(thread);
            if (backgroundOver(actions) || finished()) {
                return false;
            }
            for (int a : actions) {
                if (tryStep(a, NO_TASK)) {
                    return true;
                }
            }
            run.sleep(thread);
        }
    }

    /** The first spec action enabled here, as the model names its step, or null (a dead end). */
    synchronized String enabledStep() {
        for (int label = 0; label < LABELS.length; label++) {
            if (label <= ALLOC_FAIL) {
                for (int t = 1; t <= 2; t++) {
                    if (enabled(label, t)) {
                        return LABELS[label] + "(" + t + ")";
                    }
                }
            } else if (enabled(label, NO_TASK)) {
                return LABELS[label];
            }
        }
        return null;
    }

    /** Runs a trace's step on the calling thread (ImplementationReplay): it must be enabled there. */
    synchronized void replayStep(int label, int t) {
        if (!tryStep(label, t)) {
            throw new IllegalStateException("step " + (steps + 1) + " " + LABELS[label] + (t == NO_TASK ? "" : "(" + t
                    + ")") + " is not enabled where the trace has it");
        }
    }

    /** The thread ended (holding the monitor). */
    void ended(int thread, Throwable failed) {
        run.ended(thread, failed);
    }

    // ======================================================== the end of a step, the record

    /** End a step: wake the sleepers, record it, check the invariants, watch for a livelock. */
    private void end(int label, int t) {
        steps = run.stepped();
        if (record) {
            if (logLength + 2 + SNAPSHOT > log.length) {
                log = Arrays.copyOf(log, log.length * 2 + 2 + SNAPSHOT);
            }
            log[logLength] = label;
            log[logLength + 1] = t;
            logLength = snapshot(log, logLength + 2);
        }
        for (int inv : invariants) {
            String broken = AllocPolicyChecks.violation(inv, this);
            if (broken != null) {
                InvariantViolation v = new InvariantViolation(AllocPolicyChecks.NAMES[inv],
                        "after " + LABELS[label] + ": " + broken);
                run.fail(v);
                throw v;
            }
        }
        if (judge != null) {
            judgeRevisit(label);
        }
    }

    /**
     * Steps before the livelock watch starts: a livelock goes on for ever, so it is still
     * caught, and runs that end (a design's takes 7 to 20 steps) never pay for the map.
     */
    static final int WATCH_AFTER = 24;

    /**
     * A recording run back in a state it was in may go round for ever (nofail_in_reclaim: a
     * PF_MEMALLOC reclaimer's NOFAIL allocation retries without end).  The loop is judged on the
     * model (AllocPolicyJudge): a weakly fair loop that breaks a liveness property ends the run
     * with its verdict; a loop that starves a thread is left (the thread gets its turn first).
     */
    private void judgeRevisit(int label) {
        if (steps < WATCH_AFTER) {
            return;
        }
        if (seenAt == null) {
            seenAt = new HashMap<Words, Integer>();
        }
        int[] words = new int[SNAPSHOT];
        snapshot(words, 0);
        Integer before = seenAt.put(new Words(words), Integer.valueOf(steps));
        if (before == null) {
            return;
        }
        int starved = run.starvedSince(before.intValue());
        if (starved >= 0) {
            run.giveWay(starved);
            return;
        }
        if (stopOnRevisit) {
            RevisitedState r = new RevisitedState(before.intValue(), steps);
            run.fail(r);
            throw r;
        }
        String verdict = judge.verdict(recordCopy(), before.intValue());
        if (verdict != null) {
            LivenessViolation v = new LivenessViolation(verdict, "after " + LABELS[label] + " (step " + steps
                    + "): the run is back in the state of step " + before + ", on a weakly fair loop");
            run.fail(v);
            throw v;
        }
    }

    int[] recordCopy() {
        return record ? Arrays.copyOf(log, logLength) : null;
    }

    /**
     * Writes the spec variables at {@code at} in the spec's order (EventLog.decode reads them
     * back): free, clean, dirty, wb, pc[1], pc[2], lock, victim, bandTaken, illegalOom,
     * killedReclaimable; returns where the words end.
     */
    int snapshot(int[] out, int at) {
        out[at] = free;
        out[at + 1] = clean;
        out[at + 2] = dirty;
        out[at + 3] = wb;
        out[at + 4] = pc[0];
        out[at + 5] = pc[1];
        out[at + 6] = lock;
        out[at + 7] = victim;
        out[at + 8] = bandTaken ? 1 : 0;
        out[at + 9] = illegalOom ? 1 : 0;
        out[at + 10] = killedReclaimable ? 1 : 0;
        return at + SNAPSHOT;
    }

    /** A snapshot as a map key. */
    private static final class Words {
        private final int[] words;
        private final int hash;

        Words(int[] words) {
            this.words = words;
            this.hash = Arrays.hashCode(words);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Words && Arrays.equals(words, ((Words) o).words);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
