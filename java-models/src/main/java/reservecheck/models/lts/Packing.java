package reservecheck.models.lts;

/**
 * A fixed-width encoding of a model's states into longs, so a checker can store states as
 * primitive words (issue 14: one Java object per state costs ~100 bytes and a memory miss per
 * field, where an encoded state is a few words).  It must be a bijection on reachable states:
 * encode(s) equals encode(t) exactly when s.equals(t), and decode(encode(s)) equals s; a checker
 * then finds the same states, counts and traces on encoded states as on objects.
 *
 * <p>An encoding may refuse a state it cannot represent (a value outside the field widths it
 * chose) with IllegalStateException; it must never encode two different states alike.
 */
public interface Packing<S> {

    /** The number of longs per encoded state (at least 1), the same for every state. */
    int width();

    /** Writes s into into[at .. at+width()). */
    void encode(S s, long[] into, int at);

    /** The state encoded in from[at .. at+width()). */
    S decode(long[] from, int at);

    /** Whether {@link #canonicalize} is implemented (else a checker encodes the model's canonical state). */
    default boolean canonicalizes() {
        return false;
    }

    /**
     * Rewrites the encoded state in words[at .. at+width()) into the encoding of one fixed member
     * of its symmetry class (the model's: tasks of the same kind renamed), the same words for
     * every member of the class.  Faster than decoding, trying every permutation and encoding.
     */
    default void canonicalize(long[] words, int at) {
        throw new UnsupportedOperationException("no canonical form on encoded states");
    }
}
