package reservecheck.cli;

import reservecheck.catalog.Variant;
import reservecheck.explorer.ExplorerOptions;

import java.time.Duration;

/** The explorer's options for an entry: the checks the catalog lists for it, as TLC's cfg has them. */
final class ExplorerChecks {

    private ExplorerChecks() {
    }

    static ExplorerOptions options(Variant v, long timeoutSeconds) {
        return options(v, timeoutSeconds, 1);
    }

    /** With threads expanding states in the explorer (the same result for any number). */
    static ExplorerOptions options(Variant v, long timeoutSeconds, int threads) {
        return ExplorerOptions.defaults()
                .withThreads(threads)
                .withInvariants(v.checks().invariants())
                .withProperties(v.checks().properties())
                .withDeadlock(v.checks().deadlock())
                .withSymmetry(v.checks().useSymmetry())
                .withTimeLimit(Duration.ofSeconds(timeoutSeconds));
    }
}
