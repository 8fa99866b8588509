package reservecheck.traces;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogException;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Kind;
import reservecheck.catalog.RepositoryRoot;
import reservecheck.catalog.Variant;

/** The catalog's mempool bug variants and their explorer traces, computed once per test JVM. */
final class Bugs {
    private static final Map<String, ItfTrace> TRACES = new ConcurrentHashMap<>();
    private static Catalog catalog;

    private Bugs() {
    }

    static Path root() {
        return RepositoryRoot.locate();
    }

    static synchronized Catalog catalog() {
        if (catalog == null) {
            try {
                catalog = CatalogLoader.loadAllowingMissingSpecs(root());
            } catch (CatalogException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return catalog;
    }

    /** Every mempool bug with an explorer expectation. */
    static List<Variant> mempoolBugs() {
        List<Variant> l = catalog().variants().stream()
                .filter(v -> v.protocol().equals("mempool") && v.kind() == Kind.BUG
                        && v.expectedVerdict("explorer").isPresent())
                .toList();
        if (l.isEmpty()) {
            throw new IllegalStateException("the catalog has no mempool bugs");
        }
        return l;
    }

    static Variant variant(String name) {
        return catalog().variant(name).orElseThrow();
    }

    /** The explorer's trace of a bug variant. */
    static ItfTrace explorerTrace(Variant v) {
        return TRACES.computeIfAbsent(v.name(), n -> {
            CatalogTraces.Explored e = CatalogTraces.explore(v, null);
            if (e.trace() == null) {
                throw new IllegalStateException(v.name() + ": the explorer found no counterexample: " + e.result());
            }
            return e.trace();
        });
    }
}
