package reservecheck.models.lts;

/**
 * One enabled step of a model: the action's label (the spec's action name, e.g.
 * {@code mempool_free}), the task that takes it (the action's parameter, or null), and the
 * state it leads to.  A plain class rather than a record so the models run under JPF.
 */
public final class Transition<S> {
    private final String label;
    private final String task;
    private final S target;

    public Transition(String label, String task, S target) {
        this.label = label;
        this.task = task;
        this.target = target;
    }

    public String label() { return label; }

    public String task() { return task; }

    public S target() { return target; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Transition)) {
            return false;
        }
        Transition<?> t = (Transition<?>) o;
        return label.equals(t.label) && eq(task, t.task) && target.equals(t.target);
    }

    private static boolean eq(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public int hashCode() {
        return (label.hashCode() * 31 + (task == null ? 0 : task.hashCode())) * 31 + target.hashCode();
    }

    @Override
    public String toString() {
        return task == null ? label : label + "(" + task + ")";
    }
}
