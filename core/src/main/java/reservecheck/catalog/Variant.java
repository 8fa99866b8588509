package reservecheck.catalog;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One model of a protocol: a design or a bug, with every parameter resolved.
 *
 * @param protocol     the protocol's name
 * @param name         unique over the whole catalog
 * @param kind         design or bug
 * @param provenance   where the design or bug comes from
 * @param behaviour    one line: what it does
 * @param declarations the protocol's parameter declarations, in file order
 * @param parameters   every parameter's value: the protocol defaults, then the variant's
 *                     overrides, then any {@link #withOverrides command-line overrides}
 * @param checks       the protocol's checks with the variant's overridden key by key
 * @param checksNote   why the checks differ from the protocol's, or null
 * @param expected     checker name (tlc, explorer, jqwik, lincheck, jpf, conformance) to expectation
 * @param notModelled  what of the entry the model cannot express, or null
 * @param overrides    the command-line overrides applied, NAME to VALUE text; empty for the
 *                     variant as the catalog has it
 * @param catalogFile  the protocol file, relative to the repository root
 * @param operators    the spec's operators that define its behaviours (the protocol's)
 * @param uncovered    actions of the protocol this entry's bounds never take, action to the
 *                     reason; every other declared action must be taken (no vacuous pass)
 * @param redundant    actions the entry takes whose knock-out no property notices, action to
 *                     the reason the protocol does not depend on them
 */
public record Variant(String protocol, String name, Kind kind, String provenance, String behaviour,
                      Map<String, ParameterDecl> declarations, Map<String, Object> parameters, Checks checks,
                      String checksNote, Map<String, Expectation> expected, String notModelled,
                      Map<String, String> overrides, Path catalogFile, SpecOperators operators,
                      Map<String, String> uncovered, Map<String, String> redundant) {

    public Variant {
        declarations = Collections.unmodifiableMap(new LinkedHashMap<>(declarations));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        uncovered = uncovered == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(uncovered));
        redundant = redundant == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(redundant));
    }

    public Optional<Expectation> expectation(String checker) {
        return Optional.ofNullable(expected.get(checker));
    }

    /** The verdict {@code checker} is expected to reach, if the catalog records one. */
    public Optional<String> expectedVerdict(String checker) {
        return expectation(checker).map(Expectation::verdict);
    }

    /** The distinct-state count {@code checker} is expected to reach, if the catalog records one. */
    public OptionalLong expectedDistinctStates(String checker) {
        return expectation(checker).map(Expectation::states).orElse(OptionalLong.empty());
    }

    /**
     * The variant as {@code checker} checks it: with the parameters its expectation sets for that
     * checker alone (smaller bounds for a costlier search), or unchanged.  The state count the
     * expectation records refers to these parameters, so it is still compared.
     */
    public Variant forChecker(String checker) {
        Expectation e = expected.get(checker);
        if (e == null || e.parameters().isEmpty()) {
            return this;
        }
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.putAll(e.parameters());
        return new Variant(protocol, name, kind, provenance, behaviour, declarations, p, checks, checksNote, expected,
                notModelled, overrides, catalogFile, operators, uncovered, redundant);
    }

    /** True when command-line overrides changed the catalog's bounds, so state counts differ. */
    public boolean isOverridden() {
        return !overrides.isEmpty();
    }

    /**
     * This variant with parameters changed from the command line.
     *
     * @param settings parameter name to value text, as in {@code --set NAME=VALUE}
     * @throws BadParameterException naming the first setting that is not a declared parameter, not
     *                               of its type, or outside its bounds
     */
    public Variant withOverrides(Map<String, String> settings) throws BadParameterException {
        Map<String, Object> params = new LinkedHashMap<>(parameters);
        Map<String, String> applied = new LinkedHashMap<>(overrides);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String option = "--set " + e.getKey() + "=" + e.getValue();
            ParameterDecl decl = declarations.get(e.getKey());
            if (decl == null) {
                throw new BadParameterException(option + ": " + protocol + " has no parameter " + e.getKey()
                        + (declarations.isEmpty() ? ""
                        : declarations.size() <= 8 ? " (it has " + String.join(", ", declarations.keySet()) + ")"
                        : " (see " + catalogFile.toString().replace('\\', '/') + ")"));
            }
            Object value = decl.parse(e.getValue());
            String problem = decl.problem(value);
            if (problem != null) {
                throw new BadParameterException(option + ": " + problem);
            }
            params.put(decl.name(), value);
            applied.put(decl.name(), String.valueOf(value));
        }
        return new Variant(protocol, name, kind, provenance, behaviour, declarations, params, checks, checksNote,
                expected, notModelled, applied, catalogFile, operators, uncovered, redundant);
    }

    /** Parameter values as text for people: {@code min_nr=2, procs=3, design=modern}. */
    public String describeParameters() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /** Names of the checkers this variant has expectations for. */
    public List<String> checkers() {
        return List.copyOf(expected.keySet());
    }
}
