package reservecheck.impl.alloc_policy;

import reservecheck.impl.common.Failures;
import reservecheck.impl.common.HarnessArgs;
import reservecheck.impl.common.HarnessRun;
import reservecheck.impl.common.RunOutcome;
import reservecheck.impl.common.RunSink;
import reservecheck.impl.common.SpecViolation;
import reservecheck.impl.common.StepThread;
import reservecheck.impl.common.StepsText;
import reservecheck.models.alloc_policy.AllocPolicyModel;
import reservecheck.models.alloc_policy.AllocPolicyParams;

/**
 * One run of the allocation slow path with real threads, for any catalog entry of
 * catalog/alloc_policy.yaml: its parameters come as {@code name=value} arguments, so Lincheck
 * (from a test), Java PathFinder ({@code target.args} of the .jpf file reservecheck jpf
 * generates) and a plain JVM run the same code.  The threads: task 1 and task 2 (each its
 * __alloc_pages_slowpath; task 2 also its exit once the OOM killer picked it), and those of
 * kswapd, the writeback flusher and the oom_reaper where the entry gives them something to do
 * (page cache to reclaim, dirty pages, a reaper and a victim): a thread with nothing it could
 * ever do would only add interleavings.
 *
 * <p>Arguments: every constant of AllocPolicy.tla; optionally {@code invariants=A+B} (default:
 * all six), {@code properties=P+Q} (what a recording run's loops are judged against; default:
 * the spec's three), {@code on_hang=block|report}, {@code record=true|false} (off by default
 * in {@link #main}: a growing log makes every state new to JPF), {@code on_revisit=judge|stop}
 * and {@code points_between_steps=true} (for Lincheck, see StepRun).
 *
 * <p>Verdicts in the catalog's vocabulary: {@code ok}, {@code invariant:<Name>},
 * {@code liveness:<Name>} (a recording run's weakly fair loop), {@code deadlock} (every running
 * thread sleeps and nobody can wake it: the spec has no step there), {@code error:<what>}.
 */
public final class AllocPolicyHarness {
    public static final String INVARIANTS = "invariants";
    public static final String PROPERTIES = "properties";
    public static final String ON_HANG = "on_hang";
    public static final String RECORD = "record";
    public static final String ON_REVISIT = "on_revisit";
    public static final String POINTS_BETWEEN_STEPS = "points_between_steps";

    /** Thread roles: the two tasks, then the background threads. */
    static final int TASK1 = 0;
    static final int TASK2 = 1;
    static final int KSWAPD = 2;
    static final int FLUSHER = 3;
    static final int OOM_REAPER = 4;

    private static final int[] KSWAPD_ACTIONS = {AllocKernel.KSWAPD_RECLAIM};
    private static final int[] FLUSHER_ACTIONS = {AllocKernel.WRITEBACK_DONE, AllocKernel.WRITEBACK_ALLOC};
    private static final int[] REAPER_ACTIONS = {AllocKernel.OOM_REAP};

    private AllocPolicyHarness() {
    }

    /**
     * The JPF entry point: runs once and throws an AssertionError whose message is the verdict
     * (reservecheck.jpf.JpfOutput reads it back); a hang blocks, for JPF's NotDeadlockedProperty.
     */
    public static void main(String[] args) throws InterruptedException {
        final Config c = Config.parse(args, false);
        // with record=true a hung run's steps are printed before the run blocks for JPF's
        // deadlock report, for its ITF trace as a failed run's are below
        RunSink<int[]> printHang = !c.record ? null : new RunSink<int[]>() {
            @Override
            public void ended(String kind, int[] record) {
                if (RunSink.HUNG.equals(kind)) {
                    System.out.print(StepsText.of("deadlock", EventLog.decode(c.params, record)));
                }
            }
        };
        Outcome o = run(c, printHang);
        // with record=true a failed run's steps follow the verdict line, for its ITF trace
        o.endMain(o.ok() || o.record() == null || "revisit".equals(o.verdict()) ? null
                : StepsText.of(o.verdict(), o.log(c.params)));
    }

    /** Runs once and throws on a failure or a reported hang (the body of a Lincheck test). */
    public static void check(Config c, RunSink<int[]> sink) {
        Outcome o = HarnessRun.check(c, sink);
        if (!o.ok()) {
            throw new AssertionError(o.verdict() + " " + o.message());
        }
    }

    /** The roles of the threads a run of these parameters starts. */
    static int[] roles(AllocPolicyParams p) {
        boolean kswapd = p.cleanPages > 0 || p.dirtyPages > 0;
        boolean flusher = p.dirtyPages > 0;
        boolean reaper = p.oomReaper && p.victimPages > 0;
        int[] r = new int[2 + (kswapd ? 1 : 0) + (flusher ? 1 : 0) + (reaper ? 1 : 0)];
        int n = 0;
        r[n++] = TASK1;
        r[n++] = TASK2;
        if (kswapd) {
            r[n++] = KSWAPD;
        }
        if (flusher) {
            r[n++] = FLUSHER;
        }
        if (reaper) {
            r[n] = OOM_REAPER;
        }
        return r;
    }

    /** Runs the implementation once. */
    public static Outcome run(Config c, final RunSink<int[]> sink) throws InterruptedException {
        int[] roles = roles(c.params);
        final AllocKernel k = new AllocKernel(c.params, c.invariantCodes, c.record, c.pointsBetweenSteps, roles.length);
        if (c.record) {
            k.watchCycles(c.judge);
        }
        k.stopOnRevisit = c.stopOnRevisit;
        Thread[] threads = new Thread[roles.length];
        for (int i = 0; i < roles.length; i++) {
            threads[i] = new Thread(new Task(k, roles[i], i));
            // a hung run's threads must not keep a plain JVM alive
            threads[i].setDaemon(true);
        }
        synchronized (k) {
            // holding the monitor, no thread steps before all exist
            k.run.starting();
            for (Thread th : threads) {
                th.start();
            }
        }
        Runnable onHang = sink == null || !c.record ? null : new Runnable() {
            @Override
            public void run() {
                sink.ended(RunSink.HUNG, k.recordCopy());
            }
        };
        if (!k.run.awaitEnd(c.stopOnHang, onHang)) {
            return new Outcome("deadlock", null, "every running thread sleeps with nobody to wake it", recordOf(k));
        }
        for (Thread th : threads) {
            th.join();
        }
        Throwable failure;
        synchronized (k) {
            failure = k.run.failure();
            if (sink != null && c.record) {
                sink.ended(failure == null ? RunSink.PASSED : RunSink.FAILED, k.recordCopy());
            }
        }
        return new Outcome(verdictOf(failure), failure, Failures.message(failure), recordOf(k));
    }

    private static int[] recordOf(AllocKernel k) {
        synchronized (k) {
            return k.recordCopy();
        }
    }

    /** The verdict a run's failure means; a revisit (on_revisit=stop) is left to the caller to judge. */
    public static String verdictOf(Throwable failure) {
        return failure instanceof RevisitedState ? "revisit" : SpecViolation.verdictOf(failure);
    }

    /** One thread: its steps until the run is done; a failure is kept for the main thread. */
    static final class Task extends StepThread<Void> {
        private final AllocKernel k;
        private final int role;
        private final int thread;

        Task(AllocKernel k, int role, int thread) {
            this.k = k;
            this.role = role;
            this.thread = thread;
        }

        @Override
        protected Void begin() {
            return null;
        }

        @Override
        protected void steps(Void none) throws InterruptedException {
            switch (role) {
                case TASK1:
                case TASK2:
                    while (k.taskStep(role + 1, thread)) {
                        k.run.pointBetweenSteps();
                    }
                    break;
                default:
                    int[] actions = role == KSWAPD ? KSWAPD_ACTIONS : role == FLUSHER ? FLUSHER_ACTIONS : REAPER_ACTIONS;
                    while (k.backgroundStep(actions, thread)) {
                        k.run.pointBetweenSteps();
                    }
                    break;
            }
        }

        @Override
        protected void ended(Void none, Throwable failed) {
            synchronized (k) {
                k.ended(thread, failed);
            }
        }
    }

    /** A run's result. */
    public static final class Outcome extends RunOutcome {
        private final int[] record;

        Outcome(String verdict, Throwable failure, String message, int[] record) {
            super(verdict, failure, message);
            this.record = record;
        }

        /** The recorded ints (null when not recorded); see {@link #log}. */
        public int[] record() {
            return record;
        }

        /** The run's event log, decoded (null when not recorded). */
        public EventLog log(AllocPolicyParams p) {
            return record == null ? null : EventLog.decode(p, record);
        }
    }

    /** The arguments of a run, parsed. */
    public static final class Config implements HarnessRun<RunSink<int[]>, Outcome> {
        /** The constants of AllocPolicy.tla the catalog types as strings (its enums). */
        private static final String[] STRING_CONSTANTS = {"gfp", "nofail_reserve"};

        final AllocPolicyParams params;
        final int[] invariantCodes;
        final AllocPolicyJudge judge;
        final boolean stopOnHang;
        final boolean record;
        boolean stopOnRevisit;
        boolean pointsBetweenSteps;

        private Config(AllocPolicyParams params, String[] invariants, String[] properties, boolean stopOnHang,
                       boolean record) {
            this.params = params;
            this.invariantCodes = AllocPolicyChecks.codes(invariants);
            // built here, before a checker runs anything: no name lookups under test
            this.judge = new AllocPolicyJudge(params, properties);
            this.stopOnHang = stopOnHang;
            this.record = record;
        }

        public AllocPolicyParams params() {
            return params;
        }

        public boolean record() {
            return record;
        }

        @Override
        public Outcome run(RunSink<int[]> sink) throws InterruptedException {
            return AllocPolicyHarness.run(this, sink);
        }

        public static Config parse(String[] args) {
            return parse(args, true);
        }

        /** Parses name=value arguments; constants typed as the catalog types them. */
        static Config parse(String[] args, boolean recordByDefault) {
            HarnessArgs a = new HarnessArgs(args);
            String inv = a.take(INVARIANTS);
            // + as well as ,: a .jpf file's target.args are split at commas
            String[] invariants = inv == null ? AllocPolicyChecks.NAMES : HarnessArgs.list(inv, "[,+]");
            String props = a.take(PROPERTIES);
            String hang = a.take(ON_HANG);
            boolean stopOnHang = hang != null && HarnessArgs.reportsHang(hang);
            String rec = a.take(RECORD);
            if (rec != null && !"true".equals(rec) && !"false".equals(rec)) {
                throw new IllegalArgumentException("record must be true or false, not " + rec);
            }
            boolean record = rec == null ? recordByDefault : "true".equals(rec);
            String revisit = a.take(ON_REVISIT);
            if (revisit != null && !"judge".equals(revisit) && !"stop".equals(revisit)) {
                throw new IllegalArgumentException("on_revisit must be judge or stop, not " + revisit);
            }
            boolean points = a.flag(POINTS_BETWEEN_STEPS, false);
            AllocPolicyParams params = new AllocPolicyParams(a.constants(AllocPolicyParams.constantNames(),
                    STRING_CONSTANTS));
            a.noOthers("the constants of AllocPolicy.tla, invariants, properties, on_hang, record, on_revisit,"
                    + " points_between_steps");
            String[] properties = props != null ? HarnessArgs.list(props, "[,+]")
                    : new AllocPolicyModel(params).propertyNames().toArray(new String[0]);
            Config c = new Config(params, invariants, properties, stopOnHang, record);
            c.stopOnRevisit = "stop".equals(revisit);
            c.pointsBetweenSteps = points;
            return c;
        }
    }
}
