package reservecheck.impl.common;

/**
 * What a protocol's event log tells the model replay ({@link ModelReplay}): the spec variables'
 * values when the implementation was built, then per event its spec action, its task and the
 * variables it wrote, all as TLA+ text.  {@link ReplayLog#of} reads any log through this, so a
 * protocol's log only says how its own events (typed values, or text) map to it.
 */
public interface ReplaySource {
    /** The spec variables the log records, in the log's order. */
    String[] variables();

    /** The value of variable {@code var} (an index into {@link #variables()}) at Init, as TLA+ text. */
    String initialText(int var);

    int size();

    /** Event i's spec action (the model's transition label). */
    String label(int i);

    /** Event i's task as the model names it, or null for a step of no task. */
    String task(int i);

    /**
     * Tells {@code out} ({@link ReplayLog#wrote}) each variable event i wrote with its new value
     * as TLA+ text, in the order it wrote them; a name the spec does not have is passed on too,
     * so that the replay reports it instead of dropping it.
     */
    void written(int i, ReplayLog out);
}
