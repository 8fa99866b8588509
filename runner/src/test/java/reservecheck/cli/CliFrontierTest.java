package reservecheck.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code frontier} on the modern design with the first-round flag off, at bounds the explorer checks in a second. */
class CliFrontierTest {

    /** The first_round_sleeps entry's bounds with a second clean page, which the full-mask retry would reclaim. */
    private static final List<String> BOUNDS = List.of("min_nr=1", "procs=2", "irqs=0", "rounds=1",
            "init_free_pages=0", "init_clean_pages=2", "emergency_pages=0", "pf_memalloc=false",
            "first_round_full_mask=false");

    private static CliHarness.Run frontier(String... more) {
        return frontier(CliBadInputTest.MUST_NOT_RUN, more);
    }

    private static CliHarness.Run frontier(JobRunner runner, String... more) {
        List<String> args = new ArrayList<>(List.of("frontier", "--variant", "mempool_modern", "--budget", "60"));
        for (String b : BOUNDS) {
            args.add("--set");
            args.add(b);
        }
        args.addAll(List.of(more));
        Path root = CliHarness.repositoryRoot();
        return CliHarness.run(root, runner, args.toArray(String[]::new));
    }

    @Test
    void theVerdictChangesWhereTheRequestsStack() {
        // one element per request: a waiter is woken by the other's free; two: both end asleep
        CliHarness.Run r = frontier(JobRunner.tlc(), "--grow", "request_elements=1..2");
        assertEquals(ExitCodes.MISMATCH, r.code(), r.err() + r.out());
        // the explorer decided the change; TLC, run at those bounds, gives the same verdict
        assertTrue(r.out().lines().anyMatch(l -> l.matches("TLC at those bounds: \\S+ too \\(\\d+ distinct states\\)")),
                r.out());
        assertTrue(r.out().contains("ok up to request_elements=1 "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\S+ at request_elements=2 \\(the smallest bounds.*")),
                r.out());
        assertTrue(r.out().contains("    State 1"), "the counterexample is shown: " + r.out());
    }

    @Test
    void aTlcThatDisagreesWithTheExplorerIsItsOwnExitCode() {
        // a TLC that finds nothing wrong where the explorer found the requests stacked
        JobRunner saysOk = job -> new reservecheck.tlc.TlcResult("ok", null, 0, 1, 1, 1, 0.1, List.of(), null);
        CliHarness.Run r = frontier(saysOk, "--grow", "request_elements=1..2");
        assertEquals(ExitCodes.CHECKERS_DISAGREE, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("TLC at those bounds: ok, the explorer "), r.out());
        assertTrue(r.out().contains("the checkers DISAGREE"), r.out());
        // --no-confirm: the explorer's change alone, TLC never started
        assertEquals(ExitCodes.MISMATCH, frontier("--grow", "request_elements=1..2", "--no-confirm").code());
    }

    @Test
    void aVerdictThatHoldsOverTheRangeExitsZero() {
        CliHarness.Run r = frontier("--grow", "request_elements=1..1", "--grow", "rounds=1..2");
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("ok up to request_elements=1 rounds=2"), r.out());
    }

    @Test
    void badRangesAreUsageErrorsAndImpossibleBoundsAreBadParameters() {
        CliHarness.assertOneLineError(frontier("--grow", "procs=3..1"), ExitCodes.USAGE, null);
        CliHarness.assertOneLineError(frontier("--grow", "procs=0..1"), ExitCodes.BAD_PARAMETER, null);
    }

    @Test
    void shrinkFindsBoundsNoLargerThanTheBugsThatStillShowIt() throws Exception {
        Path root = CliHarness.repositoryRoot();
        reservecheck.catalog.Variant bug = reservecheck.catalog.CatalogLoader.loadAllowingMissingSpecs(root)
                .variant("free_stale_curr_nr").orElseThrow();
        String verdict = bug.expectedVerdict("explorer").orElseThrow();
        CliHarness.Run r = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, "frontier", "--variant", bug.name(),
                "--shrink", "--budget", "30", "--no-confirm");
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(bug.name() + ": " + java.util.regex.Pattern.quote(verdict)
                + " down to (.*) \\(the least in each bound\\)").matcher(r.out());
        assertTrue(m.find(), r.out());
        boolean smaller = false;
        for (String kv : m.group(1).split(" ")) {
            String[] p = kv.split("=");
            int own = (Integer) bug.parameters().get(p[0]);
            assertTrue(Integer.parseInt(p[1]) <= own, kv);
            smaller |= Integer.parseInt(p[1]) < own;
        }
        assertTrue(smaller, "min_nr=1 shrinks to 0 and the bug still shows: " + m.group(1));
        CliHarness.assertOneLineError(CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, "frontier", "--variant",
                "mempool_modern", "--shrink"), ExitCodes.USAGE, null);
    }

    @Test
    void shrinkKeepsTheBugsShrinkFloor() throws Exception {
        Path root = CliHarness.repositoryRoot();
        reservecheck.catalog.Catalog c = reservecheck.catalog.CatalogLoader.loadAllowingMissingSpecs(root);
        // the first bug with a floor in its protocol's bounds file: its shrink must stop at the floor
        var records = reservecheck.catalog.FrontierRecords.load(c);
        var withFloor = records.values().stream().filter(f -> !f.shrinkFloor().isEmpty()).findFirst().orElseThrow();
        String bug = withFloor.shrinkFloor().keySet().iterator().next();
        java.util.Map<String, Integer> floor = withFloor.floorOf(bug);
        CliHarness.Run r = CliHarness.run(root, JobRunner.tlc(), "frontier", "--variant", bug,
                "--shrink", "--budget", "30");
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("TLC at those bounds: " + c.variant(bug).orElseThrow().expectedVerdict("explorer")
                .orElseThrow() + " too"), r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(bug + ": \\S+ down to (.*) \\(").matcher(r.out());
        assertTrue(m.find(), r.out());
        for (String kv : m.group(1).split(" ")) {
            String[] p = kv.split("=");
            if (floor.containsKey(p[0])) {
                assertEquals(floor.get(p[0]), Integer.parseInt(p[1]), "the floor of " + p[0] + " in " + m.group(1));
            }
        }
    }
}
