package reservecheck.traces;

import java.util.regex.Pattern;

/** JSON paths for messages, in the {@code $.states[2].curr_nr.#bigint} form people read. */
final class ItfPaths {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_#-]+");

    private ItfPaths() {
    }

    static String field(String path, String key) {
        if (PLAIN.matcher(key).matches()) {
            return path + "." + key;
        }
        return path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
