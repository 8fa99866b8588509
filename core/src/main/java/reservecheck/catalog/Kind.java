package reservecheck.catalog;

/** Whether a variant models a design that is meant to work, or a known bug. */
public enum Kind {
    DESIGN("design"),
    BUG("bug");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    /** The word used in the catalog. */
    public String label() {
        return label;
    }

    public static Kind fromLabel(String label) {
        for (Kind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a variant kind: " + label);
    }

    @Override
    public String toString() {
        return label;
    }
}
