package reservecheck.impl.common;

/**
 * A failed run's verdict and steps as a harness's {@code main} prints them, between
 * {@link #BEGIN} and {@link #END}: one {@code label(task)} line per event, the model's names.
 * The traces module (ImplementationSteps) reads them back out of JPF's output and replays
 * them on the model, so a protocol whose log is a {@link ReplaySource} gets its JPF trace
 * without a reader of its own.
 */
public final class StepsText {
    public static final String BEGIN = "--- steps ---";
    public static final String END = "--- end of steps ---";

    private StepsText() {
    }

    /** Event i as the model names its transition: {@code label(task)}, or the label of a step of no task. */
    public static String step(ReplaySource log, int i) {
        String task = log.task(i);
        return task == null ? log.label(i) : log.label(i) + "(" + task + ")";
    }

    /** The whole block, markers included. */
    public static String of(String verdict, ReplaySource log) {
        StringBuilder b = new StringBuilder(BEGIN).append('\n');
        b.append("verdict ").append(verdict).append('\n');
        for (int i = 0; i < log.size(); i++) {
            b.append(step(log, i)).append('\n');
        }
        return b.append(END).append('\n').toString();
    }
}
