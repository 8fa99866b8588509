package reservecheck.catalog;

import java.util.OptionalLong;

/**
 * What one checker is expected to find for a variant.
 *
 * @param verdict        ok, deadlock, assert, invariant:Name or liveness:Name
 * @param distinctStates the recorded state count, or null when not recorded
 */
public record Expectation(String verdict, Long distinctStates) {

    public OptionalLong states() {
        return distinctStates == null ? OptionalLong.empty() : OptionalLong.of(distinctStates);
    }
}
