package reservecheck.impl.common;

/**
 * Whether a trace's violation reproduced, on the model or on an implementation, and one line
 * saying what reproduced or the first thing that did not.  The one result type of every
 * trace replay, so an implementation's answer reads like the model's.
 */
public class Reproduction {
    private final boolean reproduced;
    private final String message;

    public Reproduction(boolean reproduced, String message) {
        this.reproduced = reproduced;
        this.message = message;
    }

    /**
     * An implementation replay saw invariant {@code broken} fail at step {@code i + 1} of the
     * trace's {@code n}: it reproduces the trace's {@code violation} only if it is that one and
     * at the trace's last step (earlier, the trace would have ended there).
     */
    public static Reproduction invariantBroke(String violation, String broken, int i, int n) {
        boolean last = i == n - 1;
        if (last && violation.equals(broken)) {
            return new Reproduction(true, violation + " breaks at the trace's last step, " + (i + 1));
        }
        return new Reproduction(false, broken + " breaks at step " + (i + 1) + ", not " + violation
                + (last ? "" : " at the trace's last step " + n));
    }

    /** The trace is a behaviour of what it ran on and shows its violation there. */
    public boolean reproduced() {
        return reproduced;
    }

    /** One line: what reproduced, or the first thing that did not. */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        Reproduction r = (Reproduction) o;
        return reproduced == r.reproduced && (message == null ? r.message == null : message.equals(r.message));
    }

    @Override
    public int hashCode() {
        return (reproduced ? 1 : 0) * 31 + (message == null ? 0 : message.hashCode());
    }

    @Override
    public String toString() {
        return (reproduced ? "reproduced: " : "not reproduced: ") + message;
    }
}
