package reservecheck.impl.reserve_tree;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import reservecheck.impl.common.SettledLatch;
import reservecheck.models.reserve_tree.Label;
import reservecheck.models.reserve_tree.Pending;
import reservecheck.models.reserve_tree.ReserveTreeParams;
import reservecheck.models.reserve_tree.SwapPc;

/**
 * The reserve-tree kernel state and its operations, run by real threads (see
 * {@link ReserveTreeHarness}): mm/reserve.c's tree (mem_reserve_connect, _disconnect,
 * _pages_set, mem_reserve_charge with waiters), adjust_memalloc_reserve, sk_set/clear_memalloc
 * and the memalloc socket count, swapon/swapoff through xs_swapper's xprt->swapper, the
 * reserve-backed allocations of tree_2008 and merged_2012's page allocator
 * (throttle_direct_reclaim on pfmemalloc_wait, kswapd, the OOM killer).
 *
 * <p>Parts.  This class holds the state (every spec variable), the run's bookkeeping and
 * record, and each actor's step as a synchronized section; the step's body is in the part
 * that mirrors the kernel file it comes from: {@link MemReserveTree} (mm/reserve.c),
 * {@link SockMemalloc} (net/core/sock.c), {@link XprtSwapper} (net/sunrpc/xprtsock.c) and
 * {@link PageAllocator} (mm/page_alloc.c, mm/vmscan.c).  The parts take no lock and keep no
 * state of their own (but the value a deferred __mem_reserve_add leaves for its store): they
 * read and write this object's fields holding its monitor, the one monitor that every step
 * holds and every sleeper waits on (see Locking), so that a step stays one spec action.
 *
 * <p>Locking.  The object's monitor is held for every step, and every step is exactly one
 * action of specs/reserve_tree/ReserveTree.tla: the spec makes each kernel critical section
 * (the tree under mem_reserve_mutex, sk_adjust_memalloc under its lock, swapon/swapoff under
 * the transport's lock) one action, and a policy flag that drops a lock splits its section
 * into the kernel's unlocked steps (each an atomic operation: atomic_read, atomic_add_return,
 * a load or a store of var_free_kbytes), which are then separate synchronized sections with
 * other threads' steps between them.  The memalloc lock that a locked sk_adjust_memalloc keeps
 * until its deferred var_free_kbytes store is done is a wait for {@code MemallocLockFree}.
 * Sleeps (a charge waiting for an uncharge, a reclaimer on pfmemalloc_wait, kswapd waiting to
 * be woken) are {@code while (!condition) wait()}: the spec's wait_event conditions, re-tested
 * on every wake-up.  Every step ends with notifyAll (never notify: under JPF it loses
 * wake-ups), which wakes at least the waiters the kernel's wake_up calls would.
 *
 * <p>Record.  With recording on, every step appends its action label, its actor and a
 * snapshot of all spec variables (ints, {@link Layout}) to {@link #log}; {@link EventLog}
 * turns that into events with the changed variables as TLA+ text, for {@link reservecheck.impl.common.ModelReplay}.
 */
final class ReserveTree implements SettledLatch.Run<int[]> {
    /** The labels a step can carry, by code (the model's action names). */
    static final String[] LABELS = {
        Label.SWAPON, Label.SWAPOFF, Label.SOCK_FLAG, Label.SK_ADJUST_MEMALLOC, Label.ATOMIC_READ,
        Label.ATOMIC_ADD_RETURN, Label.MEM_RESERVE_DISCONNECT, Label.ADJUST_MEMALLOC_RESERVE_WRITE,
        Label.SOCK_SET_FLAG, Label.SET_FAILED, Label.CLEAR_TEST, Label.SOCK_RESET_FLAG, Label.CLEAR_DONE,
        Label.MEM_RESERVE_PAGES_SET, Label.SYSCTL_ADJUST_MEMALLOC_RESERVE,
        Label.RESERVE_REQUEST, Label.ALLOC_PAGES_RESERVE, Label.WAKE_CHARGE, Label.WAKE_MEM,
        Label.FREE_PAGES_RESERVE,
        Label.ALLOC_PAGES, Label.SEND_SIGKILL, Label.GET_PAGE_FROM_FREELIST, Label.TRY_TO_FREE_PAGES,
        Label.THROTTLE_WAKE, Label.SHRINK_ZONES, Label.OUT_OF_MEMORY, Label.FREE_PAGE,
        Label.KSWAPD_BALANCE, Label.KSWAPD_SLEEP
    };
    static final int SWAPON = 0;
    static final int SWAPOFF = 1;
    static final int SOCK_FLAG = 2;
    static final int SK_ADJUST_MEMALLOC = 3;
    static final int ATOMIC_READ = 4;
    static final int ATOMIC_ADD_RETURN = 5;
    static final int MEM_RESERVE_DISCONNECT = 6;
    static final int ADJUST_WRITE = 7;
    static final int SOCK_SET_FLAG = 8;
    static final int SET_FAILED = 9;
    static final int CLEAR_TEST = 10;
    static final int SOCK_RESET_FLAG = 11;
    static final int CLEAR_DONE = 12;
    static final int MEM_RESERVE_PAGES_SET = 13;
    static final int SYSCTL_ADJUST = 14;
    static final int RESERVE_REQUEST = 15;
    static final int ALLOC_PAGES_RESERVE = 16;
    static final int WAKE_CHARGE = 17;
    static final int WAKE_MEM = 18;
    static final int FREE_PAGES_RESERVE = 19;
    static final int ALLOC_PAGES = 20;
    static final int SEND_SIGKILL = 21;
    static final int GET_PAGE = 22;
    static final int TRY_TO_FREE_PAGES = 23;
    static final int THROTTLE_WAKE = 24;
    static final int SHRINK_ZONES = 25;
    static final int OUT_OF_MEMORY = 26;
    static final int FREE_PAGE = 27;
    static final int KSWAPD_BALANCE = 28;
    static final int KSWAPD_SLEEP = 29;

    /** Actor kinds in an event's actor code: kind * 256 + index; NO_TASK for sysctl and kswapd. */
    static final int NO_TASK = -1;
    static final int SWAPFILE = 0;
    static final int USER = 1;
    static final int ALLOCATOR = 2;

    final ReserveTreeParams p;
    final Policy pol;
    private final int[] invariants;

    // ---- the parts that hold the steps' bodies, each after the kernel file it mirrors
    final MemReserveTree tree;
    final SockMemalloc sock;
    final XprtSwapper swapper;
    final PageAllocator pageAlloc;

    // ---- mm/reserve.c: the tree root <- net <- {ipv4, ipv6}, and the allocator's reserve
    final MemReserve root = new MemReserve(0);
    final MemReserve net = new MemReserve(1);
    final MemReserve ipv4 = new MemReserve(2);
    final MemReserve ipv6 = new MemReserve(3);
    int varFreeKbytes;
    final Pending[] pending;

    // ---- sockets and NFS transports
    final boolean[] sockMemalloc;
    int memallocSocks;
    final int[] xprtSwapper;
    final int[] spc;
    final int[] srounds;
    final int[] svOp;
    final int[] svOld;
    final boolean[] svErr;
    int sysctlPc;

    // ---- tree_2008: reserve users
    final int[] upc;
    final int[] hn;
    final int[] he;
    final int[] charged;
    final int[] urounds;
    int normalFree;

    // ---- merged_2012: the page allocator
    int freePages;
    int swapLeft;
    boolean oomVictimAlive;
    boolean kswapdAwake;
    final int[] dpc;
    final boolean[] killed;
    final boolean[] memdie;
    final int[] drounds;

    // ---- the run: who is running, who sleeps, what failed, the record
    final Layout layout;
    private final boolean record;
    /**
     * Record the schedule only (label and actor per step), not the state after it: what a
     * Lincheck run records.  Every shared read and write is a place Lincheck may switch
     * threads, and it explores all runs with one switch before any with two; copying the state
     * after every step made that first level so large that a bug needing two switches was not
     * reached.  The states follow from the schedule: {@link Schedule#states} runs it again on
     * one thread.
     */
    private final boolean scheduleOnly;
    /**
     * On a revisit, stop the run (RevisitedState) instead of judging the loop here: the
     * judgement replays the run on the model, a long computation inside a step, which Lincheck
     * takes for a thread spinning and reports as a hang.  The Lincheck test judges the stopped
     * run's loop itself, outside Lincheck.
     */
    boolean stopOnRevisit;
    /**
     * The thread taking the current step; per thread the step count after its last step, and
     * when it last tested its wait condition (found false, it slept).
     */
    private int current;
    private final int[] lastStep;
    private final int[] lastTest;
    private final boolean[] ended;
    /** Re-running a recorded schedule (Schedule): a step that would have to sleep is an error. */
    boolean replaying;
    int[] log;
    int logLength;
    int steps;
    int running;
    private final boolean[] sleeping;
    /**
     * Thread t tested its condition after the last step (a flag per thread rather than a
     * growing counter, so that JPF can match states).
     */
    private final boolean[] fresh;
    /** Read between steps when pointsBetweenSteps (see {@link #pointBetweenSteps}); never written. */
    private int stepsSeen;
    boolean pointsBetweenSteps;
    /** Where the harness's main thread waits for the run to settle (see notifyIfSettled). */
    /** The harness's main thread waits here ({@link SettledLatch#awaitEnd}). */
    final SettledLatch settledLatch = new SettledLatch();
    Throwable failure;
    /** With a judge (recording runs only), the step after which each state was first seen. */
    private CycleJudge judge;
    private Map<Snapshot, Integer> seenAt;

    /**
     * The layout comes from outside, built before a checker runs anything: Layout's
     * constructor loops over the 28 variables, and a loop of that length in the body of a
     * Lincheck test made Lincheck 3.7 explore three interleavings and stop.
     */
    ReserveTree(ReserveTreeParams p, Layout layout, int[] invariants, boolean record, int threads) {
        this(p, layout, invariants, record, false, threads);
    }

    ReserveTree(ReserveTreeParams p, Layout layout, int[] invariants, boolean record, boolean scheduleOnly,
                int threads) {
        this.p = p;
        this.scheduleOnly = record && scheduleOnly;
        this.pol = new Policy(p);
        this.invariants = invariants;
        this.record = record;
        this.layout = layout;
        int f = p.swapfileCount();
        int x = p.xprts;
        int u = p.reserveUsers;
        int d = p.allocators;
        boolean linked = p.startLinked();
        ipv4.own = p.ipv4Pages;
        ipv6.own = p.ipv6Pages;
        ipv4.pages = ipv4.limit = p.ipv4Pages;
        ipv6.pages = ipv6.limit = p.ipv6Pages;
        ipv4.parent = net;
        ipv6.parent = net;
        net.pages = net.limit = p.netPages();
        root.pages = root.limit = linked ? p.netPages() : 0;
        net.parent = linked ? root : null;
        varFreeKbytes = linked ? p.netPages() : 0;
        pending = new Pending[p.adjusterCount()];
        Arrays.fill(pending, Pending.NONE);
        sockMemalloc = new boolean[x];
        xprtSwapper = new int[x];
        if (p.swappingAtStart) {
            sockMemalloc[0] = true;
            xprtSwapper[0] = 1;
            memallocSocks = 1;
        }
        spc = new int[f];
        srounds = new int[f];
        svOp = new int[f];
        svOld = new int[f];
        svErr = new boolean[f];
        for (int i = 0; i < f; i++) {
            spc[i] = p.swappingAtStart && p.isFirstSwapfile(i) ? SwapPc.LIVE : SwapPc.IDLE;
            srounds[i] = p.rounds;
        }
        sysctlPc = p.sysctl() ? SwapPc.IDLE : SwapPc.DONE;
        upc = new int[u];
        hn = new int[u];
        he = new int[u];
        charged = new int[u];
        urounds = new int[u];
        Arrays.fill(urounds, p.rounds);
        normalFree = p.initNormalPages;
        freePages = p.initFreePages;
        swapLeft = p.swapPages;
        oomVictimAlive = p.oomVictimPages > 0;
        dpc = new int[d];
        killed = new boolean[d];
        memdie = new boolean[d];
        drounds = new int[d];
        Arrays.fill(drounds, p.rounds);
        sleeping = new boolean[threads];
        fresh = new boolean[threads];
        lastStep = new int[threads];
        lastTest = new int[threads];
        ended = new boolean[threads];
        tree = new MemReserveTree(this);
        sock = new SockMemalloc(this);
        swapper = new XprtSwapper(this);
        pageAlloc = new PageAllocator(this);
        if (record) {
            log = new int[256];
            logLength = 0;
            if (!this.scheduleOnly) {
                appendSnapshot();
            }
        }
    }

    // =============================================================== the run's bookkeeping

    /** A thread stops stepping when another one failed. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("another task failed", null, false, false);
        }
    }

    /** Enter a step: the monitor is held. */
    void begin() {
        if (failure != null) {
            throw new Stop();
        }
    }

    /** End a step: record it, check the invariants, wake the sleepers. */
    void end(int label, int actor) {
        Arrays.fill(fresh, false);
        if (record) {
            steps++;
            lastStep[current] = steps;
            int words = scheduleOnly ? 2 : 2 + layout.size();
            if (logLength + words > log.length) {
                log = Arrays.copyOf(log, log.length * 2 + words);
            }
            log[logLength] = label;
            log[logLength + 1] = actor;
            logLength += 2;
            if (!scheduleOnly) {
                appendSnapshot();
            }
        }
        notifyAll();
        for (int inv : invariants) {
            String broken = Checks.violation(inv, this);
            if (broken != null) {
                InvariantViolation v = new InvariantViolation(Checks.NAMES[inv],
                        "after " + LABELS[label] + " (step " + steps + "): " + broken);
                failure = v;
                throw v;
            }
        }
        if (judge != null) {
            judgeRevisit(label);
        }
    }

    /**
     * Steps a run takes before the livelock watch starts.  A livelock goes on for ever, so it
     * is still caught, and the short runs never pay for the watch's map (Lincheck would see
     * every access to it).  Not much more: Lincheck reports a thread that goes round the same
     * loop some fifty times as hung, before this watch could judge the loop (at 64,
     * throttled_killed_no_oom was Lincheck's hang, not AllocReturns).
     */
    static final int WATCH_AFTER = 24;

    /**
     * Watch for livelocks: a run that comes back to a state may go round for ever (the real
     * threads never stop, and a recording one runs out of memory).  From step WATCH_AFTER on,
     * each revisit's loop is judged on the model; a weakly fair loop with an unanswered
     * request ends the run with the liveness verdict.  Only for recording runs: JPF matches
     * states itself and must not see a growing map.
     */
    void watchCycles(CycleJudge j) {
        if (!record) {
            throw new IllegalStateException("watching for cycles needs the record");
        }
        judge = j;
    }

    private void judgeRevisit(int label) {
        if (steps < WATCH_AFTER) {
            return;
        }
        if (seenAt == null) {
            seenAt = new HashMap<Snapshot, Integer>();
        }
        int[] words = new int[layout.size()];
        snapshot(words, 0);
        Integer before = seenAt.put(new Snapshot(words), Integer.valueOf(steps));
        if (before == null) {
            return;
        }
        if (stopOnRevisit) {
            int starved = starvedAlong(before.intValue());
            if (starved >= 0) {
                giveWay(starved);
                return;
            }
            RevisitedState r = new RevisitedState(before.intValue(), steps);
            failure = r;
            throw r;
        }
        int[] states = scheduleOnly ? Schedule.states(p, layout, Arrays.copyOf(log, logLength))
                : Arrays.copyOf(log, logLength);
        String verdict = judge.verdict(states, before.intValue());
        if (verdict != null) {
            LivenessViolation v = new LivenessViolation(verdict, "after " + LABELS[label] + " (step " + steps
                    + "): the run is back in the state of step " + before + ", on a weakly fair loop that "
                    + "leaves a request unanswered");
            failure = v;
            throw v;
        }
    }

    /**
     * A thread that neither stepped nor so much as tested its wait condition since step
     * {@code from} (every step wakes the sleepers to test theirs), or -1: going round a loop
     * for ever without it starves it, which no weakly fair scheduler does.
     */
    private int starvedAlong(int from) {
        for (int t = 0; t < lastStep.length; t++) {
            if (t != current && !ended[t] && lastStep[t] <= from && lastTest[t] < from) {
                return t;
            }
        }
        return -1;
    }

    /**
     * Give way to a starved thread, as a fair scheduler would: wait (the monitor released)
     * until it has stepped or tested its condition.  Without this, a model checker that runs
     * one thread on until it chooses to switch (Lincheck) meets a livelock's loop only in
     * schedules that starve the others, which prove nothing; the loop that every thread takes
     * part in needs a switch at the right place in every round.
     */
    private void giveWay(int starved) {
        int me = current;
        int since = steps;
        try {
            while (failure == null && lastStep[starved] <= since && lastTest[starved] < since && !ended[starved]) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop();
        }
        current = me;
    }

    /** A state of the run, as the record's words: a map key. */
    private static final class Snapshot {
        private final int[] words;
        private final int hash;

        Snapshot(int[] words) {
            this.words = words;
            this.hash = Arrays.hashCode(words);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot && Arrays.equals(words, ((Snapshot) o).words);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private void appendSnapshot() {
        snapshot(log, logLength);
        logLength += layout.size();
    }

    /**
     * Sleeps until the condition holds: the caller re-tests it in a loop.  Tells the harness's
     * main thread when every running thread sleeps with nothing new to test: a hang.
     */
    void sleep(int thread) throws InterruptedException {
        begin();
        if (replaying) {
            throw new IllegalStateException("the schedule's next step is not enabled here");
        }
        sleeping[thread] = true;
        fresh[thread] = true;
        lastTest[thread] = steps;
        notifyIfSettled();
        wait();
        sleeping[thread] = false;
        // others stepped while this thread slept: the step it goes on with is its own again
        current = thread;
        begin();
    }

    /** Every running thread sleeps and has tested its condition against the current state. */
    boolean hung() {
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

    void threadEnded(int thread, Throwable t) {
        running--;
        ended[thread] = true;
        if (t != null && !(t instanceof Stop) && failure == null) {
            failure = t;
        }
        // the failure stops the others: sleepers wake, see it in begin() and end
        notifyAll();
        notifyIfSettled();
    }

    /**
     * Points between two steps, outside the monitor: with pointsBetweenSteps, sixteen reads of
     * shared memory, each at its own place in the code (a loop would read to Lincheck as a
     * spinning thread).  Lincheck switches threads only at accesses to shared memory and
     * chooses where among all of a run's accesses; a step makes well over a hundred under the
     * monitor (its state, the record, the invariants), where a switch changes nothing since
     * the others wait for the monitor.  With one point between steps a bug that needs two
     * switches at given step boundaries (connect_without_usage) was not found in 20000
     * interleavings; sixteen make such boundaries a fair share of the choices.  A real kernel
     * may be preempted there too, so no behaviour is added.  JPF switches at every monitor
     * entry already, and the reads would only add states.
     */
    void pointBetweenSteps() {
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
        seen |= stepsSeen;
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

    /**
     * Called holding the monitor when a thread ends, fails or goes to sleep: once every thread
     * has ended, one failed, or every running one sleeps with nothing new to test, nothing
     * changes any more and the harness's main thread is woken.  It waits on a monitor of its
     * own ({@link SettledLatch}), so the steps' wake-ups never wake it.
     */
    private void notifyIfSettled() {
        if (failure == null && running > 0 && !hung()) {
            return;
        }
        settledLatch.settle();
    }

    /** For {@link SettledLatch#awaitEnd}, holding the monitor: finished or failed, not hung. */
    @Override
    public boolean ended() {
        return failure != null || running == 0;
    }

    // ========================================================= the actors' steps, by part

    /** The tree's node by index, in {@link MemReserve#bit} order: root, net, ipv4, ipv6. */
    MemReserve node(int i) {
        return i == 0 ? root : i == 1 ? net : i == 2 ? ipv4 : ipv6;
    }

    /**
     * One step of swapfile f's thread, by its pc ({@link XprtSwapper}, {@link SockMemalloc}).
     * Returns false when the swapfile is done (or stays live for good).  Sleeps in
     * sk_adjust_memalloc while the memalloc lock is held across another swapfile's deferred
     * store.
     */
    boolean swapStep(int f, int thread) throws InterruptedException {
        // a synchronized block, not method: Lincheck schedules around monitorenter
        synchronized (this) {
            current = thread;
            return swapper.step(f, thread);
        }
    }

    /**
     * The sysctl writer's step: mem_reserve_pages_set(ipv4, sysctl_pages), then a late store
     * ({@link MemReserveTree}).
     */
    boolean sysctlStep(int thread) {
        // a synchronized block, not method: Lincheck schedules around monitorenter
        synchronized (this) {
            current = thread;
            return tree.sysctlStep();
        }
    }

    /** One step of reserve user u ({@link MemReserveTree}); false when it is done. */
    boolean userStep(int u, int thread) throws InterruptedException {
        // a synchronized block, not method: Lincheck schedules around monitorenter
        synchronized (this) {
            current = thread;
            return tree.userStep(u, thread);
        }
    }

    /** One step of allocator d ({@link PageAllocator}); false when it is done. */
    boolean allocStep(int d, int thread) throws InterruptedException {
        // a synchronized block, not method: Lincheck schedules around monitorenter
        synchronized (this) {
            current = thread;
            return pageAlloc.allocStep(d, thread);
        }
    }

    /** A SIGKILL for allocator d: waits until d is inside the allocator (or done), then kills. */
    void sigkill(int d, int thread) throws InterruptedException {
        // a synchronized block, not method: Lincheck schedules around monitorenter
        synchronized (this) {
            current = thread;
            pageAlloc.sigkill(d, thread);
        }
    }

    /** One step of kswapd: sleeps until woken; false once asleep with every allocator done. */
    boolean kswapdStep(int thread) throws InterruptedException {
        // a synchronized block, not method: Lincheck schedules around monitorenter
        synchronized (this) {
            current = thread;
            return pageAlloc.kswapdStep(thread);
        }
    }

    // ============================================================================ record

    /** Writes every spec variable into w from {@code at}, in {@link Layout} order. */
    void snapshot(int[] w, int at) {
        int i = at;
        w[i++] = ipv4.own;
        for (int n = 0; n < 4; n++) {
            w[i++] = node(n).pages;
        }
        for (int n = 0; n < 4; n++) {
            w[i++] = node(n).limit;
        }
        for (int n = 0; n < 4; n++) {
            w[i++] = node(n).usage;
        }
        w[i++] = net.parent != null ? 1 : 0;
        w[i++] = varFreeKbytes;
        for (Pending q : pending) {
            w[i++] = q.var;
            w[i++] = q.path;
            w[i++] = q.dl;
            w[i++] = q.du;
            w[i++] = q.next;
        }
        for (boolean b : sockMemalloc) {
            w[i++] = b ? 1 : 0;
        }
        w[i++] = memallocSocks;
        for (int s : xprtSwapper) {
            w[i++] = s;
        }
        for (int s : spc) {
            w[i++] = s;
        }
        for (int s : srounds) {
            w[i++] = s;
        }
        for (int f = 0; f < spc.length; f++) {
            w[i++] = svOp[f];
            w[i++] = svOld[f];
            w[i++] = svErr[f] ? 1 : 0;
        }
        w[i++] = sysctlPc;
        i = copy(upc, w, i);
        i = copy(hn, w, i);
        i = copy(he, w, i);
        i = copy(charged, w, i);
        i = copy(urounds, w, i);
        w[i++] = normalFree;
        w[i++] = freePages;
        w[i++] = swapLeft;
        w[i++] = oomVictimAlive ? 1 : 0;
        w[i++] = kswapdAwake ? 1 : 0;
        i = copy(dpc, w, i);
        for (boolean b : killed) {
            w[i++] = b ? 1 : 0;
        }
        for (boolean b : memdie) {
            w[i++] = b ? 1 : 0;
        }
        copy(drounds, w, i);
    }

    private static int copy(int[] from, int[] w, int at) {
        System.arraycopy(from, 0, w, at, from.length);
        return at + from.length;
    }

    /**
     * The record so far: initial snapshot, then per step label, actor, snapshot; or, recording
     * the schedule only, per step label and actor.
     */
    int[] recordCopy() {
        return record ? Arrays.copyOf(log, logLength) : null;
    }

    /** For {@link SettledLatch#awaitEnd}: the record a hung run hands its sink, if it records. */
    @Override
    public int[] record() {
        return record ? recordCopy() : null;
    }
}
