package reservecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Variant;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;

/**
 * {@code check --set} of a parameter warns, on stderr and in the record, when the explorer's
 * reachable graph at the chosen bounds takes none of the actions the catalog says the parameter
 * affects, at any of its values; and says nothing where the path is taken.
 */
class OverrideCoverageTest {

    private static final String FLAG = "first_round_full_mask";

    @TempDir
    Path tmp;

    private static Variant variant(String name, Map<String, String> set) throws Exception {
        return CatalogLoader.loadAllowingMissingSpecs(CliHarness.repositoryRoot()).variant(name).orElseThrow()
                .withOverrides(set);
    }

    /** The 2001 design has no full-mask retry and sleeps on its own queue: the modern flag's path is never reached. */
    @Test
    void aFlagWhosePathIsNeverTakenWarnsOnStderrAndInTheRecord() {
        String bug = "flush_io_while_uninterruptible";
        CliHarness.Run r = CliHarness.run(CliHarness.repositoryRoot(), CliBadInputTest.MUST_NOT_RUN, tmp, "check",
                "--checker", "explorer", "--variant", bug, "--set", FLAG + "=false",
                "--results", tmp.resolve("results/results.json").toString(), "--work", tmp.resolve("work").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        List<String> warnings = r.errLines().stream().filter(l -> l.startsWith("reservecheck: warning: ")).toList();
        assertEquals(1, warnings.size(), r.err());
        String w = warnings.get(0).substring("reservecheck: warning: ".length());
        assertTrue(w.startsWith("--set " + FLAG + "=false on " + bug + ": the explorer takes none of io_schedule_timeout,"
                + " finish_wait (the actions " + FLAG + " affects) at these bounds (" + FLAG + "=true: "), w);
        ResultRecord rec;
        try {
            rec = new ResultsFile(tmp.resolve("results/results.json")).read().get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(rec.match(), rec.toString());
        assertTrue(rec.message().endsWith("warning: " + w), rec.message());
    }

    /** At first_round_sleeps' bounds the tasks sleep on the pool: the flag's path is taken, no warning. */
    @Test
    void noWarningWhereTheFlagsPathIsTaken() throws Exception {
        assertEquals(List.of(), OverrideCoverage.warnings(variant("first_round_sleeps", Map.of(FLAG, "false")), 60));
    }

    /**
     * The README's old example, mempool_modern at its own bounds: with the flag off the tasks do
     * sleep on the pool (the explorer takes finish_wait and io_schedule_timeout), and a free wakes
     * them, so the run passes for that reason and not for want of coverage: no warning.
     */
    @Test
    void theModernDesignsOwnBoundsReachTheSleepWithTheFlagOff() throws Exception {
        assertEquals(List.of(), OverrideCoverage.warnings(variant("mempool_modern", Map.of(FLAG, "false")), 60));
    }

    /** A parameter whose declaration names no actions is not measured. */
    @Test
    void aParameterWithoutAffectsIsNotMeasured() throws Exception {
        assertEquals(List.of(), OverrideCoverage.warnings(variant("mempool_2001", Map.of("min_nr", "1")), 60));
    }
}
