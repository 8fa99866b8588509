package reservecheck.models.lts;

import java.util.List;

/**
 * A spec's VARIABLES of a state as canonical TLA+ text (see {@link TlaText}), under the spec's
 * names and in its order.  A protocol's subclass renders each variable; asking for a name the
 * spec does not have is an error that names the spec.
 */
public abstract class SpecText<S> {
    private final String spec;
    private final String[] variables;

    /**
     * @param spec the spec's file name, e.g. "Mempool.tla"
     * @param variables the spec's VARIABLES, in the spec's order
     */
    protected SpecText(String spec, String[] variables) {
        this.spec = spec;
        this.variables = variables;
    }

    /** The spec's variable names, in the spec's order. */
    public final List<String> names() {
        return Names.list(variables);
    }

    /** The variable's value in s; a name the spec does not have throws IllegalArgumentException. */
    public final String variable(S s, String name) {
        String v = Names.contains(variables, name) ? value(s, name) : null;
        if (v == null) {
            throw new IllegalArgumentException("not a variable of " + spec + ": " + name);
        }
        return v;
    }

    /** The text of one of the spec's variables in s (null only for a name it does not have). */
    protected abstract String value(S s, String name);
}
