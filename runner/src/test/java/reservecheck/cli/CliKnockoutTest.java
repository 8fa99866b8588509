package reservecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reservecheck.cli.CliHarness.run;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import reservecheck.catalog.RepositoryRoot;

/**
 * {@code reservecheck knockout} on the real catalog: every design's knock-outs are caught by a
 * property or listed as redundant (exit 0), with the property that fails in the table; bad
 * input gets one line and its exit code.
 */
class CliKnockoutTest {
    private static Path root() {
        return RepositoryRoot.locate();
    }

    @Test
    void everyDesignsKnockOutsAreCaughtOrListed() {
        CliHarness.Run r = run(root(), null, "knockout");
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        assertTrue(r.out().contains(" 0 not caught, 0 listed redundant but caught, 0 inconclusive"), r.out());
        // the wake-up's action: without mempool_free a bulk request waits for ever
        assertTrue(r.out().lines().anyMatch(l -> l.matches(
                "mempool\\s+mempool_alloc_bulk\\s+mempool_free\\s+liveness:AllocReturns\\s+yes.*")), r.out());
        assertTrue(r.out().contains("* mempool_alloc_bulk io_schedule_timeout: "), r.out());
    }

    @Test
    void badInput() {
        CliHarness.assertOneLineError(run(root(), null, "knockout", "--variant", "nosuch"), ExitCodes.UNKNOWN_NAME,
                "reservecheck: unknown variant nosuch (see 'reservecheck list')");
        CliHarness.assertOneLineError(run(root(), null, "knockout", "--variant", "free_stale_curr_nr"),
                ExitCodes.UNKNOWN_NAME, "reservecheck: free_stale_curr_nr is a bug entry: knock-outs are for designs");
        CliHarness.assertOneLineError(run(root(), null, "knockout", "--protocol", "nosuch"), ExitCodes.UNKNOWN_NAME,
                "reservecheck: unknown protocol nosuch (see 'reservecheck list')");
    }
}
