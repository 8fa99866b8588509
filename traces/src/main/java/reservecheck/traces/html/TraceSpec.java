package reservecheck.traces.html;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogException;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Protocol;
import reservecheck.catalog.RepositoryRoot;
import reservecheck.catalog.SpecDefinitions;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceMeta;

/**
 * What the spec says about a trace's verdict: the violated invariant's or temporal property's
 * TLA+ definition and, for a liveness verdict, the fairness the temporal formula assumes (a
 * liveness counterexample is one only under that fairness).  Looked up by name in the protocol's
 * spec, which the catalog names.
 *
 * @param property   the violated invariant or property, or null (deadlock, assert, no verdict)
 * @param liveness   true for a temporal property
 * @param definition its definition, or null when it could not be found (then {@code missing} says why)
 * @param where      the module and line of the definition as a reader finds it ({@code specs/mempool/Mempool.tla:445})
 * @param formula    the temporal formula the fairness is of ({@code Spec}), or null
 * @param fairness   the formula's fairness conjuncts; empty when it assumes none
 * @param missing    why there is no definition, or null
 */
public record TraceSpec(String property, boolean liveness, SpecDefinitions.Definition definition, String where,
                        String formula, List<String> fairness, String missing) {

    /** For a trace the page has no spec for. */
    public static TraceSpec none(String property, boolean liveness, String why) {
        return new TraceSpec(property, liveness, null, null, null, List.of(), why);
    }

    private static final Map<Path, Catalog> CATALOGS = new ConcurrentHashMap<>();

    public TraceSpec {
        fairness = List.copyOf(fairness);
    }

    /**
     * The spec's word on {@code trace}'s verdict, read from the repository the process runs in
     * (the catalog names each protocol's spec); a trace opened elsewhere gets a page without it.
     */
    public static TraceSpec of(ItfTrace trace) {
        String violation = TraceMeta.string(trace, TraceMeta.VIOLATION);
        String property = null;
        boolean liveness = false;
        if (violation != null && violation.startsWith("invariant:")) {
            property = violation.substring("invariant:".length());
        } else if (violation != null && violation.startsWith("liveness:")) {
            property = violation.substring("liveness:".length());
            liveness = true;
        }
        if (property == null) {
            return none(null, false, null);
        }
        Optional<Path> root = RepositoryRoot.find(Path.of(""));
        if (root.isEmpty()) {
            return none(property, liveness, "no repository (catalog/) here to read the spec from");
        }
        Catalog catalog;
        try {
            catalog = CATALOGS.computeIfAbsent(root.get(), r -> {
                try {
                    return CatalogLoader.loadAllowingMissingSpecs(r);
                } catch (CatalogException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            // the page is still worth having without the definition
            return none(property, liveness, "the catalog cannot be read: " + e.getMessage());
        }
        String protocolName = TraceMeta.string(trace, TraceMeta.PROTOCOL);
        Optional<Protocol> protocol = protocolName == null ? Optional.empty() : catalog.protocol(protocolName);
        if (protocol.isEmpty()) {
            return none(property, liveness, "the catalog has no protocol " + protocolName);
        }
        return of(protocol.get(), root.get(), property, liveness);
    }

    /** The spec's word on {@code property} of {@code protocol}, paths shown relative to {@code root}. */
    static TraceSpec of(Protocol protocol, Path root, String property, boolean liveness) {
        Path spec = protocol.specFile();
        // a spec with no temporal formula named in the catalog may still define the usual Spec
        String formula = protocol.operators().specification() != null ? protocol.operators().specification() : "Spec";
        try {
            Optional<SpecDefinitions.Definition> d = SpecDefinitions.definition(spec, property);
            List<String> fairness = liveness ? SpecDefinitions.fairness(spec, formula) : List.of();
            if (d.isEmpty()) {
                return new TraceSpec(property, liveness, null, null, liveness ? formula : null, fairness,
                        protocol.spec() + " defines no " + property);
            }
            Path file = d.get().file();
            String shown = file.startsWith(root) ? root.relativize(file).toString() : file.toString();
            return new TraceSpec(property, liveness, d.get(), shown + ":" + d.get().line(),
                    liveness ? formula : null, fairness, null);
        } catch (IOException e) {
            return none(property, liveness, protocol.spec() + " cannot be read: " + e.getMessage());
        }
    }
}
