package reservecheck.models.lts;

import reservecheck.models.params.SpecParams;

/**
 * A class of a spec's actions: each of its methods returns the successor of a state, or null
 * when the action is not enabled, and reads the spec's CONSTANTS the model runs at.
 */
public abstract class SpecActions<P extends SpecParams> {
    /** The spec's CONSTANTS the actions are guarded by. */
    protected final P p;

    protected SpecActions(P p) {
        this.p = p;
    }
}
