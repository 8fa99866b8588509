package reservecheck.models.lts;

/** One of a spec's invariants: a predicate on a state, named in its {@link Table}. */
public interface Invariant<S> {
    boolean holds(S s);
}
