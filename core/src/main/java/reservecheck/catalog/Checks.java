package reservecheck.catalog;

import java.util.List;

/**
 * What TLC checks for a model.
 *
 * @param invariants state invariants (operator names of the spec)
 * @param properties temporal properties (liveness)
 * @param deadlock   whether a state without successor is reported
 * @param symmetry   symmetry-set operator, or null
 * @param constraint state-constraint operator, or null
 */
public record Checks(List<String> invariants, List<String> properties, boolean deadlock, String symmetry,
                     String constraint) {

    /** What a protocol checks when its file leaves a key out: TLC's own defaults. */
    public static final Checks DEFAULT = new Checks(List.of(), List.of(), true, null, null);

    public Checks {
        invariants = List.copyOf(invariants);
        properties = List.copyOf(properties);
    }

    /**
     * Whether the cfg may name the symmetry set. TLC's symmetry reduction is unsound for liveness,
     * so a model with properties is checked without it.
     */
    public boolean useSymmetry() {
        return symmetry != null && properties.isEmpty();
    }

    public Checks withInvariants(List<String> v) {
        return new Checks(v, properties, deadlock, symmetry, constraint);
    }

    public Checks withProperties(List<String> v) {
        return new Checks(invariants, v, deadlock, symmetry, constraint);
    }

    public Checks withDeadlock(boolean v) {
        return new Checks(invariants, properties, v, symmetry, constraint);
    }

    public Checks withSymmetry(String v) {
        return new Checks(invariants, properties, deadlock, v, constraint);
    }

    public Checks withConstraint(String v) {
        return new Checks(invariants, properties, deadlock, symmetry, v);
    }
}
