package reservecheck.models.lts;

import java.util.ArrayList;
import java.util.List;

/**
 * A leads-to property kept as the spec writes it, over no task: one pseudo-task named after the
 * property (or its state predicate), so checkers that go task by task see it once.  Asking for
 * any other task is an error that names the one it has.
 */
public abstract class OneTaskLeadsTo<S> implements LeadsTo<S> {
    private final String task;

    /** @param task the one pseudo-task's name, e.g. "Allocating" or "VictimGone" */
    protected OneTaskLeadsTo(String task) {
        this.task = task;
    }

    @Override
    public final List<String> tasks() {
        List<String> l = new ArrayList<String>();
        l.add(task);
        return l;
    }

    @Override
    public final boolean p(String task, S s) {
        check(task);
        return p(s);
    }

    @Override
    public final boolean q(String task, S s) {
        check(task);
        return q(s);
    }

    /** The property's left side in s. */
    protected abstract boolean p(S s);

    /** The property's right side in s. */
    protected abstract boolean q(S s);

    private void check(String t) {
        if (!task.equals(t)) {
            throw new IllegalArgumentException("not a task of this property: " + t + " (its one task is "
                    + task + ")");
        }
    }
}
