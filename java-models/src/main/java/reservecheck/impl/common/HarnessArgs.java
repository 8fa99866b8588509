package reservecheck.impl.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code name=value} arguments every harness takes (from a test, from JPF's target.args,
 * from a plain JVM): the pieces of their parsing that are the same for every protocol.
 * Spec constants are typed as the catalog types them.
 */
public final class HarnessArgs {
    private HarnessArgs() {
    }

    /** Where the argument's {@code =} is; an argument without a name is an error. */
    public static int equalsAt(String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("not name=value: " + arg);
        }
        return eq;
    }

    /**
     * A spec constant's value: the protocol's {@code strings} (design and the like) are
     * strings, true/false booleans, everything else an integer.
     */
    public static Object typed(String name, String value, String[] strings) {
        String v = value;
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        for (String s : strings) {
            if (s.equals(name)) {
                return v;
            }
        }
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.valueOf(v);
        }
        try {
            return Integer.valueOf(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + ": not an integer or boolean");
        }
    }

    /** A list's non-empty items, trimmed; {@code separators} a regular expression. */
    public static String[] list(String value, String separators) {
        List<String> l = new ArrayList<String>();
        for (String s : value.split(separators)) {
            if (!s.trim().isEmpty()) {
                l.add(s.trim());
            }
        }
        return l.toArray(new String[0]);
    }

    /**
     * {@code on_hang=report}: the main thread ends a hung run with the hang's verdict (true);
     * {@code block}: it waits like the others, for a checker that reports threads that never
     * run again (false).
     */
    public static boolean reportsHang(String value) {
        if ("block".equals(value)) {
            return false;
        }
        if ("report".equals(value)) {
            return true;
        }
        throw new IllegalArgumentException("on_hang must be block or report, not " + value);
    }
}
