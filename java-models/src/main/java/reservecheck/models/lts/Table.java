package reservecheck.models.lts;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's invariants or liveness properties under the spec's names, in the spec's order:
 * what {@link Model#invariantNames}, {@link Model#invariant}, {@link Model#propertyNames} and
 * {@link Model#property} answer.  A name the spec does not define is an error that says which
 * spec was asked ("not an invariant of Mempool.tla: Safe"), as the CLI reports it.
 */
public final class Table<V> {
    private final String what;
    private final List<String> names = new ArrayList<String>();
    private final List<V> values = new ArrayList<V>();

    /** @param what e.g. "an invariant of Mempool.tla" or "a property of ReserveTree.tla" */
    public Table(String what) {
        this.what = what;
    }

    /** Adds the next entry; the order of the calls is the order of {@link #names}. */
    public Table<V> add(String name, V value) {
        names.add(name);
        values.add(value);
        return this;
    }

    /** The names, in the order they were added (a fresh list). */
    public List<String> names() {
        return new ArrayList<String>(names);
    }

    /** The entry of that name; unknown names throw IllegalArgumentException. */
    public V get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("not " + what + ": " + name);
        }
        return values.get(i);
    }
}
