package reservecheck.impl.reserve_tree;

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
import reservecheck.models.lts.Model;
import reservecheck.models.reserve_tree.ReserveTreeParams;
import reservecheck.results.JUnitXmlWriter;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;

/**
 * The Lincheck checker over the reserve_tree catalog: every entry with a lincheck expectation
 * runs its harness (an actor thread per swapfile, sysctl writer, reserve user, allocator,
 * SIGKILL sender and kswapd, as the entry's parameters say) under Lincheck.  A design must pass
 * its interleavings; a bug must be found, with the same failing schedule on a second run.  The
 * event log of the failing interleaving and of a sample of passing ones are replayed on the
 * reference model with no divergence; for a hang the model must be stuck where the
 * implementation is.  Every outcome goes into the results file as checker {@code lincheck}.
 *
 * <p>Budgets (system properties): {@code reservecheck.lincheck.designInvocations} (default
 * 200) interleavings for a design, {@code reservecheck.lincheck.bugInvocations} (default
 * 10000; static_reserve_exhaustion's deadlock needs four switches and takes about 7200) at most
 * for a bug; {@code reservecheck.lincheck.only=NAME} runs one entry.  The second run that
 * shows the schedule is the same is made when the first took under
 * {@code reservecheck.lincheck.rerunSeconds} (default 20; Lincheck's search is deterministic,
 * which every quick finding shows again, and make test has a time budget).
 */
class ReserveTreeLincheckTest {
    static final String CHECKER = "lincheck";
    static final int DESIGN_INVOCATIONS = Integer.getInteger("reservecheck.lincheck.designInvocations", 200);
    static final int BUG_INVOCATIONS = Integer.getInteger("reservecheck.lincheck.bugInvocations", 10000);
    static final int RERUN_SECONDS = Integer.getInteger("reservecheck.lincheck.rerunSeconds", 20);
    /** About one passing record in this many is replayed. */
    static final int PASS_SAMPLE = Integer.getInteger("reservecheck.lincheck.sample", 4);

    private static final List<ResultRecord> records = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyEntryGivesTheCatalogsLincheckVerdict() {
        String only = System.getProperty("reservecheck.lincheck.only");
        List<Variant> variants = TreeCatalog.withExpectation(CHECKER).stream()
                .filter(v -> only == null || v.name().equals(only)).toList();
        assertFalse(variants.isEmpty() && only == null, "the catalog has no lincheck expectations for reserve_tree");
        return variants.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
    }

    private static void check(Variant v) throws IOException {
        String expected = v.expectedVerdict(CHECKER).orElseThrow();
        int budget = v.kind() == Kind.DESIGN ? DESIGN_INVOCATIONS : BUG_INVOCATIONS;
        boolean mustFail = !expected.equals("ok");
        TreeLincheckRun run;
        try {
            run = TreeLincheckRun.run(v, budget, PASS_SAMPLE, mustFail);
        } catch (AssertionError nothingFound) {
            record(ResultRecord.compare(v, CHECKER, "ok", -1, -1, 0, nothingFound.getMessage(), null));
            throw nothingFound;
        }

        List<String> problems = new ArrayList<>();
        String sameSchedule = "";
        if (run.report != null && run.seconds >= RERUN_SECONDS) {
            sameSchedule = String.format(", not run again (%.0f s)", run.seconds);
        } else if (run.report != null) {
            // Lincheck's search is deterministic: a second run must fail on the same schedule
            TreeLincheckRun again = TreeLincheckRun.run(v, budget, PASS_SAMPLE, true);
            boolean same = TreeLincheckRun.schedule(run.report).equals(TreeLincheckRun.schedule(again.report))
                    && run.invocations == again.invocations;
            sameSchedule = same ? ", the same schedule on a second run" : ", a DIFFERENT schedule on a second run";
            if (!same) {
                problems.add("the second run failed differently (after " + again.invocations + " interleavings: "
                        + again.verdict + ")");
            }
        }

        Replays replays = Replays.of(TreeCatalog.model(v), TreeCatalog.params(v), run);
        problems.addAll(replays.problems);
        if (run.report != null && replays.failing == 0) {
            problems.add("no event log of the failing interleaving reached the sink");
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
            assertTrue(run.invocations > 0, v.name() + ": Lincheck ran nothing");
        }
    }

    private static void record(ResultRecord r) {
        synchronized (records) {
            records.add(r);
        }
    }

    /** The Lincheck report and the failing run's event log, for people. */
    private static String writeTrace(Variant v, TreeLincheckRun run, Replays replays) throws IOException {
        Path dir = TreeCatalog.root().resolve("results/traces").resolve(CHECKER);
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
        if (replays.failingLog != null && replays.failingResult.agrees()) {
            // the steps, for the traces module to make the ITF trace from (docs/TRACES.md)
            StringBuilder steps = new StringBuilder();
            steps.append("# ").append(v.name()).append(": ").append(run.verdict).append(", found by lincheck after ")
                    .append(run.invocations).append(" interleavings; the failing interleaving's steps, whose event log")
                    .append(" replays on the model with no divergence\n");
            steps.append("verdict ").append(run.verdict).append('\n');
            EventLog log = replays.failingLog;
            for (int i = 0; i < log.size(); i++) {
                Event e = log.event(i);
                steps.append(e.label()).append(e.task() == null ? "" : "(" + e.task() + ")").append('\n');
            }
            Files.writeString(dir.resolve(v.name() + ".steps"), steps.toString(), StandardCharsets.UTF_8);
        }
        return TreeCatalog.root().relativize(file).toString().replace('\\', '/');
    }

    private static String firstLines(String s, int n) {
        return String.join("\n", s.lines().limit(n).toList());
    }

    @AfterAll
    static void writeResults() throws IOException {
        if (records.isEmpty()) {
            return;
        }
        ResultsFile results = ResultsFile.inRepository(TreeCatalog.root());
        List<ResultRecord> all = results.merge(records);
        JUnitXmlWriter.write(JUnitXmlWriter.junitDir(results.path()), CHECKER,
                all.stream().filter(r -> r.checker().equals(CHECKER)).toList());
    }

    /** The replays of one Lincheck run's records on the model. */
    static final class Replays {
        int replayed;
        int failing;
        int divergences;
        int failingSteps = -1;
        EventLog failingLog;
        LogReplay.Result failingResult;
        final List<String> problems = new ArrayList<>();

        static Replays of(Model<Object> model, ReserveTreeParams params, TreeLincheckRun run) {
            Replays r = new Replays();
            for (String kind : new String[] {LogSink.FAILED, LogSink.HUNG, LogSink.PASSED}) {
                for (int[] rec : run.logs.records(kind)) {
                    // the sink has the schedule; its states follow by running it again
                    EventLog log;
                    try {
                        log = EventLog.decode(params, Schedule.states(params, run.config.layout, rec));
                    } catch (IllegalStateException e) {
                        r.divergences++;
                        r.problems.add(kind + " run: its schedule does not run again: " + e.getMessage());
                        continue;
                    }
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
                            r.failingResult = res;
                            r.failingSteps = log.size();
                        }
                    }
                    if (LogSink.HUNG.equals(kind) && res.agrees() && !res.endIsStuck()) {
                        // the implementation hung where the model can still step
                        r.problems.add("hung run: the model can still step where the implementation hung");
                    }
                }
            }
            if (run.logs.dropped() > 0) {
                r.problems.add(run.logs.dropped() + " records did not fit the sink");
            }
            return r;
        }
    }
}
