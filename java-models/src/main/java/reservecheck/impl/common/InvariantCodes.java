package reservecheck.impl.common;

/**
 * Invariant names resolved to their codes (indices in the protocol's list) once, before a
 * checker runs anything: a step then compares no strings.
 */
public final class InvariantCodes {
    private InvariantCodes() {
    }

    /**
     * The codes of {@code names} in {@code known}; an unknown name is an error (a typo must
     * not pass).
     *
     * @param spec the spec's file, for the error ({@code Mempool.tla})
     */
    public static int[] of(String[] known, String[] names, String spec) {
        int[] c = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            c[i] = -1;
            for (int k = 0; k < known.length; k++) {
                if (known[k].equals(names[i])) {
                    c[i] = k;
                }
            }
            if (c[i] < 0) {
                throw new IllegalArgumentException("not an invariant of " + spec + ": " + names[i]);
            }
        }
        return c;
    }
}
