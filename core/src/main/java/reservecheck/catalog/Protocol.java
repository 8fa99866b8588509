package reservecheck.catalog;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One catalog file.
 *
 * @param name        equals the file name
 * @param title       for people
 * @param reference   where the protocol is described, or null
 * @param spec        the TLA+ module as written in the file, relative to the repository root
 * @param specFile    the TLA+ module, absolute
 * @param file        the catalog file, relative to the repository root
 * @param operators   the spec's operators that define its behaviours
 * @param parameters  declarations in file order
 * @param defaults    a value for every declared parameter, in declaration order
 * @param checks      what TLC checks unless a variant says otherwise
 * @param variants    in file order, each with parameters and checks resolved
 * @param actions     the spec's actions by name (the model's action labels, the
 *                    implementation's events); empty when the file declares none
 */
public record Protocol(String name, String title, String reference, String spec, Path specFile, Path file,
                       SpecOperators operators, Map<String, ParameterDecl> parameters, Map<String, Object> defaults, Checks checks,
                       List<Variant> variants, List<String> actions) {

    public Protocol {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        variants = List.copyOf(variants);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /**
     * The actions {@code v} must take at least once in its checked graph: every declared action
     * but those the entry lists as uncovered, with their reason.
     */
    public List<String> requiredActions(Variant v) {
        return actions.stream().filter(a -> !v.uncovered().containsKey(a)).toList();
    }

    /** The parameters declared {@code policy_axis: true}, in the catalog's order. */
    public List<ParameterDecl> policyAxes() {
        return parameters.values().stream().filter(ParameterDecl::policyAxis).toList();
    }

    public Optional<Variant> variant(String variantName) {
        return variants.stream().filter(v -> v.name().equals(variantName)).findFirst();
    }
}
