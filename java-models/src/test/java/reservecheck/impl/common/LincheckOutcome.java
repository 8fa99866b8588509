package reservecheck.impl.common;

/** What one Lincheck run of a catalog entry's harness gave, in the catalog's vocabulary. */
public class LincheckOutcome {
    public final String verdict;
    /** Lincheck's report for a failure (the interleaving), else null. */
    public final String report;
    public final double seconds;
    /** Interleavings run, counting the ones Lincheck repeats to print a failure. */
    public final long invocations;

    protected LincheckOutcome(String verdict, LincheckRuns run, long invocations) {
        this.verdict = verdict;
        this.report = run.report;
        this.seconds = run.seconds;
        this.invocations = invocations;
    }
}
