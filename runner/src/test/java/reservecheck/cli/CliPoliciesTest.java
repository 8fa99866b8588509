package reservecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code reservecheck policies} on alloc_policy's policy table.  The whole table (24 combinations
 * of the four axes, 10 cells each, TLC and the explorer) takes minutes; the test checks the
 * subset that answers seed 001: gfp_kernel_may_fail x oom_reaper at modern_slowpath_oom's bounds
 * (4 rows, 40 cells per checker), where TLC and the explorer must agree on every cell.
 */
class CliPoliciesTest {

    @TempDir
    Path tmp;

    @Test
    void seed001RowsAgreeAcrossCheckersAndMatchTheHandWorkedVerdicts() throws Exception {
        assumeTrue(CliHarness.tlcAvailable(), "TLC is not available");
        Path root = CliHarness.repositoryRoot();
        CliHarness.Run r = CliHarness.run(root, JobRunner.tlc(), tmp, "policies", "--protocol", "alloc_policy",
                "--variant", "modern_slowpath_oom", "--axis", "gfp_kernel_may_fail", "--axis", "oom_reaper",
                "--out", tmp.toString(), "--json");
        // exit 0: every cell conclusive and TLC = explorer (a disagreement is exit 1)
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(4, doc.get("rows").size(), r.out());
        Map<String, Map<String, String>> byRow = new TreeMap<>();
        for (JsonNode row : doc.get("rows")) {
            String key = row.get("settings").get("gfp_kernel_may_fail").asText() + "/"
                    + row.get("settings").get("oom_reaper").asText();
            Map<String, String> cells = new TreeMap<>();
            row.get("cells").fields().forEachRemaining(e -> {
                String tlc = e.getValue().get("tlc").get("verdict").asText();
                assertEquals(tlc, e.getValue().get("explorer").get("verdict").asText(), key + " " + e.getKey());
                cells.put(e.getKey(), tlc);
            });
            assertEquals(10, cells.size(), key + ": " + cells);
            byRow.put(key, cells);
        }

        // Row "GFP_KERNEL never fails, no oom_reaper" (seed 001's proposal on a kernel without the
        // reaper), worked by hand at modern_slowpath_oom's bounds (min 3, 2 free pages, no page
        // cache, task 2 owns 2 pages, both tasks take lock L first):
        // task 1 takes L, finds 2 <= min, reclaims nothing and calls out_of_memory, which kills
        // task 2; task 2 is waiting for L in mutex_lock and cannot exit; nothing else frees memory
        // and task 1 may not fail, so task 1 loops in "oom" and task 2 in "lock" with no step
        // enabled: deadlock.  The same behaviour never lets task 2 finish (AllocTerminates) nor
        // task 1 return (NofailSucceeds, which without NOFAIL asks only that), nor the killed
        // victim exit or be reaped (VictimGone).  No invariant can fail: no NOFAIL,
        // no page below min is taken, GFP_KERNEL may invoke the OOM killer, and there is no page
        // cache to be killed over.
        Map<String, String> neverFailsNoReaper = byRow.get("false/false");
        assertEquals("deadlock", neverFailsNoReaper.get("deadlock"));
        assertEquals("liveness:AllocTerminates", neverFailsNoReaper.get("AllocTerminates"));
        assertEquals("liveness:VictimGone", neverFailsNoReaper.get("VictimGone"));
        List<String> invariants = List.of("TypeOK", "NofailNeverNull", "NofailMayBlock", "AtomicBandKept",
                "OomOnlyWhereAllowed", "NoKillWhileReclaimable");
        for (String inv : invariants) {
            assertEquals("ok", neverFailsNoReaper.get(inv), inv);
        }
        assertEquals("liveness:NofailSucceeds", neverFailsNoReaper.get("NofailSucceeds"));

        // Row "GFP_KERNEL may fail, no oom_reaper": the same start, but once task 2 is killed
        // task 1 gives up (alloc_fail: killing cannot help any more), returns NULL and drops L;
        // task 2 takes L and exits, freeing its 2 pages.  In the other order (task 2 holds L)
        // task 2 kills itself and exits from the allocator, dropping L, and task 1 then finds 4
        // free pages.  Every task finishes and the victim exits: every cell is ok.
        byRow.get("true/false").forEach((cell, verdict) -> assertEquals("ok", verdict, "true/false " + cell));

        // the reaper alone also mends it: the row the catalog's design is
        byRow.get("false/true").forEach((cell, verdict) -> assertEquals("ok", verdict, "false/true " + cell));

        // the page of the run report, with a link to a counterexample of the failing row
        String page = Files.readString(tmp.resolve("policies/alloc_policy.html"));
        assertTrue(page.contains("by-property/deadlock/tlc/modern_slowpath_oom.txt"), page);
    }

    @Test
    void aProtocolWithoutAxesAndANameThatIsNoAxisAreOneLineErrors() {
        Path root = CliHarness.repositoryRoot();
        // refused before any checker runs
        CliHarness.Run none = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, "policies", "--protocol", "net_rx",
                "--out", tmp.toString());
        CliHarness.assertOneLineError(none, ExitCodes.UNKNOWN_NAME,
                "reservecheck: protocol net_rx declares no policy axis (policy_axis: true on a bool or enum parameter of net_rx.yaml)");
        List<String> args = new ArrayList<>(List.of("policies", "--protocol", "alloc_policy", "--axis", "min_wmark",
                "--out", tmp.toString()));
        CliHarness.Run bad = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, args.toArray(String[]::new));
        assertEquals(ExitCodes.UNKNOWN_NAME, bad.code(), bad.err());
        assertTrue(bad.err().startsWith("reservecheck: min_wmark is not a policy axis of alloc_policy"), bad.err());
    }
}
