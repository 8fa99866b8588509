package reservecheck.explorer;

/**
 * A snapshot handed to the progress callback.
 *
 * @param phase "safety" during the breadth-first search, "liveness" while checking properties
 * @param queued states found but not yet expanded
 */
public record Progress(String phase, long distinctStates, long statesGenerated, long queued,
                       int depth, double seconds) {
}
