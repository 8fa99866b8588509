package reservecheck.impl.common;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;

/**
 * {@code Lincheck.runConcurrentTest} over a harness's body, the same way for every protocol:
 * Lincheck's report of a failure (the interleaving) or null, and how long it took.  The
 * protocol reads the report as a verdict.
 */
public final class LincheckRuns {
    /** Lincheck's report for a failure (the interleaving), else null. */
    public final String report;
    public final double seconds;

    private LincheckRuns(String report, double seconds) {
        this.report = report;
        this.seconds = seconds;
    }

    /**
     * Runs {@code body} for at most {@code invocations} interleavings.  With {@code mustFail},
     * the body must make Lincheck fail (a LincheckAssertionError): the proof that the harness can
     * fail at all, on an entry the catalog expects Lincheck to find.  When it does not, the
     * message says how many interleavings ran ({@code started}, the body's own count): fewer
     * than allowed means Lincheck found its search tree exhausted.
     */
    public static LincheckRuns run(String entry, int invocations, Runnable body, boolean mustFail,
                                   LongSupplier started) {
        long t0 = System.nanoTime();
        String report = null;
        if (mustFail) {
            try {
                Lincheck.runConcurrentTest(invocations, body);
            } catch (LincheckAssertionError e) {
                report = e.getMessage();
            } catch (RuntimeException | Error e) {
                throw new LincheckItselfFailed(entry, started.getAsLong(), e);
            }
            if (report == null) {
                fail(entry + ": Lincheck found nothing in " + started.getAsLong() + " interleavings ("
                        + invocations + " allowed" + (started.getAsLong() < invocations
                        ? ": it ended its search, every interleaving it could tell apart explored)" : ")"));
            }
        } else {
            try {
                Lincheck.runConcurrentTest(invocations, body);
            } catch (LincheckAssertionError e) {
                report = e.getMessage();
            } catch (RuntimeException | Error e) {
                throw new LincheckItselfFailed(entry, started.getAsLong(), e);
            }
        }
        return new LincheckRuns(report, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs of one search at most, when Lincheck itself fails (see {@link #repeated}). */
    public static final int ATTEMPTS = 3;

    /**
     * {@code run}, repeated when Lincheck itself fails ({@link LincheckItselfFailed}), at most
     * {@link #ATTEMPTS} times in all.  Lincheck 3.7's report of a hang now and then fails to
     * render: an IllegalStateException, "GPMC trace is expected", thrown while it builds the
     * report of a failure its search had found (seen here in about one of forty runs of a
     * deadlock entry).  The search is deterministic, so a repeat
     * finds the same interleaving, which the second run's schedule check confirms.  Each repeat
     * is named in {@code retried}, for the result's message; the last failure is thrown.
     */
    public static <R> R repeated(String entry, Supplier<R> run, List<String> retried) {
        for (int attempt = 1; ; attempt++) {
            try {
                return run.get();
            } catch (LincheckItselfFailed e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                String said = e.getMessage().lines().findFirst().orElse("");
                retried.add(said);
                System.out.println("lincheck " + entry + ": repeated, " + said);
            }
        }
    }

    private static final Pattern SPEC_VERDICT = Pattern.compile("(invariant|liveness):([A-Za-z_][A-Za-z0-9_]*)");

    /**
     * The verdict of a report of a harness that blocks on a hang and rethrows a SpecViolation
     * (its message starts with the verdict): a hang whose threads are all in deadlock is
     * {@code deadlock}, the harness lets that happen only when every running task sleeps with
     * nobody to wake it; a run stopped at a revisit ({@code revisit: at step}) is
     * {@code revisit}, for the protocol to judge; anything else an error.
     */
    public static String specVerdict(String report) {
        if (report.contains("revisit: at step ")) {
            return "revisit";
        }
        if (report.contains("= Concurrent test has hung =")) {
            return report.contains("All unfinished threads are in deadlock") ? "deadlock"
                    : "error:lincheck hang that is not a deadlock";
        }
        Matcher m = SPEC_VERDICT.matcher(report);
        if (m.find()) {
            return m.group(1) + ":" + m.group(2);
        }
        return "error:lincheck " + firstLine(report);
    }

    /** A report's first line: what an unknown failure's verdict says. */
    public static String firstLine(String report) {
        return report.strip().lines().findFirst().orElse("");
    }

    /** The interleaving part of a report (Lincheck prints it, then the detailed trace). */
    public static String schedule(String report) {
        if (report == null) {
            return null;
        }
        int from = report.indexOf("The following interleaving leads to the error:");
        int to = report.indexOf("Detailed trace:");
        if (from < 0) {
            return report;
        }
        return to > from ? report.substring(from, to) : report.substring(from);
    }
}
