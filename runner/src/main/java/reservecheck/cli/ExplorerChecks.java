package reservecheck.cli;

import reservecheck.catalog.Variant;
import reservecheck.explorer.ExplorerOptions;

import java.time.Duration;

/** The explorer's options for an entry: the checks the catalog lists for it, as TLC's cfg has them. */
final class ExplorerChecks {

    private ExplorerChecks() {
    }

    static ExplorerOptions options(Variant v, long timeoutSeconds) {
        return ExplorerOptions.defaults()
                .withInvariants(v.checks().invariants())
                .withProperties(v.checks().properties())
                .withDeadlock(v.checks().deadlock())
                .withSymmetry(v.checks().useSymmetry())
                .withTimeLimit(Duration.ofSeconds(timeoutSeconds));
    }
}
