package reservecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.tlc.TlcResult;
import reservecheck.tlc.TraceStep;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceMeta;

/** {@code reservecheck check} writes every counterexample as ITF into results/traces/<checker>/. */
class CliCheckTraceTest {

    @TempDir
    Path tmp;

    @Test
    void tlcsCounterexampleIsWrittenAsItfBesideTheText() throws Exception {
        Path repo = CliHarness.fixtureRepo(tmp.resolve("repo"));
        LinkedHashMap<String, String> vars = new LinkedHashMap<>();
        vars.put("free", "0");
        vars.put("held", "[p1 |-> 0, p2 |-> 0]");
        TlcResult deadlock = new TlcResult("deadlock", "Deadlock reached.", 11, 3, 6, 3, 0.2,
                List.of(new TraceStep(1, "Initial predicate", null, false, null, vars)), null);
        JobRunner tlc = job -> deadlock;
        CliHarness.Run r = CliHarness.run(repo, tlc, "check", "--variant", "pool_leak", "--checker", "tlc");
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        Path itf = repo.resolve("results/traces/tlc/pool_leak.itf.json");
        assertTrue(Files.exists(repo.resolve("results/traces/tlc/pool_leak.txt")), "the text trace stays");
        ItfTrace t = ItfJson.read(itf);
        assertEquals("tlc", t.meta().get(TraceMeta.CHECKER));
        assertEquals("pool", t.meta().get(TraceMeta.PROTOCOL));
        assertEquals("pool_leak", t.meta().get(TraceMeta.VARIANT));
        assertEquals("deadlock", t.meta().get(TraceMeta.VIOLATION));
        assertEquals(List.of("free", "held"), t.vars());
        assertEquals(1, t.states().size());
        assertNull(t.loop());

        CliHarness.Run v = CliHarness.run(repo, CliBadInputTest.MUST_NOT_RUN, repo, "trace", "validate",
                "results/traces/tlc/pool_leak.itf.json");
        assertEquals(ExitCodes.OK, v.code(), v.err());
    }

    @Test
    void theExplorersCounterexamplesAreWrittenAndReplay() throws Exception {
        Path root = CliHarness.repositoryRoot();
        Path results = tmp.resolve("results/results.json");
        CliHarness.Run r = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, "check", "--checker", "explorer",
                "--variant", "free_stale_curr_nr", "--variant", "md_hold_and_wait", "--variant", "mempool_zero_min_2025",
                "--results", results.toString(), "--work", tmp.resolve("work").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        for (String bug : List.of("free_stale_curr_nr", "md_hold_and_wait")) {
            Path itf = tmp.resolve("results/traces/explorer/" + bug + ".itf.json");
            CliHarness.Run replay = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, "trace", "replay",
                    itf.toString());
            assertEquals(ExitCodes.OK, replay.code(), replay.out() + replay.err());
            assertTrue(replay.out().contains(": reproduces "), replay.out());
        }
        assertFalse(Files.exists(tmp.resolve("results/traces/explorer/mempool_zero_min_2025.itf.json")),
                "a design that passes has no trace");
    }
}
