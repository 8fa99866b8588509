package reservecheck.catalog;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every protocol file of the repository, validated.
 *
 * @param root         the repository root
 * @param protocols    in file-name order
 * @param specProblems protocol name to the one-line problem with its spec (missing file), for
 *                     protocols whose spec is missing; see {@link #requireSpec(Protocol)}
 */
public record Catalog(Path root, List<Protocol> protocols, Map<String, String> specProblems) {

    public Catalog {
        protocols = List.copyOf(protocols);
        specProblems = Collections.unmodifiableMap(new LinkedHashMap<>(specProblems));
    }

    public Optional<Protocol> protocol(String name) {
        return protocols.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The variant of that name in any protocol (names are unique over the catalog). */
    public Optional<Variant> variant(String name) {
        for (Protocol p : protocols) {
            Optional<Variant> v = p.variant(name);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** Every variant, protocol by protocol, in file order. */
    public List<Variant> variants() {
        return protocols.stream().flatMap(p -> p.variants().stream()).toList();
    }

    /** The protocol a variant belongs to. */
    public Protocol protocolOf(Variant v) {
        return protocol(v.protocol()).orElseThrow(
                () -> new IllegalArgumentException("variant " + v.name() + " is not of this catalog"));
    }

    /** @throws SpecMissingException when the protocol's spec file does not exist */
    public void requireSpec(Protocol p) throws SpecMissingException {
        String problem = specProblems.get(p.name());
        if (problem != null) {
            throw new SpecMissingException(problem);
        }
    }
}
