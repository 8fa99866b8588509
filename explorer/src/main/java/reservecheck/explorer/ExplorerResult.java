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
 * @param bytesPerState     memory per stored state of the packed search (its words, parent id
 *                          and hash-table share); 0 when states were stored as objects
 * @param counterexample    null unless the verdict is a violation
 * @param coverage          edges taken per action label, and per label and task kind
 *                          ("mempool_alloc/p"), over the states expanded; sorted by name
 */
public record ExplorerResult<S>(String verdict, String message, long distinctStates,
                                long statesGenerated, long statesLeftOnQueue, int depth,
                                double seconds, double statesPerSecond, double bytesPerState,
                                Counterexample<S> counterexample,
                                java.util.SortedMap<String, Long> coverage) {

    /** The action labels (without task kinds) the search took at least once. */
    public java.util.SortedSet<String> actionsTaken() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (var e : coverage.entrySet()) {
            if (!e.getKey().contains("/") && e.getValue() > 0) {
                out.add(e.getKey());
            }
        }
        return out;
    }

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
