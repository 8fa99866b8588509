package reservecheck.models.lts;

import reservecheck.models.params.SpecParams;

/**
 * A spec's invariants under the spec's names and in its order, read at the CONSTANTS the model
 * runs at.  A protocol's subclass adds each invariant in its constructor.
 */
public abstract class SpecInvariants<S, P extends SpecParams> {
    /** The spec's CONSTANTS the invariants are stated over. */
    protected final P p;
    private final Table<Invariant<S>> table;

    /** @param spec the spec's file name, e.g. "Mempool.tla" */
    protected SpecInvariants(String spec, P p) {
        this.p = p;
        this.table = new Table<Invariant<S>>("an invariant of " + spec);
    }

    /** Adds the spec's next invariant; the order of the calls is the spec's. */
    protected final void add(String name, Invariant<S> invariant) {
        table.add(name, invariant);
    }

    public final Table<Invariant<S>> table() {
        return table;
    }
}
