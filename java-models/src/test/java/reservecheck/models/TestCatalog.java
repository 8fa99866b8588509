package reservecheck.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogException;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Protocol;
import reservecheck.catalog.Variant;

/**
 * One protocol's catalog entries as the model tests need them: parameters with the defaults
 * applied, the checks, and TLC's expected verdict and state count.  Read with the project's own
 * loader (core is a test dependency of this module), so the tests see exactly what every
 * checker sees; the models themselves never read the catalog.
 */
public final class TestCatalog {
    private static Catalog catalog;

    private final String protocol;

    private TestCatalog(String protocol) {
        this.protocol = protocol;
    }

    /** The entries of a protocol the catalog lists, e.g. "mempool". */
    public static TestCatalog of(String protocol) {
        return new TestCatalog(protocol);
    }

    /** Every design of every protocol, as (protocol, variant) arguments of the parameterised model tests. */
    public static Stream<Arguments> designs() {
        List<Arguments> l = new ArrayList<>();
        for (String p : protocols()) {
            for (String v : of(p).designNames()) {
                l.add(Arguments.of(p, v));
            }
        }
        return l.stream();
    }

    /** Every protocol that has catalog variants and a reference model, in {@link Models}' order. */
    public static List<String> protocols() {
        List<String> l = new ArrayList<>();
        for (String p : Models.protocols()) {
            if (!of(p).variantNames().isEmpty()) {
                l.add(p);
            }
        }
        return l;
    }

    public String protocol() {
        return protocol;
    }

    public static TestCatalog mempool() {
        return new TestCatalog("mempool");
    }

    public static TestCatalog reserveTree() {
        return new TestCatalog("reserve_tree");
    }

    /** The repository's catalog, loaded once with the project's loader. */
    public static synchronized Catalog catalog() {
        if (catalog == null) {
            try {
                catalog = CatalogLoader.load(root());
            } catch (CatalogException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return catalog;
    }

    /** The repository: -Dreservecheck.root, or the nearest folder above with a catalog/. */
    public static Path root() {
        String prop = System.getProperty("reservecheck.root");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "catalog"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("catalog"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no catalog/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private Variant variant(String name) {
        Variant v = catalog().variant(name)
                .orElseThrow(() -> new IllegalArgumentException("no variant " + name + " in the catalog"));
        if (!v.protocol().equals(protocol)) {
            throw new IllegalArgumentException(name + " is a " + v.protocol() + " variant, not " + protocol);
        }
        return v;
    }

    /** The protocol's variant names, in catalog order. */
    public List<String> variantNames() {
        List<String> l = new ArrayList<>();
        for (Variant v : catalog().variants()) {
            if (v.protocol().equals(protocol)) {
                l.add(v.name());
            }
        }
        return l;
    }

    /** The protocol's designs (the variants meant to work, not bugs), in catalog order. */
    public List<String> designNames() {
        List<String> l = new ArrayList<>();
        for (String v : variantNames()) {
            if (variant(v).kind() == Kind.DESIGN) {
                l.add(v);
            }
        }
        return l;
    }

    /** The spec's actions as the catalog declares them: the model's action labels. */
    public List<String> actions() {
        return protocolEntry().actions();
    }

    /** The protocol's TLA+ module, e.g. specs/mempool/Mempool.tla. */
    public Path specFile() {
        return protocolEntry().specFile();
    }

    private Protocol protocolEntry() {
        return catalog().protocol(protocol)
                .orElseThrow(() -> new IllegalArgumentException("no protocol " + protocol + " in the catalog"));
    }

    /** The variant's parameters, defaults applied; a fresh map the caller may change. */
    public Map<String, Object> parameters(String variant) {
        return new LinkedHashMap<>(variant(variant).parameters());
    }

    public List<String> invariants(String variant) {
        return variant(variant).checks().invariants();
    }

    public List<String> properties(String variant) {
        return variant(variant).checks().properties();
    }

    /** The expected TLC verdict, e.g. ok, deadlock, invariant:Conservation, liveness:AllocReturns. */
    public String verdict(String variant) {
        return variant(variant).expectedVerdict("tlc")
                .orElseThrow(() -> new IllegalStateException("no expected tlc result for " + variant));
    }

    /** TLC's distinct-state count for the variant, or -1 if the catalog gives none. */
    public int distinctStates(String variant) {
        return (int) variant(variant).expectedDistinctStates("tlc").orElse(-1);
    }
}
