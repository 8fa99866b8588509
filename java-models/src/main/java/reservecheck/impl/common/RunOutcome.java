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

    public boolean ok() {
        return "ok".equals(verdict);
    }

    /**
     * The end of a harness's main: any verdict but ok as an AssertionError whose message is the
     * verdict alone (what was wrong is printed before), so JPF's report of the uncaught
     * exception reads back as the verdict.
     */
    public void throwUnlessOk() {
        if (!ok()) {
            throw new AssertionError(verdict);
        }
    }

    /**
     * The end of every harness's main: the verdict line, then {@code after} as it is (null:
     * nothing; what the protocol hands on about a failed run, such as its recorded steps, which
     * JPF passes on since it prints what the program prints), then {@link #throwUnlessOk}.
     */
    public void endMain(String after) {
        System.out.println(verdictLine());
        if (after != null) {
            System.out.print(after);
        }
        throwUnlessOk();
    }

    /** The line a harness's main prints: the verdict and what was wrong. */
    public String verdictLine() {
        return "verdict: " + verdict + (message == null ? "" : " (" + message + ")");
    }
}
