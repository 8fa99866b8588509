package reservecheck.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.tlc.TlcResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reservecheck.cli.CliHarness.assertOneLineError;
import static reservecheck.cli.CliHarness.run;

/** Every bad input: its exit code and one line on stderr. No TLC runs here unless it says so. */
class CliBadInputTest {

    @TempDir
    Path tmp;

    /** Fails the test if a job is started: bad inputs must be refused before anything runs. */
    static final JobRunner MUST_NOT_RUN = job -> {
        throw new AssertionError("a job ran for a bad input: " + job);
    };

    private Path repo;

    /** The fixture repository, made on first use. */
    private Path repo() {
        if (repo == null) {
            repo = CliHarness.fixtureRepo(tmp.resolve("repo"));
        }
        return repo;
    }

    @Test
    void unknownVariant() {
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--variant", "pool_nope"), ExitCodes.UNKNOWN_NAME,
                "reservecheck: unknown variant pool_nope (see 'reservecheck list')");
    }

    @Test
    void unknownProtocol() {
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--protocol", "mempol"), ExitCodes.UNKNOWN_NAME,
                "reservecheck: unknown protocol mempol (the catalog has: pool)");
        assertOneLineError(run(repo(), MUST_NOT_RUN, "list", "--protocol", "mempol"), ExitCodes.UNKNOWN_NAME,
                "reservecheck: unknown protocol mempol (the catalog has: pool)");
    }

    @Test
    void variantWithoutTlcExpectation() {
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--variant", "pool_java_only"), ExitCodes.UNKNOWN_NAME,
                "reservecheck: variant pool_java_only has no expected verdict for tlc, explorer, conformance in catalog/pool.yaml");
    }

    @Test
    void malformedCatalog() throws Exception {
        Path root = repo();
        Files.copy(CliHarness.resource("bad/pool.yaml"), root.resolve("catalog/pool.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        String line = "reservecheck: catalog/pool.yaml:32: variants[1].kind: must be one of design, bug";
        assertOneLineError(run(root, MUST_NOT_RUN, "check"), ExitCodes.BAD_CATALOG, line);
        assertOneLineError(run(root, MUST_NOT_RUN, "list"), ExitCodes.BAD_CATALOG, line);
        // a malformed catalog comes before an unknown name, a bad parameter, a missing spec
        Files.delete(root.resolve("specs/pool/Pool.tla"));
        assertOneLineError(run(root, MUST_NOT_RUN, "check", "--variant", "x", "--set", "min_nr=-1"),
                ExitCodes.BAD_CATALOG, line);
    }

    @Test
    void expectationNamingAnInvariantTheSpecDoesNotDefine() throws Exception {
        Path root = repo();
        Path pool = root.resolve("catalog/pool.yaml");
        Files.writeString(pool, Files.readString(pool).replace("tlc: {verdict: \"invariant:TypeOK\"}",
                "tlc: {verdict: \"invariant:NoSuchInvariant\"}"));
        assertOneLineError(run(root, MUST_NOT_RUN, "list"), ExitCodes.BAD_CATALOG,
                "reservecheck: catalog/pool.yaml:45: variants[2].expected.tlc.verdict: variant pool_overdraw expects "
                        + "invariant:NoSuchInvariant, but specs/pool/Pool.tla defines no NoSuchInvariant");
    }

    @Test
    void resultsFileThatCannotBeWritten() throws Exception {
        Path plain = Files.writeString(tmp.resolve("plain"), "a file, not a folder\n");
        Path inFile = plain.resolve("results.json");
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--results", inFile.toString()), ExitCodes.USAGE,
                "reservecheck: --results " + inFile + ": cannot be written: " + plain + " is a file, not a folder");
        Path folder = Files.createDirectories(tmp.resolve("folder.json"));
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--results", folder.toString()), ExitCodes.USAGE,
                "reservecheck: --results " + folder + ": cannot be written: it is a folder");
    }

    @Test
    void boundsInRangeButImpossibleTogetherAreRefusedBeforeAnyChecker() {
        // each in its declared range; together no task exists (the spec's ASSUME Tasks # {})
        assertOneLineError(run(CliHarness.repositoryRoot(), MUST_NOT_RUN, "check", "--variant", "mempool_modern",
                        "--set", "procs=0", "--set", "irqs=0", "--results", tmp.resolve("r/results.json").toString()),
                ExitCodes.BAD_PARAMETER, "reservecheck: --set procs=0 --set irqs=0: impossible bounds for "
                        + "mempool_modern: procs and irqs are both empty: Tasks # {} fails");
    }

    @Test
    void parameterBelowMinimum() {
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--set", "min_nr=-1"), ExitCodes.BAD_PARAMETER,
                "reservecheck: --set min_nr=-1: below the minimum 0 of min_nr");
    }

    @Test
    void otherBadParameters() {
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--set", "foo=1"), ExitCodes.BAD_PARAMETER,
                "reservecheck: --set foo=1: pool has no parameter foo (it has min_nr, procs, mode, refill)");
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--set", "refill=maybe"), ExitCodes.BAD_PARAMETER,
                "reservecheck: --set refill=maybe: not true or false (refill is a bool)");
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--set", "procs=4"), ExitCodes.BAD_PARAMETER,
                "reservecheck: --set procs=4: above the maximum 3 of procs");
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--set", "min_nr"), ExitCodes.BAD_PARAMETER,
                "reservecheck: --set min_nr: expected NAME=VALUE");
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--set", "procs=1", "--set", "procs=2"),
                ExitCodes.BAD_PARAMETER, "reservecheck: --set procs is given twice (procs=1 and procs=2)");
    }

    @Test
    void unknownNameComesBeforeBadParameter() {
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--variant", "nope", "--set", "min_nr=-1"),
                ExitCodes.UNKNOWN_NAME, "reservecheck: unknown variant nope (see 'reservecheck list')");
    }

    @Test
    void missingSpec() throws Exception {
        Path root = repo();
        Files.delete(root.resolve("specs/pool/Pool.tla"));
        assertOneLineError(run(root, MUST_NOT_RUN, "check", "--variant", "pool_ok"), ExitCodes.MODEL_ERROR,
                "reservecheck: catalog/pool.yaml:4: spec: specs/pool/Pool.tla does not exist");
        // a bad parameter comes first
        assertOneLineError(run(root, MUST_NOT_RUN, "check", "--set", "min_nr=9"), ExitCodes.BAD_PARAMETER,
                "reservecheck: --set min_nr=9: above the maximum 3 of min_nr");
        // list needs no spec
        assertEquals(ExitCodes.OK, run(root, MUST_NOT_RUN, "list").code());
    }

    @Test
    void tlcSpecOrConfigMissing() throws Exception {
        assertOneLineError(run(repo(), MUST_NOT_RUN, tmp, "tlc", "Nope.tla"), ExitCodes.MODEL_ERROR,
                "reservecheck: spec Nope.tla does not exist");
        Path spec = tmp.resolve("Lonely.tla");
        Files.copy(CliHarness.resource("tlc/Tiny.tla"), spec);
        assertOneLineError(run(repo(), MUST_NOT_RUN, tmp, "tlc", "Lonely.tla"), ExitCodes.MODEL_ERROR,
                "reservecheck: config " + tmp.resolve("Lonely.cfg") + " does not exist (give one with --config)");
        assertOneLineError(run(repo(), MUST_NOT_RUN, tmp, "tlc", "Lonely.tla", "--config", "x.cfg"),
                ExitCodes.MODEL_ERROR, "reservecheck: config x.cfg does not exist");
        assertOneLineError(run(repo(), MUST_NOT_RUN, tmp, "tlc", "Lonely.txt"), ExitCodes.MODEL_ERROR,
                "reservecheck: Lonely.txt: not a TLA+ module (a .tla file)");
    }

    @Test
    void tlcParseErrorIsAModelError() {
        Assumptions.assumeTrue(CliHarness.tlcAvailable(), "the TLC runner is not implemented yet");
        CliHarness.Run r = run(repo(), JobRunner.tlc(), "tlc", CliHarness.resource("tlc/Broken.tla").toString());
        assertOneLineError(r, ExitCodes.MODEL_ERROR, null);
        assertTrue(r.err().startsWith("reservecheck: Broken.tla: error:parse"), r.err());
    }

    @Test
    void tlcErrorsFromTheRunnerAreOneLine() {
        JobRunner parseError = job -> new TlcResult("error:parse", "Was expecting \"==== or more Module body\"\n"
                + "Encountered \"1\" at line 5", 150, -1, -1, -1, 0.8, List.of(), null);
        CliHarness.Run r = run(repo(), parseError, "tlc", CliHarness.resource("tlc/Broken.tla").toString());
        assertOneLineError(r, ExitCodes.MODEL_ERROR, "reservecheck: Broken.tla: error:parse: Was expecting "
                + "\"==== or more Module body\" Encountered \"1\" at line 5 (0.8 s)");
        JobRunner crash = job -> {
            throw new IllegalStateException("boom");
        };
        // a crash is no bad input: the line names what failed, so it may name the exception's class
        CliHarness.Run crashed = run(repo(), crash, "tlc", CliHarness.resource("tlc/Tiny.tla").toString());
        assertEquals(ExitCodes.CRASH, crashed.code());
        assertEquals(List.of("reservecheck: Tiny.tla: inconclusive:crash: the TLC runner failed: "
                + "IllegalStateException: boom"), crashed.errLines());
    }

    @Test
    void benchGrowIsCheckedBeforeTlcStarts() {
        // each of these once started TLC (seconds of it) before the range was looked at
        assertOneLineError(run(repo(), MUST_NOT_RUN, "bench", "--variant", "pool_ok", "--grow", "procs=abc"),
                ExitCodes.BAD_PARAMETER, "reservecheck: --grow procs=abc: expected NAME=A..B with whole numbers A and B");
        assertOneLineError(run(repo(), MUST_NOT_RUN, "bench", "--variant", "pool_ok", "--grow", "procs=3..1"),
                ExitCodes.BAD_PARAMETER, "reservecheck: --grow procs=3..1: the range is empty (3 > 1)");
        CliHarness.Run unknown = run(repo(), MUST_NOT_RUN, "bench", "--variant", "pool_ok", "--grow", "nosuch=1..2");
        assertOneLineError(unknown, ExitCodes.BAD_PARAMETER, null);
        assertTrue(unknown.err().contains("no parameter nosuch"), unknown.err());
    }

    @Test
    void explorerThreadsAndSymmetryAreCheckedBeforeAnyJob() {
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--explorer-threads", "0"), ExitCodes.USAGE, null);
        // symmetry is for the explorer's safety checks only: TLC's cfg would need it too
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--symmetry"), ExitCodes.USAGE, null);
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--symmetry", "--checker", "tlc"), ExitCodes.USAGE,
                null);
        assertOneLineError(run(repo(), MUST_NOT_RUN, "bench", "--variant", "pool_ok", "--threads", "0"),
                ExitCodes.BAD_PARAMETER, "reservecheck: --threads must be at least 1");
    }

    @Test
    void jpfNamesAreCheckedBeforeItsHome() {
        // an unknown name is exit 3 whether or not a jpf-core build is there (not 10 about JPF_HOME)
        assertOneLineError(run(repo(), MUST_NOT_RUN, "jpf", "--variant", "nosuch", "--jpf-home", "no/such/jpf"),
                ExitCodes.UNKNOWN_NAME, "reservecheck: unknown variant nosuch (see 'reservecheck list')");
        assertOneLineError(run(repo(), MUST_NOT_RUN, "jpf", "--protocol", "nosuch", "--jpf-home", "no/such/jpf"),
                ExitCodes.UNKNOWN_NAME, "reservecheck: unknown protocol nosuch (see 'reservecheck list')");
    }

    @Test
    void usageErrors() {
        CliHarness.Run r = run(repo(), MUST_NOT_RUN, "check", "--bogus");
        assertOneLineError(r, ExitCodes.USAGE, "reservecheck: Unknown option: '--bogus' (see 'reservecheck check --help')");
        assertOneLineError(run(repo(), MUST_NOT_RUN), ExitCodes.USAGE,
                "reservecheck: missing a command: list, check, tlc or trace (see 'reservecheck --help')");
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--timeout", "0"), ExitCodes.USAGE,
                "reservecheck: --timeout takes 1 to 604800 seconds, not 0");
        // Long.MAX_VALUE seconds once overflowed Duration.toNanos into an ArithmeticException
        for (String command : List.of("check", "tlc", "knockout")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, "--timeout", "9223372036854775807"));
            if (command.equals("tlc")) {
                args.add(CliHarness.resource("tlc/Tiny.tla").toString());
            }
            assertOneLineError(run(repo(), MUST_NOT_RUN, args.toArray(new String[0])), ExitCodes.USAGE,
                    "reservecheck: --timeout takes 1 to 604800 seconds, not 9223372036854775807");
        }
        assertOneLineError(run(repo(), MUST_NOT_RUN, "check", "--workers", "many"), ExitCodes.USAGE, null);
        assertOneLineError(run(repo(), MUST_NOT_RUN, "tlc"), ExitCodes.USAGE, null);
        assertOneLineError(run(repo(), MUST_NOT_RUN, "chek"), ExitCodes.USAGE, null);
    }

    @Test
    void helpIsNotAnError() {
        CliHarness.Run r = run(repo(), MUST_NOT_RUN, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("check"), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
        assertEquals(0, run(repo(), MUST_NOT_RUN, "check", "--help").code());
    }

    @Test
    void noRepositoryFound() {
        String saved = System.getProperty(CliContext.ROOT_PROPERTY);
        Assumptions.assumeTrue(System.getenv(CliContext.ROOT_ENV) == null, "RESERVECHECK_ROOT is set");
        try {
            System.clearProperty(CliContext.ROOT_PROPERTY);
            CliHarness.Run r = CliHarness.run(null, MUST_NOT_RUN, tmp, "list");
            assertOneLineError(r, ExitCodes.BAD_CATALOG, null);
            assertTrue(r.err().startsWith("reservecheck: cannot find the repository: no catalog/ folder in "), r.err());

            // found by walking up from a folder inside it
            Path root = repo();
            Path inside = root.resolve("specs/pool");
            CliHarness.Run ok = CliHarness.run(null, MUST_NOT_RUN, inside, "list");
            assertEquals(0, ok.code(), ok.err());
        } finally {
            if (saved != null) {
                System.setProperty(CliContext.ROOT_PROPERTY, saved);
            }
        }
    }
}
