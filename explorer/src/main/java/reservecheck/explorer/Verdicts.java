package reservecheck.explorer;

/** The verdict strings of docs/CATALOG.md that the explorer can produce. */
public final class Verdicts {
    public static final String OK = "ok";
    public static final String DEADLOCK = "deadlock";
    public static final String TIMEOUT = "inconclusive:timeout";
    public static final String STATE_LIMIT = "inconclusive:state-limit";

    private Verdicts() {
    }

    public static String invariant(String name) {
        return "invariant:" + name;
    }

    public static String liveness(String name) {
        return "liveness:" + name;
    }

    /** Inconclusive verdicts never count as a pass, whatever the search saw before it stopped. */
    public static boolean isInconclusive(String verdict) {
        return verdict.startsWith("inconclusive:");
    }
}
