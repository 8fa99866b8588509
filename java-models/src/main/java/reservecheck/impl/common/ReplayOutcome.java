package reservecheck.impl.common;

/** What a replay of an event log on the model found, as every protocol reports it. */
public class ReplayOutcome {
    private final int steps;
    private final String divergence;

    protected ReplayOutcome(int steps, String divergence) {
        this.steps = steps;
        this.divergence = divergence;
    }

    /** The events replayed (the protocol says whether a diverging step's counts). */
    public int steps() {
        return steps;
    }

    /** Null when the whole log agrees with the model; else the first divergence, one line. */
    public String divergence() {
        return divergence;
    }

    public boolean agrees() {
        return divergence == null;
    }

    @Override
    public String toString() {
        return agrees() ? "agrees with the model for " + steps + " steps" : divergence;
    }
}
