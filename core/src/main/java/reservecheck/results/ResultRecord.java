package reservecheck.results;

import reservecheck.catalog.Variant;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one checker found for one variant, next to what the catalog expects.
 *
 * @param protocol               the protocol
 * @param variant                the variant
 * @param checker                tlc, explorer, jqwik, lincheck, jpf or conformance
 * @param expected               the catalog's verdict, or null if it records none
 * @param expectedDistinctStates the catalog's state count, or null when none is recorded or it
 *                               does not apply (parameters overridden)
 * @param actual                 the verdict reached, or inconclusive:* / error:*
 * @param match                  verdict and (where compared) state count as expected
 * @param distinctStates         distinct states found, -1 if unknown
 * @param depth                  depth reached, -1 if unknown
 * @param seconds                wall-clock seconds
 * @param message                one line for people, may be null
 * @param trace                  where the counterexample was written, or null
 * @param overrides              command-line parameter overrides, NAME to VALUE; empty if none
 * @param coverage               edges taken per action label (and "label/task-kind") in the
 *                               checked graph; empty when the checker does not count them
 * @param property               the property a {@code check --per-property} cell judges, or null
 * @param runId                  the run (one {@code check} invocation) that made the record, or null
 *                               for a record of a results file written before runs were recorded
 * @param runStarted             when that run started, or null when unknown
 */
public record ResultRecord(String protocol, String variant, String checker, String expected,
                           Long expectedDistinctStates, String actual, boolean match, long distinctStates,
                           int depth, double seconds, String message, String trace,
                           Map<String, String> overrides, Map<String, Long> coverage, String property,
                           String runId, Instant runStarted) {

    public ResultRecord {
        overrides = overrides == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        coverage = coverage == null ? Map.of() : Collections.unmodifiableMap(new java.util.TreeMap<>(coverage));
    }

    /** A record not yet stamped with its run. */
    public ResultRecord(String protocol, String variant, String checker, String expected,
                        Long expectedDistinctStates, String actual, boolean match, long distinctStates,
                        int depth, double seconds, String message, String trace,
                        Map<String, String> overrides, Map<String, Long> coverage, String property) {
        this(protocol, variant, checker, expected, expectedDistinctStates, actual, match, distinctStates, depth,
                seconds, message, trace, overrides, coverage, property, null, null);
    }

    /** A record of the whole entry. */
    public ResultRecord(String protocol, String variant, String checker, String expected,
                        Long expectedDistinctStates, String actual, boolean match, long distinctStates,
                        int depth, double seconds, String message, String trace,
                        Map<String, String> overrides, Map<String, Long> coverage) {
        this(protocol, variant, checker, expected, expectedDistinctStates, actual, match, distinctStates, depth,
                seconds, message, trace, overrides, coverage, null);
    }

    /** A record of a checker that does not count action coverage. */
    public ResultRecord(String protocol, String variant, String checker, String expected,
                        Long expectedDistinctStates, String actual, boolean match, long distinctStates,
                        int depth, double seconds, String message, String trace, Map<String, String> overrides) {
        this(protocol, variant, checker, expected, expectedDistinctStates, actual, match, distinctStates, depth,
                seconds, message, trace, overrides, Map.of());
    }

    /** This record with its counterexample at {@code path} (a results folder moved or merged). */
    public ResultRecord withTrace(String path) {
        return new ResultRecord(protocol, variant, checker, expected, expectedDistinctStates, actual, match,
                distinctStates, depth, seconds, message, path, overrides, coverage, property, runId, runStarted);
    }

    /** This record with the coverage of its checked graph. */
    public ResultRecord withCoverage(Map<String, Long> counts) {
        return new ResultRecord(protocol, variant, checker, expected, expectedDistinctStates, actual, match,
                distinctStates, depth, seconds, message, trace, overrides, counts, property, runId, runStarted);
    }

    /**
     * This record marked as a mismatch because the design's checked graph never took actions
     * the catalog says it covers: a pass that never reached a step verifies nothing about it.
     */
    public ResultRecord withUncoveredActions(java.util.Collection<String> missing) {
        if (missing.isEmpty()) {
            return this;
        }
        String why = "never takes " + String.join(", ", missing)
                + ": the design covers less than the catalog says (list them under uncovered, with the reason)";
        return new ResultRecord(protocol, variant, checker, expected, expectedDistinctStates, actual, false,
                distinctStates, depth, seconds, message == null ? why : why + "; " + message, trace, overrides,
                coverage, property, runId, runStarted);
    }

    /** This record as made by {@code run}: every record a run writes carries the run's id and start. */
    public ResultRecord withRun(Run run) {
        return new ResultRecord(protocol, variant, checker, expected, expectedDistinctStates, actual, match,
                distinctStates, depth, seconds, message, trace, overrides, coverage, property, run.id(), run.started());
    }

    /** This record with a warning at the end of its message (the verdict and match stay as they are). */
    public ResultRecord withWarning(String warning) {
        String w = "warning: " + warning;
        return new ResultRecord(protocol, variant, checker, expected, expectedDistinctStates, actual, match,
                distinctStates, depth, seconds, message == null ? w : message + "; " + w, trace, overrides, coverage,
                property, runId, runStarted);
    }

    public Outcome outcome() {
        if (match) {
            return Outcome.MATCH;
        }
        return Verdicts.isInconclusive(actual) ? Outcome.INCONCLUSIVE : Outcome.MISMATCH;
    }

    /**
     * Compares a checker's result with the variant's expectation.
     * The state count is compared only when the catalog records one and the parameters are the
     * catalog's own: with bounds overridden the model is a different size.
     * On a state-count difference the message says so (the verdict alone matched).
     */
    public static ResultRecord compare(Variant v, String checker, String actual, long distinctStates, int depth,
                                       double seconds, String message, String trace) {
        String expected = v.expectedVerdict(checker).orElse(null);
        OptionalLong states = v.isOverridden() ? OptionalLong.empty() : v.expectedDistinctStates(checker);
        Long expectedStates = states.isPresent() ? states.getAsLong() : null;
        boolean match = false;
        String msg = message;
        if (expected == null) {
            msg = "the catalog records no " + checker + " verdict for " + v.name()
                    + (message == null ? "" : "; " + message);
        } else if (!Verdicts.isInconclusive(actual) && actual.equals(expected)) {
            if (expectedStates == null || expectedStates == distinctStates) {
                match = true;
            } else {
                msg = distinctStates + " distinct states, the catalog records " + expectedStates
                        + " (the model changed: re-record the count deliberately)";
            }
        }
        return new ResultRecord(v.protocol(), v.name(), checker, expected, expectedStates, actual, match,
                distinctStates, depth, seconds, msg, trace, v.overrides());
    }
}
