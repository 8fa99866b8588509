package reservecheck.impl.net_rx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reservecheck.impl.common.Failures;
import reservecheck.impl.common.HarnessArgs;
import reservecheck.impl.common.HarnessRun;
import reservecheck.impl.common.RunOutcome;
import reservecheck.impl.common.RunSink;
import reservecheck.impl.common.SpecViolation;
import reservecheck.impl.common.StepThread;
import reservecheck.impl.common.StepsText;
import reservecheck.models.net_rx.NetRxModel;
import reservecheck.models.net_rx.NetRxParams;

/**
 * One run of the network receive implementation with real threads, for any catalog entry of
 * catalog/net_rx.yaml: its parameters come as {@code name=value} arguments, so Lincheck (from a
 * test), Java PathFinder ({@code target.args} of the .jpf file reservecheck jpf generates) and a
 * plain JVM run the same code.  The threads: the driver (rx ring refill), the softirq (receive
 * and the socket layer), the swap-out task with its transport, and one reader per ordinary
 * socket; each steps until the run is done (NetRxKernel).
 *
 * <p>Arguments: every constant of NetRx.tla; optionally {@code invariants=A+B} (default: all
 * five), {@code properties=P+Q} (what a recording run's loops are judged against, NetRxJudge;
 * default: both of the spec's), {@code on_hang=block|report}, {@code record=true|false|schedule} (off by
 * default in {@link #main}: a growing log makes every state new to JPF; schedule: actions and
 * tasks only, the states follow by running it again, see Schedule), {@code on_revisit=judge|stop}
 * and {@code points_between_steps=true} (for Lincheck, see StepRun).
 *
 * <p>Verdicts in the catalog's vocabulary: {@code ok}, {@code invariant:<Name>},
 * {@code liveness:<Name>} (a recording run's weakly fair loop), {@code deadlock} (every running
 * task sleeps and nobody can wake it: the spec has no step there), {@code error:<what>}.
 */
public final class NetRxHarness {
    public static final String INVARIANTS = "invariants";
    public static final String PROPERTIES = "properties";
    public static final String ON_HANG = "on_hang";
    public static final String RECORD = "record";
    public static final String ON_REVISIT = "on_revisit";
    public static final String POINTS_BETWEEN_STEPS = "points_between_steps";

    /** Task numbers: the driver, the softirq, the swap-out, then the readers of sockets 1..N. */
    static final int DRIVER = 0;
    static final int SOFTIRQ = 1;
    static final int SWAPOUT = 2;
    static final int READERS = 3;

    private NetRxHarness() {
    }

    /**
     * The JPF entry point: runs once and throws an AssertionError whose message is the verdict
     * (reservecheck.jpf.JpfOutput reads it back); a hang blocks, for JPF's NotDeadlockedProperty.
     */
    public static void main(String[] args) throws InterruptedException {
        Config c = Config.parse(args, false);
        Outcome o = run(c, null);
        // with record=true a failed run's steps follow the verdict line, for its ITF trace
        // (reservecheck.traces.ImplementationSteps.lastIn reads JPF's output back)
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

    /** Runs the implementation once. */
    public static Outcome run(Config c, final RunSink<int[]> sink) throws InterruptedException {
        NetRxParams p = c.params;
        int n = READERS + p.ordinarySockets;
        final NetRxKernel k = new NetRxKernel(p, c.invariantCodes, c.record, c.scheduleOnly, c.pointsBetweenSteps, n);
        if (c.record) {
            k.watchCycles(c.judge);
        }
        k.stopOnRevisit = c.stopOnRevisit;
        Thread[] threads = new Thread[n];
        for (int t = 0; t < n; t++) {
            threads[t] = new Thread(new Task(k, t));
            // a hung run's threads must not keep a plain JVM alive
            threads[t].setDaemon(true);
        }
        synchronized (k) {
            // holding the monitor, no task steps before all exist (none is lost, and a model
            // checker need not interleave the starts)
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
            return new Outcome("deadlock", null, "every running task sleeps with nobody to wake it", recordOf(k),
                    c.scheduleOnly);
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
        return new Outcome(verdictOf(failure), failure, Failures.message(failure), recordOf(k), c.scheduleOnly);
    }

    private static int[] recordOf(NetRxKernel k) {
        synchronized (k) {
            return k.recordCopy();
        }
    }

    /** The verdict a run's failure means; a revisit (on_revisit=stop) is left to the caller to judge. */
    public static String verdictOf(Throwable failure) {
        return failure instanceof RevisitedState ? "revisit" : SpecViolation.verdictOf(failure);
    }

    /** One task's thread: its steps until the run is done; a failure is kept for the main thread. */
    static final class Task extends StepThread<Void> {
        private final NetRxKernel k;
        private final int task;

        Task(NetRxKernel k, int task) {
            this.k = k;
            this.task = task;
        }

        @Override
        protected Void begin() {
            return null;
        }

        @Override
        protected void steps(Void none) throws InterruptedException {
            switch (task) {
                case DRIVER:
                    while (k.driverStep(task)) {
                        k.run.pointBetweenSteps();
                    }
                    break;
                case SOFTIRQ:
                    while (k.softirqStep(task)) {
                        k.run.pointBetweenSteps();
                    }
                    break;
                case SWAPOUT:
                    while (k.swapStep(task)) {
                        k.run.pointBetweenSteps();
                    }
                    break;
                default:
                    while (k.readerStep(task - READERS + 1, task)) {
                        k.run.pointBetweenSteps();
                    }
                    break;
            }
        }

        @Override
        protected void ended(Void none, Throwable failed) {
            synchronized (k) {
                k.ended(task, failed);
            }
        }
    }

    /** A run's result. */
    public static final class Outcome extends RunOutcome {
        private final int[] record;

        Outcome(String verdict, Throwable failure, String message, int[] record, boolean scheduleOnly) {
            super(verdict, failure, message);
            this.record = record;
            this.scheduleOnly = scheduleOnly;
        }

        private final boolean scheduleOnly;

        /** The recorded ints (null when not recorded); see {@link #log}. */
        public int[] record() {
            return record;
        }

        /** The run's event log, decoded (null when not recorded); a schedule is run again first. */
        public EventLog log(NetRxParams p) {
            return record == null ? null : EventLog.decode(p, scheduleOnly ? Schedule.states(p, record) : record);
        }
    }

    /** The arguments of a run, parsed. */
    public static final class Config implements HarnessRun<RunSink<int[]>, Outcome> {
        /** The constants of NetRx.tla the catalog types as strings (its enums). */
        private static final String[] STRING_CONSTANTS = {"memalloc_drop_in", "reserve_counter", "pfmemalloc_marked_at"};

        final NetRxParams params;
        final int[] invariantCodes;
        final NetRxJudge judge;
        final boolean stopOnHang;
        final boolean record;
        /** record=schedule: actions and tasks only (see NetRxKernel.scheduleOnly). */
        boolean scheduleOnly;
        boolean stopOnRevisit;
        boolean pointsBetweenSteps;

        private Config(NetRxParams params, String[] invariants, String[] properties, boolean stopOnHang,
                       boolean record) {
            this.params = params;
            this.invariantCodes = NetRxChecks.codes(invariants);
            // built here, before a checker runs anything: no name lookups under test
            this.judge = new NetRxJudge(params, properties);
            this.stopOnHang = stopOnHang;
            this.record = record;
        }

        public NetRxParams params() {
            return params;
        }

        public boolean record() {
            return record;
        }

        @Override
        public Outcome run(RunSink<int[]> sink) throws InterruptedException {
            return NetRxHarness.run(this, sink);
        }

        public static Config parse(String[] args) {
            return parse(args, true);
        }

        /** Parses name=value arguments; constants typed as the catalog types them. */
        static Config parse(String[] args, boolean recordByDefault) {
            Map<String, Object> values = new LinkedHashMap<String, Object>();
            String[] invariants = NetRxChecks.NAMES;
            String[] properties = null;
            boolean stopOnHang = false;
            boolean record = recordByDefault;
            boolean scheduleOnly = false;
            boolean stopOnRevisit = false;
            boolean points = false;
            List<String> constants = NetRxParams.constantNames();
            for (String a : args) {
                int eq = HarnessArgs.equalsAt(a);
                String name = a.substring(0, eq);
                String value = a.substring(eq + 1);
                if (INVARIANTS.equals(name)) {
                    // + as well as ,: a .jpf file's target.args are split at commas
                    invariants = HarnessArgs.list(value, "[,+]");
                } else if (PROPERTIES.equals(name)) {
                    properties = HarnessArgs.list(value, "[,+]");
                } else if (ON_HANG.equals(name)) {
                    stopOnHang = HarnessArgs.reportsHang(value);
                } else if (RECORD.equals(name)) {
                    if (!"true".equals(value) && !"false".equals(value) && !"schedule".equals(value)) {
                        throw new IllegalArgumentException("record must be true, false or schedule, not " + value);
                    }
                    record = !"false".equals(value);
                    scheduleOnly = "schedule".equals(value);
                } else if (ON_REVISIT.equals(name)) {
                    if (!"judge".equals(value) && !"stop".equals(value)) {
                        throw new IllegalArgumentException("on_revisit must be judge or stop, not " + value);
                    }
                    stopOnRevisit = "stop".equals(value);
                } else if (POINTS_BETWEEN_STEPS.equals(name)) {
                    points = Boolean.parseBoolean(value);
                } else if (constants.contains(name)) {
                    values.put(name, HarnessArgs.typed(name, value, STRING_CONSTANTS));
                } else {
                    throw new IllegalArgumentException("unknown argument " + name + " (the constants of NetRx.tla,"
                            + " invariants, properties, on_hang, record, on_revisit, points_between_steps)");
                }
            }
            NetRxParams params = new NetRxParams(values);
            if (properties == null) {
                properties = new NetRxModel(params).propertyNames().toArray(new String[0]);
            }
            Config c = new Config(params, invariants, properties, stopOnHang, record);
            c.stopOnRevisit = stopOnRevisit;
            c.scheduleOnly = scheduleOnly;
            c.pointsBetweenSteps = points;
            return c;
        }
    }
}
