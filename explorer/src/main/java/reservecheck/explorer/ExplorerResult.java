package reservecheck.explorer;

/**
 * The outcome of one search, with TLC's statistics.
 *
 * @param verdict           ok, deadlock, invariant:Name, liveness:Name, inconclusive:timeout or
 *                          inconclusive:state-limit
 * @param distinctStates    distinct states found (TLC's "distinct states found")
 * @param statesGenerated   initial states plus successors computed (TLC's "states generated")
 * @param statesLeftOnQueue states found but not expanded when the search stopped
 * @param depth             BFS levels reached, initial states being level 1 (TLC's "depth of the
 *                          complete state graph search")
 * @param counterexample    null unless the verdict is a violation
 */
public record ExplorerResult<S>(String verdict, String message, long distinctStates,
                                long statesGenerated, long statesLeftOnQueue, int depth,
                                double seconds, double statesPerSecond,
                                Counterexample<S> counterexample) {

    public boolean isOk() {
        return Verdicts.OK.equals(verdict);
    }

    public boolean isInconclusive() {
        return Verdicts.isInconclusive(verdict);
    }

    @Override
    public String toString() {
        return verdict + ": " + message + " (" + statesGenerated + " states generated, " + distinctStates
                + " distinct states found, " + statesLeftOnQueue + " states left on queue, depth " + depth + ")";
    }
}
