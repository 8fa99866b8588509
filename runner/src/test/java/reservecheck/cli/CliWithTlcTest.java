package reservecheck.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static reservecheck.cli.CliHarness.assertOneLineError;
import static reservecheck.cli.CliHarness.resource;
import static reservecheck.cli.CliHarness.run;

/** The CLI with the real TLC on the tiny fixtures; skipped while the TLC runner is not implemented. */
class CliWithTlcTest {

    @TempDir
    Path tmp;

    Path repo;

    @BeforeEach
    void needsTlc() {
        assumeTrue(CliHarness.tlcAvailable(), "the TLC runner is not implemented yet");
        repo = CliHarness.fixtureRepo(tmp.resolve("repo"));
    }

    @Test
    void fixtureVariantsMatchTheirExpectations() {
        CliHarness.Run r = run(repo, JobRunner.tlc(), "check", "--variant", "pool_ok", "--variant", "pool_leak",
                "--variant", "pool_overdraw", "--timeout", "300");
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        assertTrue(r.out().endsWith("3 variants, 3 checks: 3 match, 0 mismatch, 0 inconclusive\n"), r.out());
        assertTrue(r.out().contains("pool      pool_ok        design  tlc      ok                ok                yes    3 "),
                r.out());
    }

    @Test
    void wrongStateCountIsAMismatch() {
        CliHarness.Run r = run(repo, JobRunner.tlc(), "check", "--variant", "pool_miscounted");
        assertEquals(ExitCodes.MISMATCH, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("3 (expected 5)"), r.out());
    }

    @Test
    void overriddenBoundsStillGiveTheVerdict() {
        CliHarness.Run r = run(repo, JobRunner.tlc(), "check", "--variant", "pool_ok", "--set", "min_nr=2",
                "--set", "procs=3");
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("(overridden)"), r.out());
    }

    @Test
    void falseAssumptionIsAnImpossibleBound() {
        CliHarness.Run r = run(repo, JobRunner.tlc(), "check", "--variant", "pool_ok", "--set", "procs=0");
        assertEquals(ExitCodes.BAD_PARAMETER, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("error:assumption"), r.out());
    }

    @Test
    void tlcSubcommandVerdicts() {
        String tiny = resource("tlc/Tiny.tla").toString();
        CliHarness.Run deadlock = run(repo, JobRunner.tlc(), "tlc", tiny);
        assertEquals(ExitCodes.TLC_DEADLOCK, deadlock.code(), deadlock.err() + deadlock.out());
        assertTrue(deadlock.out().startsWith("Tiny.tla: deadlock"), deadlock.out());
        assertTrue(deadlock.out().contains("State 1: "), deadlock.out());

        CliHarness.Run ok = run(repo, JobRunner.tlc(), "tlc", tiny, "--no-deadlock");
        assertEquals(ExitCodes.OK, ok.code(), ok.err() + ok.out());
        assertTrue(ok.out().startsWith("Tiny.tla: ok | 4 distinct states"), ok.out());

        CliHarness.Run inv = run(repo, JobRunner.tlc(), "tlc", tiny, "--config",
                resource("tlc/TinyInvariant.cfg").toString());
        assertEquals(ExitCodes.TLC_INVARIANT, inv.code(), inv.err() + inv.out());
        assertTrue(inv.out().startsWith("Tiny.tla: invariant:Small"), inv.out());
    }

    @Test
    void tlcParseError() {
        CliHarness.Run r = run(repo, JobRunner.tlc(), "tlc", resource("tlc/Broken.tla").toString());
        assertOneLineError(r, ExitCodes.MODEL_ERROR, null);
        assertTrue(r.err().startsWith("reservecheck: Broken.tla: error:parse"), r.err());
    }
}
