package reservecheck.impl.common;

/** A harness run's result in the catalog's vocabulary; the protocol adds what it recorded. */
public class RunOutcome {
    private final String verdict;
    private final Throwable failure;
    private final String message;

    protected RunOutcome(String verdict, Throwable failure, String message) {
        this.verdict = verdict;
        this.failure = failure;
        this.message = message;
    }

    public String verdict() {
        return verdict;
    }

    public Throwable failure() {
        return failure;
    }

    public String message() {
        return message;
    }

    /** The line a harness's main prints: the verdict and what was wrong. */
    public String verdictLine() {
        return "verdict: " + verdict + (message == null ? "" : " (" + message + ")");
    }
}
