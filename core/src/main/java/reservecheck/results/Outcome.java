package reservecheck.results;

/** How a checker's verdict compares with the catalog's expectation. */
public enum Outcome {
    /** The verdict (and, where recorded and comparable, the state count) is the expected one. */
    MATCH,
    /** The checker reached a verdict, and it is not the expected one. */
    MISMATCH,
    /** The checker reached no verdict: timeout, out of memory, crash, or an error in the model. */
    INCONCLUSIVE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
