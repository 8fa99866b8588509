package reservecheck.explorer;

import java.util.Arrays;

/** A growable int array: the graph has up to millions of states, too many for boxed lists. */
final class IntList {
    private int[] a;
    private int size;

    IntList(int capacity) {
        a = new int[Math.max(capacity, 16)];
    }

    void add(int v) {
        if (size == a.length) {
            int grown = a.length + (a.length >> 1);
            a = Arrays.copyOf(a, grown < 0 ? Integer.MAX_VALUE - 8 : grown);
        }
        a[size++] = v;
    }

    int get(int i) {
        return a[i];
    }

    int size() {
        return size;
    }

    /** The backing array (valid up to size()); callers only read it. */
    int[] raw() {
        return a;
    }
}
