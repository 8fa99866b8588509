package reservecheck.models.params;

import java.util.Map;

/**
 * A setting of a spec's CONSTANTS: what makes two settings the same model (their values, not
 * the fields derived from them) and how they print.  A protocol's subclass declares the
 * constants as fields and reads them with a {@link ParamReader}.
 */
public abstract class SpecParams {
    private final String name;
    private final Map<String, Object> values;

    /**
     * @param name the class's name in {@link #toString}, e.g. "MempoolParams"
     * @param values {@link ParamReader#values}
     */
    protected SpecParams(String name, Map<String, Object> values) {
        this.name = name;
        this.values = values;
    }

    /** The values these parameters were built from, in the spec's order. */
    public final Map<String, Object> values() {
        return values;
    }

    @Override
    public final String toString() {
        return name + values;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && values.equals(((SpecParams) o).values);
    }

    @Override
    public final int hashCode() {
        return values.hashCode();
    }
}
