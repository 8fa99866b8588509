package reservecheck.impl.mempool;

import java.util.Map;
import java.util.Random;

import reservecheck.impl.common.Failures;
import reservecheck.impl.common.HarnessArgs;
import reservecheck.impl.common.HarnessRun;
import reservecheck.impl.common.RunOutcome;
import reservecheck.impl.common.SpecViolation;
import reservecheck.models.mempool.MempoolParams;
import reservecheck.models.mempool.Pc;

/**
 * One run of the mempool implementation with real threads, for any catalog entry: its
 * parameters come as {@code name=value} arguments, so Lincheck (from a test), Java PathFinder
 * ({@code target.args} of the .jpf file {@code reservecheck jpf} generates from the catalog)
 * and a plain JVM run the same code.  The threads are the spec's tasks; each makes its rounds
 * and stops.
 *
 * <p>Arguments: every constant of Mempool.tla ({@code design=modern min_nr=2 procs=3 ...}),
 * and optionally {@code invariants=A+B} (the variant's checks; JPF splits target.args at
 * commas, so the list takes + as well; default {@link #DEFAULT_INVARIANTS}),
 * {@code sleep=unfair|timed} (default unfair, see {@link Mempool#SLEEP_UNFAIR}),
 * {@code on_hang=report|block} (report, the default: the main thread sees every unfinished
 * task asleep with nobody to wake it and ends the run with the hang's verdict; block: it
 * waits like the others, for a checker that reports threads that never run again, as
 * Lincheck's hang does), {@code record=true|false} (keep the event log; default false: under
 * JPF a growing log would make every state new), {@code points_between_steps=true|false}
 * (a read of shared memory between steps, for Lincheck; default false, see Mempool.jitter)
 * {@code seed=N} (plain JVM runs: random yields between steps) and
 * {@code schedule=mempool_alloc(p1)+pool_alloc(p1)+...} (the steps in this order and no other:
 * a trace replayed on the implementation, see Mempool's turn gate; a step the implementation
 * cannot take there fails the run with an error verdict saying which).
 *
 * <p>Verdicts use the catalog's vocabulary: {@code ok}; {@code invariant:<Name>};
 * {@code deadlock} or {@code liveness:AllocReturns} for a hang (see {@link #hangVerdict});
 * {@code error:<what>} for anything else.  {@link #main} throws any other verdict than ok as
 * an AssertionError whose message is the verdict, which JPF reports as an uncaught exception.
 */
public final class MempoolHarness {
    public static final String INVARIANTS = "invariants";
    public static final String SLEEP = "sleep";
    public static final String ON_HANG = "on_hang";
    public static final String SEED = "seed";
    public static final String RECORD = "record";
    public static final String POINTS_BETWEEN_STEPS = "points_between_steps";
    public static final String SCHEDULE = "schedule";

    /**
     * The invariants checked when no list is given: the catalog's protocol-level checks for
     * mempool, the ones every pool user relies on (a test keeps this equal to the catalog).
     * The design rule NoHoldAndWait is checked only where a variant's checks name it: the
     * hold-and-wait entries break it on purpose, to show the hang it prevents.
     */
    public static final String DEFAULT_INVARIANTS =
            "TypeOK+CurrNrBounds+Conservation+AtomicNullOnlyIfEmpty+BlockingNeverNull+NoReserveDip";

    private MempoolHarness() {
    }

    /** Runs once and prints the verdict; any verdict but ok ends main (RunOutcome.endMain). */
    public static void main(String[] args) throws InterruptedException {
        Config c = Config.parse(args);
        Outcome o = run(c, null);
        // after the verdict, the failing run's steps, for its ITF trace (RunLog: a re-run
        // with record=true hands the schedule JPF found over this way)
        o.endMain(c.record && !o.ok() && o.log != null
                ? new RunLog(o.verdict(), o.hung ? RunLog.HANG : RunLog.FAIL, o.log()).toBlock() : null);
    }

    /**
     * Runs once and throws on a failure: the body of a Lincheck test (HarnessRun.check).  A
     * hang's verdict is not thrown: its Lincheck test runs with on_hang=block, so Lincheck sees the
     * hang itself.  The configuration is parsed before (outside the checker's run: parsing is
     * not under test).
     */
    public static void check(Config c, LogSink sink) {
        HarnessRun.check(c, sink);
    }

    /**
     * The verdict for a run in which every unfinished task sleeps on the pool with nobody to
     * wake it.  With the modern timed sleep the spec's io_schedule_timeout is still enabled
     * there, so the state is not dead, but no fair step (TaskProgress) is: AllocReturns fails
     * (TLC reports liveness, not deadlock).  Otherwise no step at all is left: deadlock.
     */
    public static String hangVerdict(MempoolParams p) {
        return !p.is2001() && p.poolWaitTimeout ? "liveness:AllocReturns" : "deadlock";
    }

    /** The verdict a failure of a run means. */
    public static String verdictOf(Throwable failure) {
        return SpecViolation.verdictOf(failure);
    }

    /** Runs the implementation once. */
    public static Outcome run(Config c, LogSink sink) throws InterruptedException {
        Mempool pool = new Mempool(c.params, c.invariantCodes, c.sleepMode, c.record,
                c.pointsBetweenSteps || c.seed >= 0, c.scheduleTasks, c.scheduleLabels);
        Task[] tasks = pool.tasks();
        Thread[] threads = new Thread[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            if (c.seed >= 0) {
                tasks[i].jitter = new Random(c.seed * 1009 + i);
            }
            threads[i] = new Thread(new User(pool, tasks[i], c.params.rounds, c.record), tasks[i].name);
            // a hung run's threads must not keep a plain JVM alive
            threads[i].setDaemon(true);
        }
        synchronized (pool) {
            // every task starts idle; holding the monitor, no task takes a step before all
            // exist (a task whose thread does not exist yet is just an idle one in the spec,
            // so nothing is lost, and a model checker need not interleave the starts)
            for (Thread t : threads) {
                t.start();
            }
        }
        if (!pool.settledLatch.awaitEnd(pool, c.stopOnHang, sink)) {
            String v = hangVerdict(c.params);
            RunTrace trace;
            String unfinished;
            synchronized (pool) {
                trace = pool.runTrace();
                unfinished = pool.scheduleUnfinished();
            }
            if (unfinished != null) {
                // hung before the schedule's end: not the schedule's hang
                AssertionError e = new AssertionError(unfinished);
                return new Outcome(verdictOf(e), e, unfinished, trace, false);
            }
            return new Outcome(v, null, "every unfinished task sleeps on the pool: " + describe(pool), trace, true);
        }
        Throwable failure = pool.failure();
        if (failure == null) {
            for (Thread t : threads) {
                t.join();
            }
            failure = finalCheck(pool, c.invariantCodes);
        }
        if (failure == null) {
            String unfinished;
            synchronized (pool) {
                unfinished = pool.scheduleUnfinished();
            }
            if (unfinished != null) {
                failure = new AssertionError(unfinished);
            }
        }
        RunTrace trace;
        synchronized (pool) {
            trace = pool.runTrace();
        }
        if (sink != null && trace != null) {
            sink.ended(failure == null ? LogSink.PASSED : LogSink.FAILED, trace);
        }
        return new Outcome(verdictOf(failure), failure, Failures.message(failure), trace, false);
    }

    /** After the threads ended: every task made all its requests, and the invariants hold. */
    private static Throwable finalCheck(Mempool pool, int[] invariants) {
        synchronized (pool) {
            for (Task t : pool.tasks()) {
                if (t.pc != Pc.DONE) {
                    return new AssertionError("task " + t.name + " ended at pc " + Pc.name(t.pc) + ", not done");
                }
            }
            for (int inv : invariants) {
                String broken = MempoolChecks.violation(inv, pool);
                if (broken != null) {
                    return new InvariantViolation(MempoolChecks.name(inv), "in the final state: " + broken);
                }
            }
        }
        return null;
    }

    private static String describe(Mempool pool) {
        StringBuilder b = new StringBuilder();
        synchronized (pool) {
            for (Task t : pool.tasks()) {
                b.append(b.length() == 0 ? "" : ", ").append(t.name).append(' ')
                        .append(t.finished ? "done" : t.sleeping ? "asleep" : "running");
            }
            b.append("; curr_nr = ").append(pool.currNr());
        }
        return b.toString();
    }

    /** A run's result. */
    public static final class Outcome extends RunOutcome {
        private final RunTrace log;
        private final boolean hung;

        Outcome(String verdict, Throwable failure, String message, RunTrace log, boolean hung) {
            super(verdict, failure, message);
            this.log = log;
            this.hung = hung;
        }

        /** The run hung: every unfinished task sleeps on the pool with nobody to wake it. */
        public boolean hung() {
            return hung;
        }

        /** The run's event log, decoded (null when not recorded). */
        public EventLog log() {
            return log == null ? null : log.decode();
        }
    }

    /** The arguments of a run, parsed. */
    public static final class Config implements HarnessRun<LogSink, Outcome> {
        /** JPF splits target.args at commas, so a list takes + as well. */
        private static final String LIST_SEPARATORS = "[,+]";
        /** The constants of Mempool.tla the catalog types as strings. */
        private static final String[] STRING_CONSTANTS = {"design", "wake_up"};

        final MempoolParams params;
        final String[] invariants;
        final int[] invariantCodes;
        final int sleepMode;
        final boolean stopOnHang;
        final long seed;
        final boolean record;
        final boolean pointsBetweenSteps;
        /** The forced order of steps (task indices, Trace label codes), or null. */
        final int[] scheduleTasks;
        final int[] scheduleLabels;

        private Config(MempoolParams params, String[] invariants, int sleepMode, boolean stopOnHang, long seed,
                       boolean record, boolean pointsBetweenSteps, int[][] schedule) {
            this.scheduleTasks = schedule == null ? null : schedule[0];
            this.scheduleLabels = schedule == null ? null : schedule[1];
            this.params = params;
            this.invariants = invariants;
            // resolved here, before a checker runs anything: no name lookups under test
            this.invariantCodes = MempoolChecks.codes(invariants);
            this.sleepMode = sleepMode;
            this.stopOnHang = stopOnHang;
            this.seed = seed;
            this.record = record;
            this.pointsBetweenSteps = pointsBetweenSteps;
        }

        public MempoolParams params() {
            return params;
        }

        @Override
        public Outcome run(LogSink sink) throws InterruptedException {
            return MempoolHarness.run(this, sink);
        }

        /** The invariants checked after every step. */
        public String[] invariants() {
            return invariants.clone();
        }

        /**
         * Parses {@code name=value} arguments (see the class comment).  Spec constants are
         * typed as the catalog types them: design and wake_up are strings, true/false booleans,
         * everything else an integer.
         */
        public static Config parse(String[] args) {
            HarnessArgs a = new HarnessArgs(args);
            String v = a.take(INVARIANTS);
            String[] invariants = HarnessArgs.list(v == null ? DEFAULT_INVARIANTS : v, LIST_SEPARATORS);
            int sleep = Mempool.SLEEP_UNFAIR;
            v = a.take(SLEEP);
            if ("timed".equals(v)) {
                sleep = Mempool.SLEEP_TIMED;
            } else if (v != null && !"unfair".equals(v)) {
                throw new IllegalArgumentException("sleep must be unfair or timed, not " + v);
            }
            v = a.take(ON_HANG);
            boolean stopOnHang = v == null || HarnessArgs.reportsHang(v);
            v = a.take(SEED);
            long seed = v == null ? -1 : Long.parseLong(v);
            boolean record = a.flag(RECORD, false);
            boolean points = a.flag(POINTS_BETWEEN_STEPS, false);
            String schedule = a.take(SCHEDULE);
            Map<String, Object> values = a.constants(MempoolParams.constantNames(), STRING_CONSTANTS);
            a.noOthers("the constants of Mempool.tla, " + INVARIANTS + ", " + SLEEP + ", " + ON_HANG + ", " + RECORD
                    + ", " + POINTS_BETWEEN_STEPS + ", " + SEED + ", " + SCHEDULE);
            MempoolParams params = new MempoolParams(values);
            return new Config(params, invariants, sleep, stopOnHang, seed, record, points,
                    schedule == null ? null : parseSchedule(schedule, params));
        }

        /** {@code label(task)+label(task)...}: each a spec action and a task of these parameters. */
        private static int[][] parseSchedule(String value, MempoolParams params) {
            String[] steps = value.isEmpty() ? new String[0] : value.split("\\+");
            int[] scheduleTasks = new int[steps.length];
            int[] scheduleLabels = new int[steps.length];
            for (int k = 0; k < steps.length; k++) {
                String step = steps[k].trim();
                int open = step.indexOf('(');
                if (open <= 0 || !step.endsWith(")")) {
                    throw new IllegalArgumentException("schedule step " + (k + 1) + " is not label(task): " + step);
                }
                String label = step.substring(0, open);
                String task = step.substring(open + 1, step.length() - 1);
                scheduleLabels[k] = Action.code(label);
                scheduleTasks[k] = -1;
                for (int i = 0; i < params.taskCount(); i++) {
                    if (params.taskName(i).equals(task)) {
                        scheduleTasks[k] = i;
                    }
                }
                if (scheduleLabels[k] < 0) {
                    throw new IllegalArgumentException("schedule step " + (k + 1) + ": " + label
                            + " is not an action of the implementation");
                }
                if (scheduleTasks[k] < 0) {
                    throw new IllegalArgumentException("schedule step " + (k + 1) + ": no task " + task);
                }
            }
            return new int[][] {scheduleTasks, scheduleLabels};
        }
    }
}
