package reservecheck.impl.common;

/**
 * A run of an implementation broke a property of its spec.  The message starts with the
 * catalog's verdict ({@code invariant:<Name>}, {@code liveness:<Name>}), so every checker
 * (Lincheck's report, JPF's uncaught-exception report, a plain run) maps it to the same
 * verdict by reading the message.
 */
public abstract class SpecViolation extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final String verdict;

    protected SpecViolation(String verdict, String detail) {
        super(verdict + " " + detail);
        this.verdict = verdict;
    }

    /** The catalog's verdict, e.g. {@code invariant:Conservation}. */
    public String verdict() {
        return verdict;
    }

    /** The verdict a run's failure means: ok, the violation's, or {@code error:<class>}. */
    public static String verdictOf(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        if (failure instanceof SpecViolation) {
            return ((SpecViolation) failure).verdict();
        }
        return "error:" + failure.getClass().getName();
    }
}
