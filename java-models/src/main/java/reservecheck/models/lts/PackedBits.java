package reservecheck.models.lts;

/**
 * Bit fields in a run of longs, for {@link Packing}s: a field is written at a bit position
 * from the start word, may straddle two words, and is refused (IllegalStateException) when
 * its value does not fit, never truncated: truncating would merge two states and silently cut
 * the state space.  The words must be zeroed before the first write ({@link #clear}).
 */
public final class PackedBits {

    private PackedBits() {
    }

    /** Zeroes words[at .. at+width). */
    public static void clear(long[] words, int at, int width) {
        for (int k = 0; k < width; k++) {
            words[at + k] = 0;
        }
    }

    /** The number of longs for the given number of bits. */
    public static int words(int bits) {
        return (bits + 63) / 64;
    }

    /** Writes v, 0 .. 2^bits-1, at bit pos; returns pos+bits. */
    public static int put(long[] into, int at, int pos, int v, int bits, String field) {
        if (v < 0 || v >= 1 << bits) {
            throw new IllegalStateException(String.format("%s = %d does not fit the packing's %d bits", field, v,
                    bits));
        }
        int word = at + (pos >>> 6);
        int off = pos & 63;
        into[word] |= ((long) v) << off;
        if (off + bits > 64) {
            into[word + 1] |= ((long) v) >>> (64 - off);
        }
        return pos + bits;
    }

    /** Writes a boolean as one bit at pos; returns pos+1. */
    public static int put(long[] into, int at, int pos, boolean v) {
        return put(into, at, pos, v ? 1 : 0, 1, "flag");
    }

    /** Writes v, -2^(bits-1) .. 2^(bits-1)-1, at bit pos; returns pos+bits. */
    public static int putSigned(long[] into, int at, int pos, int v, int bits, String field) {
        int bias = 1 << (bits - 1);
        if (v < -bias || v >= bias) {
            throw new IllegalStateException(String.format("%s = %d does not fit the packing's %d signed bits",
                    field, v, bits));
        }
        return put(into, at, pos, v + bias, bits, field);
    }

    /** The bits a field of the given number of values needs (at least 1). */
    public static int bitsFor(int values) {
        int b = 1;
        while (b < 31 && 1 << b < values) {
            b++;
        }
        return b;
    }

    /**
     * Writes v, lo .. lo+2^bits-1, at bit pos as v-lo; returns pos+bits.  A field whose range is
     * known from the parameters takes only the bits of its range, which is what keeps a state
     * in few words (issue 14: at most 32 bytes per stored state).
     */
    public static int putOffset(long[] into, int at, int pos, int v, int lo, int bits, String field) {
        if (v < lo || v - lo >= 1 << bits) {
            throw new IllegalStateException(String.format("%s = %d does not fit the packing's %d bits from %d",
                    field, v, bits, lo));
        }
        return put(into, at, pos, v - lo, bits, field);
    }

    /** The field written by {@link #putOffset} with the same lo. */
    public static int getOffset(long[] from, int at, int pos, int lo, int bits) {
        return get(from, at, pos, bits) + lo;
    }

    /** The unsigned field of the given bits at pos. */
    public static int get(long[] from, int at, int pos, int bits) {
        int word = at + (pos >>> 6);
        int off = pos & 63;
        long v = from[word] >>> off;
        if (off + bits > 64) {
            v |= from[word + 1] << (64 - off);
        }
        return (int) (v & ((1L << bits) - 1));
    }

    /** The signed field of the given bits at pos (written by {@link #putSigned}). */
    public static int getSigned(long[] from, int at, int pos, int bits) {
        return get(from, at, pos, bits) - (1 << (bits - 1));
    }
}
