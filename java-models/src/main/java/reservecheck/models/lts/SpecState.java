package reservecheck.models.lts;

/**
 * One state of a spec: its variables, immutable, with the hash taken once when it is built
 * (the explorer hashes every state it meets, most of them more than once).  Two states are
 * equal when they are of the same spec and every variable is equal; the hash is compared
 * first because it is cheap and nearly always differs.
 */
public abstract class SpecState {
    private final int hash;

    /** @param hash the hash of the protocol's variables, computed by the protocol's class */
    protected SpecState(int hash) {
        this.hash = hash;
    }

    /** Whether every variable of o (a state of the same class) equals this state's. */
    protected abstract boolean sameVariables(SpecState o);

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        SpecState s = (SpecState) o;
        return hash == s.hash && sameVariables(s);
    }

    @Override
    public final int hashCode() {
        return hash;
    }
}
