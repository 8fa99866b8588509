package reservecheck.impl.common;

/**
 * Lincheck threw something other than its report of a failure: one of its own checks failed
 * (its "Non-determinism found" when the replay that collects a failure's trace ends
 * differently, among them).  That is no verdict on the protocol, so the results file gets
 * {@link #VERDICT}, and the message keeps what Lincheck said, to tell it from a harness's fault.
 */
public final class LincheckItselfFailed extends AssertionError {
    public static final String VERDICT = "inconclusive:lincheck-internal";

    LincheckItselfFailed(String entry, long started, Throwable e) {
        super(entry + ": Lincheck itself failed (" + e.getClass().getName() + ") after " + started
                + " interleavings: " + firstLines(e.getMessage(), 40), e);
    }

    private static String firstLines(String s, int n) {
        return s == null ? "" : s.strip().lines().limit(n).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
