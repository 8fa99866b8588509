package reservecheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.tlc.TlcJob;
import reservecheck.tlc.TlcProgress;
import reservecheck.tlc.TlcResult;
import reservecheck.tlc.TraceStep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reservecheck.cli.CliHarness.run;

/** The check command's flow with a stand-in for TLC: what it runs, prints, records and returns. */
class CliCheckTest {

    @TempDir
    Path tmp;

    /** Jobs seen, by variant (the work folder's name), with the cfg text as it was when the job ran. */
    final Map<String, TlcJob> jobs = new ConcurrentHashMap<>();
    final Map<String, String> cfgs = new ConcurrentHashMap<>();

    private Path repo;

    /** The fixture repository, made on first use. */
    private Path repo() {
        if (repo == null) {
            repo = CliHarness.fixtureRepo(tmp.resolve("repo"));
        }
        return repo;
    }

    /** A stand-in TLC answering per variant. */
    private JobRunner answering(Map<String, TlcResult> answers) {
        return job -> {
            String variant = job.workDir().getFileName().toString();
            jobs.put(variant, job);
            try {
                cfgs.put(variant, Files.readString(job.config()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (job.progress() != null) {
                job.progress().accept(new TlcProgress(2, 3, 1, 1, 0.1));
            }
            TlcResult r = answers.get(variant);
            if (r == null) {
                throw new AssertionError("unexpected job " + variant);
            }
            return r;
        };
    }

    static TlcResult result(String verdict, long states, String message) {
        return new TlcResult(verdict, message, 0, states, states * 2, 4, 0.25, List.of(), null);
    }

    private static Map<String, TlcResult> expectedAnswers() {
        Map<String, TlcResult> m = new LinkedHashMap<>();
        m.put("pool_ok", result("ok", 3, null));
        m.put("pool_leak", result("deadlock", 3, "deadlock reached"));
        m.put("pool_overdraw", result("invariant:TypeOK", 2, "Invariant TypeOK is violated"));
        m.put("pool_miscounted", result("ok", 5, null));
        return m;
    }

    @Test
    void everythingMatches() throws Exception {
        Path root = repo();
        CliHarness.Run r = run(root, answering(expectedAnswers()), "check", "--workers", "2");
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("protocol  variant          kind    checker  expected          actual            match  "
                + "distinct states  depth  seconds"), r.out());
        assertTrue(r.out().contains("pool      pool_overdraw    bug     tlc      invariant:TypeOK  invariant:TypeOK  yes    2"),
                r.out());
        assertTrue(r.out().endsWith("4 variants, 4 checks: 4 match, 0 mismatch, 0 inconclusive\n"), r.out());
        // the variant without a tlc expectation is not run
        assertEquals(4, jobs.size());
        assertFalse(jobs.containsKey("pool_java_only"));

        // each job: its own folder, one TLC worker, the variant's deadlock setting
        for (TlcJob j : jobs.values()) {
            assertEquals(1, j.tlcWorkers());
            assertTrue(j.checkDeadlock());
            assertEquals(root.resolve("specs/pool/Pool.tla"), j.spec());
            assertEquals(root.resolve("target/reservecheck-work/tlc").resolve(j.workDir().getFileName()), j.workDir());
            assertEquals(CheckCommand.DEFAULT_TIMEOUT_SECONDS, j.timeout().toSeconds());
        }
        assertTrue(cfgs.get("pool_leak").contains("CONSTANT refill = FALSE\n"), cfgs.get("pool_leak"));
        assertTrue(cfgs.get("pool_ok").contains("CONSTANT procs = {p1, p2}\n"), cfgs.get("pool_ok"));
        // matched jobs leave no work folder behind
        assertFalse(Files.exists(root.resolve("target/reservecheck-work/pool_ok")));

        List<ResultRecord> records = new ResultsFile(root.resolve("results/results.json")).read();
        assertEquals(4, records.size());
        assertTrue(records.stream().allMatch(ResultRecord::match));
        String xml = Files.readString(root.resolve("results/junit/TEST-reservecheck-tlc.xml"));
        assertTrue(xml.contains("tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"0\""), xml);

        // progress: plain lines (stderr is no terminal here)
        assertTrue(r.err().contains("[1/4 done] "), r.err());
        assertTrue(r.err().contains(" start tlc pool_ok (design, expected ok)"), r.err());
        assertFalse(r.err().contains("\r"), r.err());
    }

    @Test
    void mismatchWins() throws Exception {
        Map<String, TlcResult> answers = expectedAnswers();
        answers.put("pool_leak", result("ok", 4, null));
        answers.put("pool_ok", result("inconclusive:timeout", 1000, "no verdict in 900 s"));
        Path root = repo();
        CliHarness.Run r = run(root, answering(answers), "check");
        assertEquals(ExitCodes.MISMATCH, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("pool_leak        bug     tlc      deadlock          ok"), r.out());
        assertTrue(r.out().contains("  pool_ok (tlc): no verdict in 900 s\n"), r.out());
        assertTrue(r.out().contains("      work folder: target/reservecheck-work/tlc/pool_leak"), r.out());
        assertTrue(r.out().endsWith("4 variants, 4 checks: 2 match, 1 mismatch, 1 inconclusive\n"), r.out());
        // a job that did not match keeps its work folder for a look at TLC's output
        assertTrue(Files.exists(root.resolve("target/reservecheck-work/tlc/pool_leak/pool_leak.cfg")));
    }

    @Test
    void stateCountDifferenceIsAMismatch() {
        Map<String, TlcResult> answers = new LinkedHashMap<>();
        answers.put("pool_miscounted", result("ok", 3, null));
        CliHarness.Run r = run(repo(), answering(answers), "check", "--variant", "pool_miscounted");
        assertEquals(ExitCodes.MISMATCH, r.code());
        assertTrue(r.out().contains("3 (expected 5)"), r.out());
        assertTrue(r.out().contains("3 distinct states, the catalog records 5"), r.out());
    }

    @Test
    void noVerdictCodesInPriorityOrder() {
        assertEquals(ExitCodes.CRASH, runWith("inconclusive:crash", "inconclusive:timeout"));
        assertEquals(ExitCodes.INCONCLUSIVE, runWith("inconclusive:out-of-memory", "inconclusive:timeout"));
        assertEquals(ExitCodes.BAD_PARAMETER, runWith("error:assumption", "inconclusive:crash"));
        assertEquals(ExitCodes.MODEL_ERROR, runWith("error:parse", "inconclusive:crash"));
        assertEquals(ExitCodes.MODEL_ERROR, runWith("error:config", "inconclusive:timeout"));
        assertEquals(ExitCodes.MISMATCH, runWith("error:parse", "ok"));
    }

    private int runWith(String okVerdict, String leakVerdict) {
        Map<String, TlcResult> answers = new LinkedHashMap<>();
        answers.put("pool_ok", result(okVerdict, -1, "what happened"));
        answers.put("pool_leak", result(leakVerdict, -1, "what happened"));
        Path root = tmp.resolve("r" + System.nanoTime());
        CliHarness.fixtureRepo(root);
        CliHarness.Run r = run(root, answering(answers), "check", "--variant", "pool_ok", "--variant", "pool_leak");
        return r.code();
    }

    @Test
    void runnerThatThrowsIsACrash() {
        JobRunner broken = job -> {
            throw new UnsupportedOperationException("to be written");
        };
        CliHarness.Run r = run(repo(), broken, "check", "--variant", "pool_ok");
        assertEquals(ExitCodes.CRASH, r.code());
        assertTrue(r.out().contains("inconclusive:crash"), r.out());
        assertTrue(r.out().contains("1 variant, 1 check: 0 match, 0 mismatch, 1 inconclusive"), r.out());
    }

    @Test
    void overridesKeepTheVerdictButNotTheStateCount() throws Exception {
        Map<String, TlcResult> answers = new LinkedHashMap<>();
        answers.put("pool_ok", result("ok", 17, null));
        Path root = repo();
        CliHarness.Run r = run(root, answering(answers), "check", "--variant", "pool_ok", "--set", "min_nr=2",
                "--set", "procs=3", "--timeout", "60", "--workers", "1", "--keep-work");
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("17 (overridden)"), r.out());
        String cfg = cfgs.get("pool_ok");
        assertTrue(cfg.contains("CONSTANT min_nr = 2\n"), cfg);
        assertTrue(cfg.contains("CONSTANT procs = {p1, p2, p3}\n"), cfg);
        assertTrue(cfg.contains("\\* With command-line overrides: min_nr=2, procs=3.\n"), cfg);
        assertEquals(60, jobs.get("pool_ok").timeout().toSeconds());
        // --keep-work keeps a matched job's folder
        assertTrue(Files.exists(root.resolve("target/reservecheck-work/tlc/pool_ok/pool_ok.cfg")));
        ResultRecord rec = new ResultsFile(root.resolve("results/results.json")).read().get(0);
        assertEquals(Map.of("min_nr", "2", "procs", "3"), rec.overrides());
        assertNull(rec.expectedDistinctStates());
    }

    @Test
    void resultsAreMergedAndTracesWritten() throws Exception {
        Path root = repo();
        Path results = tmp.resolve("elsewhere/results.json");
        ResultsFile file = new ResultsFile(results);
        file.merge(List.of(
                new ResultRecord("pool", "pool_ok", "explorer", "ok", 3L, "ok", true, 3, 2, 0.1, null, null, Map.of()),
                new ResultRecord("pool", "pool_leak", "tlc", "deadlock", null, "ok", false, 3, 2, 0.1, null, null,
                        Map.of())));
        LinkedHashMap<String, String> vars = new LinkedHashMap<>();
        vars.put("free", "0");
        vars.put("held", "[p1 |-> 0, p2 |-> 0]");
        TlcResult deadlock = new TlcResult("deadlock", "deadlock reached", 11, 3, 6, 3, 0.2,
                List.of(new TraceStep(1, "Initial predicate", null, false, null, vars)), null);
        Map<String, TlcResult> answers = new LinkedHashMap<>();
        answers.put("pool_leak", deadlock);
        CliHarness.Run r = run(root, answering(answers), tmp, "check", "--variant", "pool_leak",
                "--results", "elsewhere/results.json", "--work", "w");
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        List<ResultRecord> all = file.read();
        assertEquals(2, all.size());
        ResultRecord leak = all.stream().filter(x -> x.checker().equals("tlc")).findFirst().orElseThrow();
        assertTrue(leak.match());
        Path trace = tmp.resolve("elsewhere/traces/tlc/pool_leak.txt");
        assertEquals(trace.toString(), leak.trace());
        String text = Files.readString(trace);
        assertTrue(text.contains("State 1: Initial predicate\n  free = 0\n  held = [p1 |-> 0, p2 |-> 0]\n"), text);
        assertTrue(Files.exists(tmp.resolve("elsewhere/junit/TEST-reservecheck-tlc.xml")));
        assertEquals(tmp.resolve("w/tlc/pool_leak"), jobs.get("pool_leak").workDir());
    }

    /** Two checks of different variants into one results folder: the JUnit file holds both, as results.json does. */
    @Test
    void junitHoldsEveryRecordOfTheResultsFile() throws Exception {
        Path root = repo();
        for (String v : List.of("pool_ok", "pool_leak")) {
            CliHarness.Run r = run(root, answering(expectedAnswers()), "check", "--variant", v);
            assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        }
        List<ResultRecord> records = new ResultsFile(root.resolve("results/results.json")).read();
        assertEquals(2, records.size());
        String xml = Files.readString(root.resolve("results/junit/TEST-reservecheck-tlc.xml"));
        assertTrue(xml.contains("tests=\"2\""), xml);
        for (ResultRecord rec : records) {
            assertTrue(xml.contains("classname=\"reservecheck.tlc.pool\" name=\"" + rec.variant() + "\""), xml);
        }
    }

    @Test
    void protocolSelectsItsVariants() {
        CliHarness.Run r = run(repo(), answering(expectedAnswers()), "check", "--protocol", "pool");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(4, jobs.size());
    }

    @Test
    void listShowsTheCatalog() {
        CliHarness.Run r = run(repo(), CliBadInputTest.MUST_NOT_RUN, "list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("protocol  variant          kind    expected tlc      provenance\n"), r.out());
        assertTrue(r.out().contains("pool      pool_java_only   design  -                 fixture with no TLC "
                + "expectation\n"), r.out());
        assertTrue(r.out().endsWith("5 variants\n"), r.out());
        assertEquals("", r.err());
    }

    /** Every declared parameter, as the catalog declares it; check's --help points there. */
    @Test
    void listParametersShowsEveryDeclaration() throws Exception {
        Path root = repo();
        CliHarness.Run r = run(root, CliBadInputTest.MUST_NOT_RUN, "list", "--parameters", "--protocol", "pool");
        assertEquals(0, r.code(), r.err());
        reservecheck.catalog.Protocol pool = reservecheck.catalog.CatalogLoader.load(root).protocol("pool").orElseThrow();
        for (reservecheck.catalog.ParameterDecl d : pool.parameters().values()) {
            assertTrue(r.out().lines().anyMatch(l -> l.matches("pool +" + d.name() + " +" + d.type().label() + " +"
                    + java.util.regex.Pattern.quote(d.range()) + " +" + pool.defaults().get(d.name()) + " +- +"
                    + java.util.regex.Pattern.quote(d.doc()))), d.name() + " in\n" + r.out());
        }
        assertTrue(r.out().contains("min_nr     int    0..3"), r.out());
        assertTrue(r.out().contains("mode       enum   safe|broken"), r.out());
        assertTrue(r.out().contains("\n" + pool.parameters().size() + " parameters"), r.out());
        CliHarness.assertOneLineError(run(root, CliBadInputTest.MUST_NOT_RUN, "list", "--parameters", "--protocol", "nosuch"),
                ExitCodes.UNKNOWN_NAME, null);
        CliHarness.Run help = run(root, CliBadInputTest.MUST_NOT_RUN, "check", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("'reservecheck list --parameters' lists every parameter"),
                help.out());
    }

    @Test
    void exitCodeHelpers() {
        assertEquals(ExitCodes.OK, ExitCodes.forTlcVerdict("ok"));
        assertEquals(ExitCodes.TLC_DEADLOCK, ExitCodes.forTlcVerdict("deadlock"));
        assertEquals(ExitCodes.TLC_INVARIANT, ExitCodes.forTlcVerdict("invariant:TypeOK"));
        assertEquals(ExitCodes.TLC_LIVENESS, ExitCodes.forTlcVerdict("liveness:AllocReturns"));
        assertEquals(ExitCodes.TLC_ASSERT, ExitCodes.forTlcVerdict("assert"));
        assertEquals(ExitCodes.BAD_PARAMETER, ExitCodes.forTlcVerdict("error:assumption"));
        assertEquals(ExitCodes.MODEL_ERROR, ExitCodes.forTlcVerdict("error:evaluation"));
        assertEquals(ExitCodes.CRASH, ExitCodes.forTlcVerdict("inconclusive:crash"));
        assertEquals(ExitCodes.INCONCLUSIVE, ExitCodes.forTlcVerdict("inconclusive:out-of-memory"));
        assertEquals(ExitCodes.CRASH, ExitCodes.forTlcVerdict("something new"));
    }
}
