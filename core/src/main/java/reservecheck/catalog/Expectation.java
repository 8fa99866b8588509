package reservecheck.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What one checker is expected to find for a variant.
 *
 * @param verdict        ok, deadlock, assert, invariant:Name or liveness:Name
 * @param distinctStates the recorded state count, or null when not recorded
 * @param parameters     overrides of the variant's parameters for this checker only (a checker
 *                       whose search costs more, e.g. JPF, checks a design at smaller bounds);
 *                       empty when the checker uses the variant's own
 * @param parametersNote why this checker's bounds differ, or null
 * @param interleavings  for a checker that samples interleavings (Lincheck): the most it may
 *                       explore for this entry, where its default budget is too small to reach
 *                       the bug; null for the checker's default
 * @param job            the job that runs this check when it is not the checker's usual one:
 *                       {@link #LONG_JOB} for a Lincheck search of minutes, which
 *                       {@code make lincheck-long} runs (in CI, after make test) so that make
 *                       test keeps its budget; null for the usual job
 */
public record Expectation(String verdict, Long distinctStates, Map<String, Object> parameters,
                          String parametersNote, Integer interleavings, String job) {
    /** The job of the checks too long for make test: {@code make lincheck-long}. */
    public static final String LONG_JOB = "long";

    public Expectation {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public Expectation(String verdict, Long distinctStates) {
        this(verdict, distinctStates, Map.of(), null, null, null);
    }

    public Expectation(String verdict, Long distinctStates, Map<String, Object> parameters, String parametersNote) {
        this(verdict, distinctStates, parameters, parametersNote, null, null);
    }

    /** The entry's own interleaving budget, or {@code otherwise}. */
    public int interleavingsOr(int otherwise) {
        return interleavings == null ? otherwise : interleavings;
    }

    /** True when {@code make lincheck-long} runs this check, not the checker's usual job. */
    public boolean longJob() {
        return LONG_JOB.equals(job);
    }

    public OptionalLong states() {
        return distinctStates == null ? OptionalLong.empty() : OptionalLong.of(distinctStates);
    }
}
