package reservecheck.results;

/**
 * Verdict strings. A checker's verdict is one of ok, deadlock, assert, invariant:Name,
 * liveness:Name; the runners also produce inconclusive:* and error:*, which are no verdict about
 * the model and never match an expectation.
 */
public final class Verdicts {

    public static final String OK = "ok";
    public static final String TIMEOUT = "inconclusive:timeout";
    public static final String OUT_OF_MEMORY = "inconclusive:out-of-memory";
    public static final String CRASH = "inconclusive:crash";
    public static final String ERROR_PARSE = "error:parse";
    public static final String ERROR_CONFIG = "error:config";
    public static final String ERROR_ASSUMPTION = "error:assumption";
    public static final String ERROR_EVALUATION = "error:evaluation";

    private Verdicts() {
    }

    /** True for inconclusive:* and error:*: the run said nothing about the model's behaviour. */
    public static boolean isInconclusive(String verdict) {
        return verdict == null || verdict.startsWith("inconclusive:") || verdict.startsWith("error:");
    }

    public static boolean isError(String verdict) {
        return verdict != null && verdict.startsWith("error:");
    }
}
