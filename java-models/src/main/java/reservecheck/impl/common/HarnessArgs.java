package reservecheck.impl.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code name=value} arguments every harness takes (from a test, from JPF's target.args,
 * from a plain JVM): the pieces of their parsing that are the same for every protocol.
 * Spec constants are typed as the catalog types them.  One run's arguments are read by taking
 * each option the harness knows, then the spec constants; whatever is left is an unknown
 * argument.
 */
public final class HarnessArgs {
    /** What is not taken yet, name to value in the order given (a name given again: the last value). */
    private final Map<String, String> left = new LinkedHashMap<String, String>();

    /** The {@code name=value} arguments; one without a name is an error. */
    public HarnessArgs(String[] args) {
        for (String a : args) {
            int eq = equalsAt(a);
            left.put(a.substring(0, eq), a.substring(eq + 1));
        }
    }

    /** The option's value, or null when it was not given. */
    public String take(String name) {
        return left.remove(name);
    }

    /** A true/false option. */
    public boolean flag(String name, boolean absent) {
        String v = take(name);
        return v == null ? absent : Boolean.parseBoolean(v);
    }

    /**
     * The spec constants given, typed ({@link #typed}), in the order given.  Call after taking
     * the options, before {@link #noOthers}.
     */
    public Map<String, Object> constants(List<String> names, String[] strings) {
        Map<String, Object> values = new LinkedHashMap<String, Object>();
        for (Map.Entry<String, String> e : left.entrySet()) {
            if (names.contains(e.getKey())) {
                values.put(e.getKey(), typed(e.getKey(), e.getValue(), strings));
            }
        }
        for (String name : values.keySet()) {
            left.remove(name);
        }
        return values;
    }

    /** The first argument left over is unknown; {@code known} lists what the harness takes. */
    public void noOthers(String known) {
        if (!left.isEmpty()) {
            String name = left.keySet().iterator().next();
            throw new IllegalArgumentException("unknown argument " + name + " (" + known + ")");
        }
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
