package reservecheck.impl.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Variant;
import reservecheck.models.lts.Transition;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.models.mempool.MempoolState;
import reservecheck.results.JUnitXmlWriter;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;

/**
 * The Lincheck checker over the catalog: every mempool entry with a lincheck expectation runs
 * its harness (threads = the entry's tasks, bounds and policy from its parameters) under
 * Lincheck with the timed sleep run unfairly (see Mempool.SLEEP_UNFAIR).  A design must pass
 * its interleavings; a bug must be found, with the same failing schedule on a second run.
 * The event logs of the failing interleaving and of a sample of passing ones are replayed on
 * the reference model with no divergence, and for a hang the model must agree that no fair
 * step is left.  Every outcome goes into the results file as checker {@code lincheck}.
 *
 * <p>Budgets (system properties): {@code reservecheck.lincheck.designInvocations} (default
 * 200) interleavings for a design, {@code reservecheck.lincheck.bugInvocations} (default 6000)
 * at most for a bug; {@code reservecheck.lincheck.only=NAME} runs one entry.
 */
class MempoolLincheckTest {
    static final String CHECKER = "lincheck";
    static final int DESIGN_INVOCATIONS = Integer.getInteger("reservecheck.lincheck.designInvocations", 200);
    static final int BUG_INVOCATIONS = Integer.getInteger("reservecheck.lincheck.bugInvocations", 6000);
    /** About one passing log in this many is replayed. */
    static final int PASS_SAMPLE = Integer.getInteger("reservecheck.lincheck.sample", 4);

    private static final List<ResultRecord> records = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyEntryGivesTheCatalogsLincheckVerdict() {
        String only = System.getProperty("reservecheck.lincheck.only");
        List<Variant> variants = ImplCatalog.withExpectation(CHECKER).stream()
                .filter(v -> only == null || v.name().equals(only)).toList();
        assertFalse(variants.isEmpty(), "the catalog has no lincheck expectations for mempool");
        return variants.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
    }

    private static void check(Variant v) throws IOException {
        String expected = v.expectedVerdict(CHECKER).orElseThrow();
        int budget = v.expectation(CHECKER).orElseThrow()
                .interleavingsOr(v.kind() == Kind.DESIGN ? DESIGN_INVOCATIONS : BUG_INVOCATIONS);
        // an entry the catalog expects Lincheck to find must make it fail (assertThrows)
        boolean mustFail = !expected.equals("ok");
        LincheckRun run;
        try {
            run = LincheckRun.run(v, budget, "unfair", PASS_SAMPLE, mustFail);
        } catch (AssertionError nothingFound) {
            record(ResultRecord.compare(v, CHECKER, "ok", -1, -1, 0, nothingFound.getMessage(), null));
            throw nothingFound;
        }

        List<String> problems = new ArrayList<>();
        String sameSchedule = "";
        if (run.report != null) {
            // Lincheck's search is deterministic: a second run must fail on the same schedule
            LincheckRun again = LincheckRun.run(v, budget, "unfair", PASS_SAMPLE, true);
            boolean same = LincheckRun.schedule(run.report).equals(LincheckRun.schedule(again.report))
                    && run.invocations == again.invocations;
            sameSchedule = same ? ", the same schedule on a second run" : ", a DIFFERENT schedule on a second run";
            if (!same) {
                problems.add("the second run failed differently (after " + again.invocations + " interleavings: "
                        + again.verdict + ")");
            }
        }

        MempoolModel model = ImplCatalog.model(v);
        Replays replays = Replays.of(model, run);
        problems.addAll(replays.problems);
        if (run.report != null && replays.failing == 0) {
            problems.add("no event log of the failing interleaving reached the sink");
        }
        if (run.report != null && run.verdict.equals(MempoolHarness.hangVerdict(ImplCatalog.params(v)))) {
            for (String p : replays.hangChecks) {
                problems.add(p);
            }
        }

        String trace = run.report == null ? null : writeTrace(v, run, replays);
        String message = String.format("%d interleavings in %.1f s%s; %d event logs replayed on the model "
                        + "(%d of failing runs), %d divergences", run.invocations, run.seconds, sameSchedule,
                replays.replayed, replays.failing, replays.divergences)
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
        record(ResultRecord.compare(v, CHECKER, run.verdict, -1, replays.failingSteps, run.seconds, message, trace));
        System.out.println("lincheck " + v.name() + ": " + run.verdict + " (" + message + ")");

        assertEquals(expected, run.verdict, v.name() + ": " + message
                + (run.report == null ? "" : "\n" + firstLines(run.report, 60)));
        assertEquals(0, replays.divergences, v.name() + ": " + String.join("\n", replays.problems));
        assertTrue(replays.replayed > 0, v.name() + ": no event log was replayed");
        assertTrue(problems.isEmpty(), v.name() + ": " + String.join("; ", problems));
        if (run.report == null) {
            // a design passed every interleaving asked for, or all there are
            assertTrue(run.invocations > 0, v.name() + ": Lincheck ran nothing");
        }
    }

    private static void record(ResultRecord r) {
        synchronized (records) {
            records.add(r);
        }
    }

    /**
     * The Lincheck report and the failing run's event log, for people ({@code <variant>.txt}),
     * and the log with its verdict as a {@link RunLog} ({@code <variant>.log}), which the
     * traces module's tests (a later module: this one cannot depend on it) turn into the ITF
     * trace {@code <variant>.itf.json} (reservecheck.traces.ImplementationTraces).
     */
    private static String writeTrace(Variant v, LincheckRun run, Replays replays) throws IOException {
        Path dir = ImplCatalog.root().resolve("results/traces").resolve(CHECKER);
        Files.createDirectories(dir);
        Path file = dir.resolve(v.name() + ".txt");
        StringBuilder b = new StringBuilder();
        b.append(v.name()).append(": ").append(run.verdict).append(" after ").append(run.invocations)
                .append(" interleavings\n\n").append(run.report).append('\n');
        if (replays.failingLog != null) {
            b.append("\nEvent log of the failing interleaving (").append(replays.failingResult).append("):\n")
                    .append(replays.failingLog.toText());
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        Path runLog = dir.resolve(v.name() + ".log");
        if (replays.failingLog != null) {
            String end = LogSink.HUNG.equals(replays.failingKind) ? RunLog.HANG : RunLog.FAIL;
            Files.writeString(runLog, new RunLog(run.verdict, end, replays.failingLog).toText(), StandardCharsets.UTF_8);
        } else {
            // no log of this failure: an older run's must not pass for it
            Files.deleteIfExists(runLog);
        }
        return ImplCatalog.root().relativize(file).toString().replace('\\', '/');
    }

    private static String firstLines(String s, int n) {
        return String.join("\n", s.lines().limit(n).toList());
    }

    @AfterAll
    static void writeResults() throws IOException {
        if (records.isEmpty()) {
            return;
        }
        ResultsFile results = ResultsFile.inRepository(ImplCatalog.root());
        List<ResultRecord> all = results.merge(records);
        JUnitXmlWriter.write(JUnitXmlWriter.junitDir(results.path()), CHECKER,
                all.stream().filter(r -> r.checker().equals(CHECKER)).toList());
    }

    /** The replays of one Lincheck run's logs on the model. */
    static final class Replays {
        int replayed;
        int failing;
        int divergences;
        int failingSteps = -1;
        EventLog failingLog;
        /** LogSink.FAILED or LogSink.HUNG: how the failing run ended. */
        String failingKind;
        LogReplay.Result failingResult;
        final List<String> problems = new ArrayList<>();
        final List<String> hangChecks = new ArrayList<>();

        static Replays of(MempoolModel model, LincheckRun run) {
            Replays r = new Replays();
            for (String kind : new String[] {LogSink.FAILED, LogSink.HUNG, LogSink.PASSED}) {
                for (EventLog log : run.logs.logs(kind)) {
                    LogReplay.Result res = LogReplay.replay(model, log);
                    r.replayed++;
                    if (!res.agrees()) {
                        r.divergences++;
                        r.problems.add(kind + " run: " + res.divergence());
                    }
                    if (!LogSink.PASSED.equals(kind)) {
                        r.failing++;
                        if (r.failingLog == null) {
                            r.failingLog = log;
                            r.failingKind = kind;
                            r.failingResult = res;
                            r.failingSteps = log.size();
                        }
                    }
                    if (LogSink.HUNG.equals(kind) && res.agrees()) {
                        String p = modelAgreesOnHang(model, res.lastState(), run.verdict);
                        if (p != null) {
                            r.hangChecks.add(p);
                        }
                    }
                }
            }
            if (run.logs.dropped() > 0) {
                r.problems.add(run.logs.dropped() + " logs did not fit the sink");
            }
            return r;
        }

        /**
         * In the state where the implementation hung, the model must have no fair step
         * (TaskProgress) for anyone, and no step at all if the verdict is deadlock.
         */
        static String modelAgreesOnHang(MempoolModel model, MempoolState s, String verdict) {
            List<Transition<MempoolState>> next = model.successors(s);
            for (Transition<MempoolState> t : next) {
                if (model.fairnessGroup(t) != null) {
                    return "the implementation hung, but the model can still take " + t;
                }
            }
            if ("deadlock".equals(verdict) && !next.isEmpty()) {
                return "deadlock, but the model can still take " + next;
            }
            if (!"deadlock".equals(verdict) && next.isEmpty()) {
                return verdict + ", but the model is in a dead state (deadlock)";
            }
            return null;
        }
    }
}
