package reservecheck.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
 */
public record Expectation(String verdict, Long distinctStates, Map<String, Object> parameters,
                          String parametersNote) {

    public Expectation {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public Expectation(String verdict, Long distinctStates) {
        this(verdict, distinctStates, Map.of(), null);
    }

    public OptionalLong states() {
        return distinctStates == null ? OptionalLong.empty() : OptionalLong.of(distinctStates);
    }
}
