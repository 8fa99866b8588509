package reservecheck.impl.common;

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
import org.junit.jupiter.api.TestInstance;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Variant;
import reservecheck.results.JUnitXmlWriter;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.results.Run;

/**
 * The Lincheck checker over one protocol's catalog entries: every entry with a lincheck
 * expectation runs its harness under Lincheck.  A design must pass its interleavings; a bug
 * must be found, with the same failing schedule on a second run.  The event logs of the
 * failing interleaving and of every passing one are replayed on the reference model
 * with no divergence.  Every outcome goes into the results file as checker {@code lincheck}.
 * The protocol supplies the run, the replays and what a failure leaves for the traces module.
 *
 * <p>Budgets (system properties): {@code reservecheck.lincheck.designInvocations} (default
 * 200) interleavings for a design, {@code reservecheck.lincheck.bugInvocations} (the
 * protocol's default) at most for a bug; {@code reservecheck.lincheck.only=NAME} runs one
 * entry; {@code reservecheck.lincheck.job} picks make test's checks or make lincheck-long's
 * ({@link #inThisJob}).  The second run is made when the first took under the protocol's rerun
 * limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CatalogLincheckTest<R extends LincheckOutcome, P extends CatalogLincheckTest.Replays> {
    public static final String CHECKER = "lincheck";
    public static final int DESIGN_INVOCATIONS = Integer.getInteger("reservecheck.lincheck.designInvocations", 200);
    /** About one passing log in this many is replayed: every one by default. */
    public static final int PASS_SAMPLE = Integer.getInteger("reservecheck.lincheck.sample", 1);
    /** Which Lincheck checks a run makes: see {@link #inThisJob}. */
    public static final String JOB_PROPERTY = "reservecheck.lincheck.job";
    public static final String USUAL_JOB = "usual";

    private final List<ResultRecord> records = new ArrayList<>();
    // the run the records are of, from when the searches start (make test gives all its JVMs one id)
    private final Run stamp = Run.ofThisInvocation();
    private final String protocol;
    private final int bugInvocations;
    private final double rerunSeconds;

    /**
     * @param bugInvocations at most this many interleavings for a bug (the property overrides)
     * @param rerunSeconds   a failure found in this long or longer is not run again
     */
    protected CatalogLincheckTest(String protocol, int bugInvocations, double rerunSeconds) {
        this.protocol = protocol;
        this.bugInvocations = Integer.getInteger("reservecheck.lincheck.bugInvocations", bugInvocations);
        this.rerunSeconds = rerunSeconds;
    }

    /**
     * Whether this run's job ({@code reservecheck.lincheck.job}) runs the check: {@code usual}
     * (make test) the entries without a job, {@code long} (make lincheck-long) those whose
     * expectation says {@code job: long}, unset both.
     */
    public static boolean inThisJob(reservecheck.catalog.Expectation e) {
        String job = System.getProperty(JOB_PROPERTY);
        if (job == null) {
            return true;
        }
        if (!job.equals(USUAL_JOB) && !job.equals(reservecheck.catalog.Expectation.LONG_JOB)) {
            throw new IllegalArgumentException(JOB_PROPERTY + " is " + job + ": " + USUAL_JOB + " or "
                    + reservecheck.catalog.Expectation.LONG_JOB);
        }
        return e.longJob() == job.equals(reservecheck.catalog.Expectation.LONG_JOB);
    }

    /** The protocol's entries with a lincheck expectation. */
    protected abstract List<Variant> entries();

    /** One Lincheck run of the entry's harness (see {@link LincheckRuns#run}). */
    protected abstract R run(Variant v, int invocations, boolean mustFail);

    /** The run's logs replayed on the entry's model. */
    protected abstract P replay(Variant v, R run);

    /** Problems the protocol sees beyond divergences (checked after the replays'). */
    protected List<String> moreProblems(Variant v, R run, P replays) {
        return List.of();
    }

    /** What the failing run leaves for the traces module, next to the report in {@code dir}. */
    protected abstract void writeSteps(Path dir, Variant v, R run, P replays) throws IOException;

    /** The replays of one Lincheck run's logs on the model. */
    public abstract static class Replays {
        public int replayed;
        public int failing;
        public int divergences;
        public int failingSteps = -1;
        public final List<String> problems = new ArrayList<>();
        /** What the replay of the failing interleaving's log found, or null. */
        public ReplayOutcome failingResult;

        /** How a run ended, failing runs first (their first log is the one reported). */
        public static final String[] KINDS = {RunSink.FAILED, RunSink.HUNG, RunSink.PASSED};

        /**
         * Counts one log replayed, of a run that ended as {@code kind}: true if it is the first
         * of a failing run (the one whose log the report shows, its result kept).
         */
        protected boolean count(String kind, ReplayOutcome result, int steps) {
            replayed++;
            if (!result.agrees()) {
                divergences++;
                problems.add(kind + " run: " + result.divergence());
            }
            if (RunSink.PASSED.equals(kind)) {
                return false;
            }
            failing++;
            if (failing == 1) {
                failingSteps = steps;
                failingResult = result;
            }
            return failing == 1;
        }

        /** Records ({@code what}) the sink had no room for are a problem. */
        protected void dropped(int dropped, String what) {
            if (dropped > 0) {
                problems.add(dropped + " " + what + " did not fit the sink");
            }
        }

        /** The failing interleaving's event log as text, or null if none reached the sink. */
        protected abstract String failingLogText();

    }

    @TestFactory
    Stream<DynamicTest> everyEntryGivesTheCatalogsLincheckVerdict() {
        String only = System.getProperty("reservecheck.lincheck.only");
        List<Variant> all = entries();
        assertFalse(all.isEmpty(), "the catalog has no lincheck expectations for " + protocol);
        List<Variant> variants = all.stream()
                .filter(v -> only == null || v.name().equals(only))
                .filter(v -> inThisJob(v.expectation(CHECKER).orElseThrow())).toList();
        return variants.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
    }

    private void check(Variant v) throws IOException {
        String expected = v.expectedVerdict(CHECKER).orElseThrow();
        // the catalog may raise an entry's budget (interleavings) where the default cannot reach its bug
        int budget = v.expectation(CHECKER).orElseThrow()
                .interleavingsOr(v.kind() == Kind.DESIGN ? DESIGN_INVOCATIONS : bugInvocations);
        // an entry the catalog expects Lincheck to find must make it fail (assertThrows)
        boolean mustFail = !expected.equals("ok");
        List<String> retried = new ArrayList<>();
        R run;
        try {
            run = LincheckRuns.repeated(v.name(), () -> run(v, budget, mustFail), retried);
        } catch (LincheckItselfFailed internal) {
            record(ResultRecord.compare(v, CHECKER, LincheckItselfFailed.VERDICT, -1, -1, 0, internal.getMessage(), null));
            throw internal;
        } catch (AssertionError nothingFound) {
            record(ResultRecord.compare(v, CHECKER, "ok", -1, -1, 0, nothingFound.getMessage(), null));
            throw nothingFound;
        }

        List<String> problems = new ArrayList<>();
        String sameSchedule = "";
        String secondReport = null;
        if (run.report != null && run.seconds >= rerunSeconds) {
            sameSchedule = String.format(", not run again (%.0f s)", run.seconds);
        } else if (run.report != null) {
            // Lincheck's search is deterministic: a second run must fail on the same schedule.  Its
            // report of a hang is not always: on a loaded machine a run once failed after as many
            // interleavings with the same verdict but another schedule printed.  Then a third run
            // decides: the first schedule again is the search reproduced; anything else fails.
            try {
                R again = LincheckRuns.repeated(v.name(), () -> run(v, budget, true), retried);
                boolean same = sameFailure(run, again);
                sameSchedule = same ? ", the same schedule on a second run" : ", a DIFFERENT schedule on a second run";
                if (!same) {
                    secondReport = again.report;
                    R third = sameSearch(run, again)
                            ? LincheckRuns.repeated(v.name(), () -> run(v, budget, true), retried) : null;
                    if (third != null && sameFailure(run, third)) {
                        sameSchedule += " (after as many interleavings, the same verdict) and the first again on a third";
                    } else {
                        problems.add("the second run failed differently (after " + again.invocations + " interleavings: "
                                + again.verdict + ")" + (third == null ? "" : ", and a third run too"));
                    }
                }
            } catch (AssertionError secondFoundNothing) {
                sameSchedule = ", NOT found again on a second run";
                problems.add(secondFoundNothing.getMessage());
            }
        }

        P replays = replay(v, run);
        problems.addAll(replays.problems);
        if (run.report != null && replays.failing == 0) {
            problems.add("no event log of the failing interleaving reached the sink");
        }
        problems.addAll(moreProblems(v, run, replays));

        String trace = run.report == null ? null : writeTrace(v, run, replays, secondReport);
        String message = String.format("%d interleavings in %.1f s%s; %d event logs replayed on the model "
                        + "(%d of failing runs), %d divergences", run.invocations, run.seconds, sameSchedule,
                replays.replayed, replays.failing, replays.divergences)
                + (retried.isEmpty() ? "" : "; repeated after Lincheck's own failure: " + String.join("; ", retried))
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

    /** The same search: as many interleavings, the same verdict. */
    private static boolean sameSearch(LincheckOutcome a, LincheckOutcome b) {
        return a.invocations == b.invocations && a.verdict.equals(b.verdict);
    }

    /** The same search and the same failing schedule in Lincheck's report. */
    private static boolean sameFailure(LincheckOutcome a, LincheckOutcome b) {
        return sameSearch(a, b) && LincheckRuns.schedule(a.report).equals(LincheckRuns.schedule(b.report));
    }

    private void record(ResultRecord r) {
        synchronized (records) {
            records.add(r);
        }
    }

    /**
     * The Lincheck report and the failing run's event log, for people ({@code <variant>.txt});
     * and the second run's report when it failed on another schedule, to see where they part.
     */
    private String writeTrace(Variant v, R run, P replays, String secondReport) throws IOException {
        Path dir = ProtocolEntries.root().resolve("results/traces").resolve(CHECKER);
        Files.createDirectories(dir);
        Path file = dir.resolve(v.name() + ".txt");
        StringBuilder b = new StringBuilder();
        b.append(v.name()).append(": ").append(run.verdict).append(" after ").append(run.invocations)
                .append(" interleavings\n\n").append(run.report).append('\n');
        if (replays.failingLogText() != null) {
            b.append("\nEvent log of the failing interleaving (").append(replays.failingResult).append("):\n")
                    .append(replays.failingLogText());
        }
        if (secondReport != null) {
            b.append("\nThe second run, on another schedule:\n").append(secondReport).append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        writeSteps(dir, v, run, replays);
        return ProtocolEntries.root().relativize(file).toString().replace('\\', '/');
    }

    private static String firstLines(String s, int n) {
        return String.join("\n", s.lines().limit(n).toList());
    }

    @AfterAll
    void writeResults() throws IOException {
        if (records.isEmpty()) {
            return;
        }
        ResultsFile results = ResultsFile.inRepository(ProtocolEntries.root());
        List<ResultRecord> all = results.merge(records.stream().map(r -> r.withRun(stamp)).toList());
        JUnitXmlWriter.write(JUnitXmlWriter.junitDir(results.path()), CHECKER,
                all.stream().filter(r -> r.checker().equals(CHECKER)).toList());
    }
}
