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
