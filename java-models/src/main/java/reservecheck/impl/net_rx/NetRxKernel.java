package reservecheck.impl.net_rx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import reservecheck.impl.common.StepRun;
import reservecheck.models.net_rx.Label;
import reservecheck.models.net_rx.NetRxParams;

/**
 * The network receive path's kernel state and its tasks' steps, run by real threads (see
 * {@link NetRxHarness}): the driver refilling the rx ring, the softirq receiving into it, the
 * swap-out task and its transport, the ordinary sockets' readers; the peer's sends are part of
 * the steps that cause them ({@link Peer}).
 *
 * <p>Parts.  This class holds every spec variable and each task's step as a synchronized
 * section; the step's body is in the part after the kernel file it comes from: {@link Skbuff}
 * (net/core/skbuff.c), {@link Dev} (net/core/dev.c), {@link Sock} (net/core/sock.c) and
 * {@link Xprt} (mm/page_io.c, net/sunrpc/xprt.c).  The parts keep no state and take no lock.
 *
 * <p>Locking.  The monitor is held for every step, and every step is exactly one action of
 * specs/net_rx/NetRx.tla, with the same name: the spec makes each of them atomic (the softirq
 * runs with the ring's and the socket's locks; the swap-out's steps are under the transport's
 * lock).  A task whose action is not enabled sleeps ({@code while (!enabled) wait()}, re-tested
 * after every step; every step ends with notifyAll, never notify, which JPF shows loses
 * wake-ups).  Between steps a task's position follows from the spec variables (the softirq's
 * from cur, the swap-out's from swap_state), so a state of the run is a state of the spec.
 *
 * <p>Record.  With recording on, every step appends its action, its task and a snapshot of all
 * spec variables to {@link #log} (ints); {@link EventLog} decodes it for the model replay.
 */
final class NetRxKernel {
    /** The labels a step can carry, by code. */
    static final String[] LABELS = {
        Label.NETDEV_ALLOC_SKB, Label.NETIF_RECEIVE_SKB, Label.SK_FILTER_TRIM_CAP, Label.SOCK_RECVMSG,
        Label.SWAP_WRITEPAGE, Label.XPRT_COMPLETE_RQST, Label.END_PAGE_WRITEBACK
    };
    static final int NETDEV_ALLOC_SKB = 0;
    static final int NETIF_RECEIVE_SKB = 1;
    static final int SK_FILTER_TRIM_CAP = 2;
    static final int SOCK_RECVMSG = 3;
    static final int SWAP_WRITEPAGE = 4;
    static final int XPRT_COMPLETE_RQST = 5;
    static final int END_PAGE_WRITEBACK = 6;
    /** The task of a step taken by no ordinary socket's reader. */
    static final int NO_TASK = 0;

    static final int IDLE = 0;
    static final int SENT = 1;
    static final int REPLIED = 2;

    final NetRxParams p;
    final Skbuff skbuff;
    final Dev dev;
    final Sock sock;
    final Xprt xprt;

    // ---- the spec's variables
    final Peer peer;
    final Skb[] ring;
    int ringLength;
    /** The skb the softirq is processing (__netif_receive_skb to sk_filter_trim_cap), or null. */
    Skb cur;
    /** The softirq's task flag PF_MEMALLOC. */
    boolean pfMemalloc;
    final Skb[][] queue;
    final int[] queueLength;
    int free;
    int reserveUsed;
    boolean cachePfm;
    int swapState;
    int wbReserve;
    int swapped;
    /** sk_memalloc_socks(): socket 0 has SOCK_MEMALLOC for the whole run. */
    final int memallocSocks = 1;

    // ---- the run
    final StepRun run;
    private final int[] invariants;
    private final boolean record;
    /**
     * Record the schedule only (action and task per step), not the state after it: what a
     * Lincheck run records.  Every write of a snapshot is shared memory Lincheck traces, which
     * made each interleaving of a run seconds long; the states follow from the schedule
     * ({@link Schedule#states} runs it again on one thread).
     */
    private final boolean scheduleOnly;
    int[] log;
    int logLength;
    private int steps;
    /** With a judge (recording runs only), the step after which each state was first seen. */
    private NetRxJudge judge;
    private Map<Words, Integer> seenAt;
    /** On a revisit, stop (RevisitedState) for the caller to judge outside a model checker. */
    boolean stopOnRevisit;

    NetRxKernel(NetRxParams p, int[] invariants, boolean record, boolean scheduleOnly, boolean pointsBetweenSteps,
                int tasks) {
        this.p = p;
        this.invariants = invariants;
        this.record = record;
        this.scheduleOnly = record && scheduleOnly;
        this.run = new StepRun(this, tasks, record, pointsBetweenSteps);
        peer = new Peer(p.ordinarySockets, p.ordinaryPackets);
        ring = new Skb[p.ringSlots];
        queue = new Skb[p.socketCount()][];
        for (int s = 0; s < queue.length; s++) {
            // a socket holds at most what is sent to it: its packets, or one reply at a time
            queue[s] = new Skb[Math.max(1, p.ordinaryPackets)];
        }
        queueLength = new int[p.socketCount()];
        free = p.initFreePages;
        swapState = IDLE;
        skbuff = new Skbuff(this);
        dev = new Dev(this);
        sock = new Sock(this);
        xprt = new Xprt(this);
        if (record) {
            log = new int[256];
            logLength = this.scheduleOnly ? 0 : snapshot(log, 0);
        }
    }

    void watchCycles(NetRxJudge j) {
        if (!record) {
            throw new IllegalStateException("watching for cycles needs the record");
        }
        judge = j;
    }

    // ============================================================ the state's small operations

    Skb ringTake() {
        Skb s = ring[0];
        for (int i = 1; i < ringLength; i++) {
            ring[i - 1] = ring[i];
        }
        ringLength--;
        ring[ringLength] = null;
        return s;
    }

    void enqueue(int s, Skb skb) {
        if (queueLength[s] == queue[s].length) {
            queue[s] = Arrays.copyOf(queue[s], queue[s].length * 2);
        }
        queue[s][queueLength[s]] = skb;
        queueLength[s]++;
    }

    Skb dequeue(int s) {
        Skb h = queue[s][0];
        for (int i = 1; i < queueLength[s]; i++) {
            queue[s][i - 1] = queue[s][i];
        }
        queueLength[s]--;
        queue[s][queueLength[s]] = null;
        return h;
    }

    /** The spec's Terminated condition: every swap-out done, nothing on the wire, in the softirq or queued. */
    boolean done() {
        if (swapped < p.swapouts || swapState != IDLE || peer.pending() || cur != null) {
            return false;
        }
        for (int n : queueLength) {
            if (n > 0) {
                return false;
            }
        }
        return true;
    }

    // ================================================================== the tasks' steps

    /**
     * Takes the step {@code label} of {@code task} (a socket for sock_recvmsg) if the spec's
     * action is enabled: true when taken.  Each enabling condition is the action's guard.
     */
    private boolean tryStep(int label, int task) {
        switch (label) {
            case NETDEV_ALLOC_SKB: {
                Skb skb = ringLength < ring.length ? skbuff.netdevAllocSkb() : null;
                if (skb == null) {
                    return false;
                }
                ring[ringLength] = skb;
                ringLength++;
                break;
            }
            case NETIF_RECEIVE_SKB:
                if (!dev.canReceive()) {
                    return false;
                }
                dev.netifReceiveSkb();
                break;
            case SK_FILTER_TRIM_CAP:
                if (cur == null) {
                    return false;
                }
                sock.skFilterTrimCap();
                break;
            case SOCK_RECVMSG:
                if (!sock.canRecvmsg(task)) {
                    return false;
                }
                sock.sockRecvmsg(task);
                break;
            case SWAP_WRITEPAGE:
                if (!xprt.canWritepage()) {
                    return false;
                }
                xprt.swapWritepage();
                break;
            case XPRT_COMPLETE_RQST:
                if (!xprt.canCompleteRqst()) {
                    return false;
                }
                xprt.xprtCompleteRqst();
                break;
            default:
                if (swapState != REPLIED) {
                    return false;
                }
                xprt.endPageWriteback();
                break;
        }
        end(label, task);
        return true;
    }

    /** The driver: one rx ring refill; false once the run is done. */
    synchronized boolean driverStep(int t) throws InterruptedException {
        while (true) {
            run.begin(t);
            if (done()) {
                return false;
            }
            if (tryStep(NETDEV_ALLOC_SKB, NO_TASK)) {
                return true;
            }
            run.sleep(t);
        }
    }

    /** The softirq: the socket layer for the skb it holds, else the next packet's receive. */
    synchronized boolean softirqStep(int t) throws InterruptedException {
        while (true) {
            run.begin(t);
            if (tryStep(SK_FILTER_TRIM_CAP, NO_TASK)) {
                return true;
            }
            if (done()) {
                return false;
            }
            if (tryStep(NETIF_RECEIVE_SKB, NO_TASK)) {
                return true;
            }
            run.sleep(t);
        }
    }

    /** Ordinary socket s's reader (s in 1..ordinary_sockets). */
    synchronized boolean readerStep(int s, int t) throws InterruptedException {
        while (true) {
            run.begin(t);
            if (done()) {
                return false;
            }
            if (tryStep(SOCK_RECVMSG, s)) {
                return true;
            }
            run.sleep(t);
        }
    }

    /** The swap-out task: write a page, wait for the reply, complete it, end the writeback. */
    synchronized boolean swapStep(int t) throws InterruptedException {
        while (true) {
            run.begin(t);
            if (swapState == IDLE && swapped == p.swapouts) {
                return false;
            }
            if (tryStep(END_PAGE_WRITEBACK, NO_TASK) || tryStep(XPRT_COMPLETE_RQST, NO_TASK)
                    || tryStep(SWAP_WRITEPAGE, NO_TASK)) {
                return true;
            }
            run.sleep(t);
        }
    }

    /** The first spec action enabled here, as the model names it, or null (a dead end). */
    synchronized String enabledStep() {
        if (ringLength < ring.length && (free > 0 || skbuff.reserveAllowed())) {
            return LABELS[NETDEV_ALLOC_SKB];
        }
        if (dev.canReceive()) {
            return LABELS[NETIF_RECEIVE_SKB];
        }
        if (cur != null) {
            return LABELS[SK_FILTER_TRIM_CAP];
        }
        for (int s = 1; s < queue.length; s++) {
            if (sock.canRecvmsg(s)) {
                return LABELS[SOCK_RECVMSG] + "(" + Label.socket(s) + ")";
            }
        }
        if (xprt.canWritepage()) {
            return LABELS[SWAP_WRITEPAGE];
        }
        if (xprt.canCompleteRqst()) {
            return LABELS[XPRT_COMPLETE_RQST];
        }
        return swapState == REPLIED ? LABELS[END_PAGE_WRITEBACK] : null;
    }

    /**
     * Runs a recorded schedule's step again on the calling thread (Schedule): the step must be
     * enabled where the schedule has it.
     */
    synchronized void replayStep(int label, int task) {
        if (!tryStep(label, task)) {
            throw new IllegalStateException("step " + (steps + 1) + " " + LABELS[label]
                    + (task == NO_TASK ? "" : "(o" + task + ")") + " is not enabled where the schedule has it");
        }
    }

    /** The thread of task t ended (holding the monitor). */
    void ended(int t, Throwable failed) {
        run.ended(t, failed);
    }

    // ======================================================== the end of a step, the record

    /** End a step: wake the sleepers, record it, check the invariants, watch for a livelock. */
    private void end(int label, int task) {
        steps = run.stepped();
        if (record) {
            int words = scheduleOnly ? 2 : 2 + snapshotSize();
            if (logLength + words > log.length) {
                log = Arrays.copyOf(log, log.length * 2 + words);
            }
            log[logLength] = label;
            log[logLength + 1] = task;
            logLength = scheduleOnly ? logLength + 2 : snapshot(log, logLength + 2);
        }
        for (int inv : invariants) {
            String broken = NetRxChecks.violation(inv, this);
            if (broken != null) {
                InvariantViolation v = new InvariantViolation(NetRxChecks.NAMES[inv],
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
     * Steps a run takes before the livelock watch starts: a livelock goes on for ever, so it is
     * still caught, and the runs that end never pay for the watch's map (Lincheck would trace
     * every access to it).  A design's run takes about twenty steps.
     */
    static final int WATCH_AFTER = 16;

    /**
     * A recording run that comes back to a state may go round for ever (the peer sends a dropped
     * packet again, without end).  Each revisit's loop is judged on the model (NetRxJudge): a
     * weakly fair loop that leaves a swap-out or ordinary traffic unfinished ends the run with
     * the liveness verdict; a loop that starves a task is left (the task gets its turn first).
     */
    private void judgeRevisit(int label) {
        if (steps < WATCH_AFTER) {
            return;
        }
        if (seenAt == null) {
            seenAt = new HashMap<Words, Integer>();
        }
        int[] words = new int[snapshotSize()];
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
        int[] states = scheduleOnly ? Schedule.states(p, recordCopy()) : recordCopy();
        String verdict = judge.verdict(states, before.intValue());
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

    /** The snapshot's words at most: every variable, each sequence with its length first. */
    private int snapshotSize() {
        return 1 + peer.length() + 1 + ring.length + 2 + queue.length * (1 + p.ordinaryPackets + 2) + 6;
    }

    /**
     * Writes the spec variables at {@code at} (EventLog.decode reads them back): wire, ring, cur,
     * pf_memalloc, queue, free, reserve_used, cache_pfm, swap_state, wb_reserve, swapped; returns
     * where the words end.
     */
    int snapshot(int[] out, int at) {
        int i = at;
        out[i++] = peer.length();
        for (int w = 0; w < peer.length(); w++) {
            out[i++] = peer.at(w);
        }
        out[i++] = ringLength;
        for (int r = 0; r < ringLength; r++) {
            out[i++] = ring[r].bits();
        }
        out[i++] = cur == null ? -1 : cur.dst * 4 + cur.bits();
        out[i++] = pfMemalloc ? 1 : 0;
        for (int s = 0; s < queue.length; s++) {
            out[i++] = queueLength[s];
            for (int q = 0; q < queueLength[s]; q++) {
                out[i++] = queue[s][q].bits();
            }
        }
        out[i++] = free;
        out[i++] = reserveUsed;
        out[i++] = cachePfm ? 1 : 0;
        out[i++] = swapState;
        out[i++] = wbReserve;
        out[i++] = swapped;
        return i;
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
