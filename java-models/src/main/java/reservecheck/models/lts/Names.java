package reservecheck.models.lts;

import java.util.ArrayList;
import java.util.List;

/**
 * The name arrays every model keeps (the spec's CONSTANTS, VARIABLES, invariants, a fairness
 * group's actions, the tasks' model values): fixed arrays rather than collections, so the
 * models stay in what Java PathFinder runs, and handed out only as fresh lists.
 */
public final class Names {
    private Names() {
    }

    /** A fresh list of the names, in their order. */
    public static List<String> list(String[] names) {
        List<String> l = new ArrayList<String>();
        for (String n : names) {
            l.add(n);
        }
        return l;
    }

    /** The index of name in names, or -1. */
    public static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean contains(String[] names, String name) {
        return indexOf(names, name) >= 0;
    }

    /** The catalog's model values of a task kind: prefix1 .. prefixN (e.g. p1, p2 or u1, u2). */
    public static String[] numbered(String prefix, int n) {
        String[] a = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = prefix + (i + 1);
        }
        return a;
    }
}
