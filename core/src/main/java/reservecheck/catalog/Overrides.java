package reservecheck.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads command-line parameter settings of the form {@code NAME=VALUE}. */
public final class Overrides {

    private Overrides() {
    }

    /**
     * @param settings {@code NAME=VALUE} strings; a later setting of the same name wins
     * @return name to value text, in the order given
     * @throws BadParameterException for a setting without a name or without '='
     */
    public static Map<String, String> parse(List<String> settings) throws BadParameterException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0 || s.substring(0, eq).isBlank()) {
                throw new BadParameterException("--set " + s + ": expected NAME=VALUE");
            }
            String name = s.substring(0, eq).trim();
            String value = s.substring(eq + 1).trim();
            // Keeping the last of two values silently would run bounds the user did not mean to run.
            String earlier = out.put(name, value);
            if (earlier != null) {
                throw new BadParameterException("--set " + name + " is given twice (" + name + "=" + earlier
                        + " and " + name + "=" + value + ")");
            }
        }
        return out;
    }
}
