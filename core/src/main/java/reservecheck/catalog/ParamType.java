package reservecheck.catalog;

/** The type of a protocol parameter, which decides how a value is written and parsed. */
public enum ParamType {
    /** A bounded integer. */
    INT("int"),
    /** TRUE or FALSE. */
    BOOL("bool"),
    /** One of a fixed list of strings; a TLA+ string in the cfg. */
    ENUM("enum"),
    /** A count n of tasks; in the cfg the set of model values prefix1..prefixn. */
    TASKS("tasks");

    private final String label;

    ParamType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ParamType fromLabel(String label) {
        for (ParamType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a parameter type: " + label);
    }

    @Override
    public String toString() {
        return label;
    }
}
