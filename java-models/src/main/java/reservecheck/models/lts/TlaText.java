package reservecheck.models.lts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Canonical TLA+ text of values, the one form in which a model's variables and TLC's states
 * are compared and written into traces.  Rules (both sides must print through these):
 * integers in decimal; TRUE/FALSE; strings in double quotes with \" and \\ escaped; model
 * values bare; sequences {@code <<a, b>>}; sets {@code {a, b}} with elements sorted by their
 * canonical text; functions {@code (k1 :> v1 @@ k2 :> v2)} sorted by key text (an empty
 * function is the empty sequence {@code <<>>}, as in TLA+); records {@code [f |-> v, ...]}
 * sorted by field name.  Arguments are already-canonical element texts.
 */
public final class TlaText {
    private TlaText() {
    }

    public static String integer(long n) {
        return Long.toString(n);
    }

    public static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    public static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    public static String modelValue(String name) {
        return name;
    }

    public static String sequence(List<String> items) {
        return "<<" + join(items) + ">>";
    }

    public static String set(List<String> items) {
        List<String> sorted = new ArrayList<String>(items);
        Collections.sort(sorted);
        // a set has no duplicates: drop equal neighbours
        List<String> unique = new ArrayList<String>();
        for (int i = 0; i < sorted.size(); i++) {
            if (i == 0 || !sorted.get(i).equals(sorted.get(i - 1))) {
                unique.add(sorted.get(i));
            }
        }
        return "{" + join(unique) + "}";
    }

    /** A function given as parallel lists of canonical key and value texts. */
    public static String function(List<String> keys, List<String> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException("keys and values differ in length");
        }
        if (keys.isEmpty()) {
            return "<<>>";
        }
        List<String> pairs = new ArrayList<String>();
        for (int i = 0; i < keys.size(); i++) {
            pairs.add(keys.get(i) + " :> " + values.get(i));
        }
        Collections.sort(pairs);
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < pairs.size(); i++) {
            if (i > 0) {
                b.append(" @@ ");
            }
            b.append(pairs.get(i));
        }
        return b.append(')').toString();
    }

    /** A function over model values (a protocol's tasks), keyed by the values' names. */
    public static String functionOver(List<String> modelValues, List<String> values) {
        List<String> keys = new ArrayList<String>();
        for (String n : modelValues) {
            keys.add(modelValue(n));
        }
        return function(keys, values);
    }

    /** The texts of an int array, in order: a function's values or a sequence's items. */
    public static List<String> integers(int[] a) {
        List<String> v = new ArrayList<String>();
        for (int x : a) {
            v.add(integer(x));
        }
        return v;
    }

    /** The texts of a boolean array, in order. */
    public static List<String> bools(boolean[] a) {
        List<String> v = new ArrayList<String>();
        for (boolean x : a) {
            v.add(bool(x));
        }
        return v;
    }

    /** A record given as parallel lists of field names and canonical value texts. */
    public static String record(List<String> fields, List<String> values) {
        List<String> pairs = new ArrayList<String>();
        for (int i = 0; i < fields.size(); i++) {
            pairs.add(fields.get(i) + " |-> " + values.get(i));
        }
        Collections.sort(pairs);
        return "[" + join(pairs) + "]";
    }

    private static String join(List<String> items) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(items.get(i));
        }
        return b.toString();
    }
}
