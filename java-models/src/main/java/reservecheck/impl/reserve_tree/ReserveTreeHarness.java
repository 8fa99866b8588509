package reservecheck.impl.reserve_tree;

import java.util.Map;

import reservecheck.impl.common.StepsText;
import reservecheck.impl.common.Failures;
import reservecheck.impl.common.HarnessArgs;
import reservecheck.impl.common.HarnessRun;
import reservecheck.impl.common.RunOutcome;
import reservecheck.impl.common.RunSink;
import reservecheck.impl.common.SpecViolation;
import reservecheck.impl.common.StepThread;
import reservecheck.models.reserve_tree.ReserveTreeModel;
import reservecheck.models.reserve_tree.ReserveTreeParams;

/**
 * One run of the reserve-tree implementation with real threads, for any catalog entry of
 * catalog/reserve_tree.yaml: its parameters come as {@code name=value} arguments, so Lincheck
 * (from a test), Java PathFinder ({@code target.args} of the .jpf file reservecheck jpf
 * generates) and a plain JVM run the same code.  The threads are the spec's actors: one per
 * swapfile, the ipfrag sysctl writer (when it has something to raise), one per reserve user,
 * one per allocator, kswapd (merged_2012 with allocators), and, with sigkill, one sender of
 * SIGKILL per allocator.  Each makes its rounds and stops.
 *
 * <p>Arguments: every constant of ReserveTree.tla; optionally {@code invariants=A,B} (default:
 * all eight of the catalog's checks), {@code properties=P,Q} (the liveness properties a
 * recording run's loops are judged against, see CycleJudge; default: all of the spec's), {@code on_revisit=judge|stop} (stop: a revisited
 * state ends the run unjudged, RevisitedState), {@code points_between_steps=true} (a read of shared memory between steps, for Lincheck to
 * switch at), {@code on_hang=block|report} (block: a hang leaves every
 * thread waiting, for the checker to see as a deadlock; report: return the verdict) and
 * {@code record=true|false|schedule} (the event log; schedule: labels and actors only, the
 * states follow by running the schedule again, see Schedule; off by default in {@link #main}, since a growing
 * log makes every state new to JPF).
 *
 * <p>Verdicts use the catalog's vocabulary: {@code ok}, {@code invariant:<Name>},
 * {@code liveness:<Name>} (a recording run came back to a state on a weakly fair loop that
 * leaves a request unanswered, see CycleJudge), {@code deadlock} (every running thread sleeps and nobody can wake it: the spec has no step
 * there but Terminated's, which needs everyone done), {@code error:<what>}.
 */
public final class ReserveTreeHarness {
    public static final String INVARIANTS = "invariants";
    public static final String ON_HANG = "on_hang";
    public static final String RECORD = "record";
    public static final String PROPERTIES = "properties";
    public static final String POINTS_BETWEEN_STEPS = "points_between_steps";
    public static final String ON_REVISIT = "on_revisit";

    private ReserveTreeHarness() {
    }

    /**
     * The JPF entry point: runs once and throws an AssertionError whose message is exactly the
     * verdict (reservecheck.jpf.JpfOutput reads it back); a hang blocks, for JPF's
     * NotDeadlockedProperty.
     */
    public static void main(String[] args) throws InterruptedException {
        final Config c = Config.parse(args, false);
        // with record=true a hung run's steps are printed before the run blocks for JPF's
        // deadlock report (static_reserve_exhaustion, throttle_unsatisfiable_node), for its ITF
        // trace as a failed run's are below
        LogSink printHang = c.record ? printingHang(c, System.out) : null;
        Outcome o = run(c, printHang);
        // with record=true a failed run's steps follow the verdict line, for its ITF trace
        // (reservecheck.traces.ImplementationSteps.lastIn reads JPF's output back)
        o.endMain(o.ok() || o.record() == null || "revisit".equals(o.verdict()) ? null
                : StepsText.of(o.verdict(), o.log(c.params)));
    }

    /** A sink that prints a hung run's steps (StepsText, verdict deadlock) to {@code out}. */
    static LogSink printingHang(final Config c, final java.io.PrintStream out) {
        return new LogSink() {
            @Override
            public void ended(String kind, int[] record) {
                if (RunSink.HUNG.equals(kind)) {
                    out.print(StepsText.of("deadlock", c.decode(record)));
                    out.flush();
                }
            }
        };
    }

    /**
     * Runs once and throws on a failure (the body of a Lincheck test, HarnessRun.check); a
     * verdict reached without a failure (a hang reported with on_hang=report) fails the test too.
     */
    public static void check(Config c, LogSink sink) {
        Outcome o = HarnessRun.check(c, sink);
        if (!o.ok()) {
            throw new AssertionError(o.verdict() + " " + o.message());
        }
    }

    /** Runs the implementation once. */
    public static Outcome run(Config c, LogSink sink) throws InterruptedException {
        ReserveTreeParams p = c.params;
        boolean merged = !p.tree();
        int kswapd = merged && p.allocators > 0 ? 1 : 0;
        int killers = merged && p.sigkill ? p.allocators : 0;
        int sysctl = p.sysctl() ? 1 : 0;
        int n = p.swapfileCount() + sysctl + p.reserveUsers + p.allocators + killers + kswapd;
        ReserveTree k = new ReserveTree(p, c.layout, c.invariantCodes, c.record, c.scheduleOnly, n);
        if (c.record) {
            k.watchCycles(c.judge);
        }
        k.pointsBetweenSteps = c.pointsBetweenSteps;
        k.stopOnRevisit = c.stopOnRevisit;
        Thread[] threads = new Thread[n];
        int t = 0;
        for (int f = 0; f < p.swapfileCount(); f++, t++) {
            threads[t] = new Thread(new Actor(k, Actor.SWAPFILE, f, t));
        }
        if (sysctl == 1) {
            threads[t] = new Thread(new Actor(k, Actor.SYSCTL, 0, t));
            t++;
        }
        for (int u = 0; u < p.reserveUsers; u++, t++) {
            threads[t] = new Thread(new Actor(k, Actor.USER, u, t));
        }
        for (int d = 0; d < p.allocators; d++, t++) {
            threads[t] = new Thread(new Actor(k, Actor.ALLOCATOR, d, t));
        }
        for (int d = 0; d < killers; d++, t++) {
            threads[t] = new Thread(new Actor(k, Actor.KILLER, d, t));
        }
        if (kswapd == 1) {
            threads[t] = new Thread(new Actor(k, Actor.KSWAPD, 0, t));
        }
        for (Thread th : threads) {
            // a hung run's threads must not keep a plain JVM alive
            th.setDaemon(true);
        }
        synchronized (k) {
            // holding the monitor, no actor takes a step before all exist (an actor whose
            // thread does not exist yet is one that has not stepped, so nothing is lost, and
            // a model checker need not interleave the starts)
            k.running = n;
            for (Thread th : threads) {
                th.start();
            }
        }
        if (!k.settledLatch.awaitEnd(k, c.stopOnHang, sink)) {
            return new Outcome("deadlock", null, "every running task sleeps with nobody to wake it",
                    recordOf(k, c), c.scheduleOnly ? c.layout : null);
        }
        for (Thread th : threads) {
            th.join();
        }
        Throwable failure;
        synchronized (k) {
            failure = k.failure;
            if (sink != null && c.record) {
                sink.ended(failure == null ? LogSink.PASSED : LogSink.FAILED, k.recordCopy());
            }
        }
        return new Outcome(verdictOf(failure), failure, Failures.message(failure), recordOf(k, c),
                c.scheduleOnly ? c.layout : null);
    }

    private static int[] recordOf(ReserveTree k, Config c) {
        synchronized (k) {
            return c.record ? k.recordCopy() : null;
        }
    }

    /** The verdict a run's failure means; a revisit (on_revisit=stop) is left to the caller to judge. */
    public static String verdictOf(Throwable failure) {
        if (failure instanceof RevisitedState) {
            return "revisit";
        }
        return SpecViolation.verdictOf(failure);
    }

    /** One actor's thread: its steps until it is done; a failure is kept for the main thread. */
    static final class Actor extends StepThread<Void> {
        static final int SWAPFILE = 0;
        static final int SYSCTL = 1;
        static final int USER = 2;
        static final int ALLOCATOR = 3;
        static final int KILLER = 4;
        static final int KSWAPD = 5;

        private final ReserveTree k;
        private final int kind;
        private final int index;
        private final int thread;

        Actor(ReserveTree k, int kind, int index, int thread) {
            this.k = k;
            this.kind = kind;
            this.index = index;
            this.thread = thread;
        }

        @Override
        protected Void begin() {
            return null;
        }

        @Override
        protected void steps(Void none) throws InterruptedException {
            switch (kind) {
                case SWAPFILE:
                    while (k.swapStep(index, thread)) {
                        k.pointBetweenSteps();
                    }
                    break;
                case SYSCTL:
                    while (k.sysctlStep(thread)) {
                        k.pointBetweenSteps();
                    }
                    break;
                case USER:
                    while (k.userStep(index, thread)) {
                        k.pointBetweenSteps();
                    }
                    break;
                case ALLOCATOR:
                    while (k.allocStep(index, thread)) {
                        k.pointBetweenSteps();
                    }
                    break;
                case KILLER:
                    k.pointBetweenSteps();
                    k.sigkill(index, thread);
                    break;
                default:
                    while (k.kswapdStep(thread)) {
                        k.pointBetweenSteps();
                    }
                    break;
            }
        }

        @Override
        protected void ended(Void none, Throwable failed) {
            synchronized (k) {
                k.threadEnded(thread, failed);
            }
        }
    }

    /** A run's result. */
    public static final class Outcome extends RunOutcome {
        private final int[] record;
        /** The layout to run a schedule-only record again with; null for a full record. */
        private final Layout scheduleLayout;

        Outcome(String verdict, Throwable failure, String message, int[] record, Layout scheduleLayout) {
            super(verdict, failure, message);
            this.record = record;
            this.scheduleLayout = scheduleLayout;
        }

        /** The recorded ints (null when not recorded); see {@link #log}. */
        public int[] record() {
            return record;
        }

        /**
         * The run's event log, decoded (null when not recorded); a schedule-only record is run
         * again on one thread first (Schedule).
         */
        public EventLog log(ReserveTreeParams p) {
            if (record == null) {
                return null;
            }
            return EventLog.decode(p, scheduleLayout == null ? record : Schedule.states(p, scheduleLayout, record));
        }
    }

    /** The arguments of a run, parsed. */
    public static final class Config implements HarnessRun<LogSink, Outcome> {
        /** The constants of ReserveTree.tla the catalog types as strings. */
        private static final String[] STRING_CONSTANTS = {"design"};

        final ReserveTreeParams params;
        final int[] invariantCodes;
        final boolean stopOnHang;
        final boolean record;
        /** record=schedule: labels and actors only (see ReserveTree.scheduleOnly). */
        boolean scheduleOnly;
        /** Judges the loops of a recording run against these liveness properties. */
        final CycleJudge judge;
        final Layout layout;
        boolean pointsBetweenSteps;
        /** on_revisit=stop: a revisit ends the run (RevisitedState) unjudged; judge (default) judges it. */
        boolean stopOnRevisit;

        private Config(ReserveTreeParams params, String[] invariants, String[] properties, boolean stopOnHang,
                       boolean record) {
            this.params = params;
            this.invariantCodes = Checks.codes(invariants);
            this.stopOnHang = stopOnHang;
            this.record = record;
            // built here, before a checker runs anything: no name lookups under test
            this.judge = new CycleJudge(params, properties);
            this.layout = new Layout(params);
        }

        /** A record of a run with these arguments as its event log (a schedule is run again for its states). */
        EventLog decode(int[] record) {
            return EventLog.decode(params, scheduleOnly ? Schedule.states(params, layout, record) : record);
        }

        public ReserveTreeParams params() {
            return params;
        }

        @Override
        public Outcome run(LogSink sink) throws InterruptedException {
            return ReserveTreeHarness.run(this, sink);
        }

        public boolean record() {
            return record;
        }

        public static Config parse(String[] args) {
            return parse(args, true);
        }

        /** Parses name=value arguments; constants typed as the catalog types them. */
        static Config parse(String[] args, boolean recordByDefault) {
            HarnessArgs a = new HarnessArgs(args);
            // + as well as ,: a .jpf file's target.args are split at commas
            String v = a.take(INVARIANTS);
            String[] invariants = v == null ? Checks.NAMES : HarnessArgs.list(v, "[,+]");
            v = a.take(PROPERTIES);
            String[] properties = v == null ? null : HarnessArgs.list(v, "[,+]");
            v = a.take(ON_HANG);
            boolean stopOnHang = v != null && HarnessArgs.reportsHang(v);
            v = a.take(ON_REVISIT);
            if (v != null && !"judge".equals(v) && !"stop".equals(v)) {
                throw new IllegalArgumentException("on_revisit must be judge or stop, not " + v);
            }
            boolean stopOnRevisit = "stop".equals(v);
            boolean pointsBetweenSteps = a.flag(POINTS_BETWEEN_STEPS, false);
            v = a.take(RECORD);
            if (v != null && !"true".equals(v) && !"false".equals(v) && !"schedule".equals(v)) {
                throw new IllegalArgumentException("record must be true, false or schedule, not " + v);
            }
            boolean record = v == null ? recordByDefault : !"false".equals(v);
            boolean scheduleOnly = "schedule".equals(v);
            Map<String, Object> values = a.constants(ReserveTreeParams.constantNames(), STRING_CONSTANTS);
            a.noOthers("the constants of ReserveTree.tla, invariants, properties, on_hang, on_revisit, record,"
                    + " points_between_steps");
            ReserveTreeParams params = new ReserveTreeParams(values);
            if (properties == null) {
                properties = new ReserveTreeModel(params).propertyNames().toArray(new String[0]);
            }
            Config c = new Config(params, invariants, properties, stopOnHang, record);
            c.pointsBetweenSteps = pointsBetweenSteps;
            c.scheduleOnly = scheduleOnly;
            c.stopOnRevisit = stopOnRevisit;
            return c;
        }
    }
}
