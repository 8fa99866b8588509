package reservecheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogLoader;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.tlc.DistributedTlc;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static reservecheck.cli.CliHarness.assertOneLineError;
import static reservecheck.cli.CliHarness.run;

/**
 * TLC's distributed server with two workers on loopback, started by {@code check --tlc-distributed}:
 * a design's distinct-state count is the catalog's (the local run's), a bug's verdict and counterexample
 * are a local run's, and the temporal property it cannot check leaves the design inconclusive, not ok.
 */
class CliDistributedTlcTest {

    @TempDir
    Path tmp;

    @Test
    void loopbackRunGivesTheLocalCountsVerdictAndTrace() throws Exception {
        assumeTrue(CliHarness.tlcAvailable(), "no TLC");
        Path root = CliHarness.repositoryRoot();
        Catalog catalog = CatalogLoader.loadAllowingMissingSpecs(root);
        Path dist = tmp.resolve("distributed/results.json");
        Path local = tmp.resolve("local/results.json");

        // the local run beside the distributed one: the test costs the distributed run's time only
        CompletableFuture<CliHarness.Run> localRun = CompletableFuture.supplyAsync(() -> run(root, JobRunner.tlc(),
                "check", "--checker", "tlc", "--variant", "free_stale_curr_nr", "--results", local.toString(),
                "--work", tmp.resolve("work-l").toString()));
        CliHarness.Run d = run(root, JobRunner.tlc(), "check", "--checker", "tlc", "--variant", "mempool_2001",
                "--variant", "free_stale_curr_nr", "--tlc-distributed", "localhost:" + DistributedTlc.freePort(),
                "--results", dist.toString(), "--work", tmp.resolve("work-d").toString(), "--timeout", "600");
        CliHarness.Run l = localRun.get();
        assertEquals(ExitCodes.OK, l.code(), l.err() + l.out());
        // AllocReturns is a temporal property of mempool_2001: unchecked distributed, so no "ok"
        assertEquals(ExitCodes.INCONCLUSIVE, d.code(), d.err() + d.out());

        ResultRecord design = record(dist, "mempool_2001");
        assertEquals("inconclusive:unchecked", design.actual(), design.message());
        assertTrue(design.message().contains("AllocReturns not checked"), design.message());
        assertEquals(catalog.variant("mempool_2001").orElseThrow().expectedDistinctStates("tlc").getAsLong(),
                design.distinctStates());

        ResultRecord bug = record(dist, "free_stale_curr_nr");
        ResultRecord localBug = record(local, "free_stale_curr_nr");
        assertEquals(localBug.actual(), bug.actual());
        assertTrue(bug.match(), bug.message());
        assertTrue(bug.message().contains("ending in the state the server reported"), bug.message());
        ItfTrace dt = ItfJson.read(dist.resolveSibling("traces/tlc/free_stale_curr_nr.itf.json"));
        ItfTrace lt = ItfJson.read(local.resolveSibling("traces/tlc/free_stale_curr_nr.itf.json"));
        assertEquals(lt.states().size(), dt.states().size());
        assertEquals(lt.states(), dt.states());
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine().orElse("").contains("tlc2.tool.distributed")).count(),
                "a TLC server or worker outlived the run");
    }

    @Test
    void malformedServerAddressIsAUsageError() {
        Path root = CliHarness.repositoryRoot();
        for (String bad : List.of("localhost", "localhost:0", "localhost:port", ":10997")) {
            CliHarness.Run r = run(root, CliBadInputTest.MUST_NOT_RUN, "check", "--variant", "mempool_2001",
                    "--checker", "tlc", "--tlc-distributed", bad, "--results", tmp.resolve("r.json").toString());
            assertOneLineError(r, ExitCodes.USAGE, null);
            assertTrue(r.err().startsWith("reservecheck: --tlc-distributed: "), r.err());
        }
    }

    private static ResultRecord record(Path results, String variant) throws Exception {
        return new ResultsFile(results).read().stream().filter(r -> r.variant().equals(variant)).findFirst()
                .orElseThrow();
    }
}
