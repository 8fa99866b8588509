package reservecheck.catalog;

/**
 * Which operators of the spec define its behaviours. Either the temporal formula
 * ({@code SPECIFICATION}, needed when the spec states fairness, without which every liveness
 * property fails by stuttering) or the initial predicate and next-state relation.
 *
 * @param init          the initial predicate, used when there is no specification
 * @param next          the next-state relation, used when there is no specification
 * @param specification the temporal formula, e.g. {@code Spec == Init /\ [][Next]_vars /\ WF...}, or null
 */
public record SpecOperators(String init, String next, String specification) {

    /** What a protocol file that names none of them means. */
    public static final SpecOperators DEFAULT = new SpecOperators("Init", "Next", null);

    public boolean usesSpecification() {
        return specification != null;
    }
}
