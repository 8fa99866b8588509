package reservecheck.explorer;

/**
 * One state of a counterexample.
 *
 * @param index     1-based position, TLC's "State N"
 * @param action    the label of the step that reached this state; null for an initial state
 *                  (TLC's "&lt;Initial predicate&gt;")
 * @param task      the task that took that step, or null
 * @param loopStart the lasso's cycle returns to this state after the last step
 * @param stutters  the behaviour stutters here forever (the last state; TLC's "Stuttering")
 */
public record Step<S>(int index, String action, String task, S state, boolean loopStart,
                      boolean stutters) {

    /** The step as TLC names it: "label(task)", "label", or "Initial predicate". */
    public String actionText() {
        if (action == null) {
            return "Initial predicate";
        }
        return task == null ? action : action + "(" + task + ")";
    }
}
