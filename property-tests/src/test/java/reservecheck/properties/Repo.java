package reservecheck.properties;

import java.nio.file.Files;
import java.nio.file.Path;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogException;
import reservecheck.catalog.CatalogLoader;

/** The repository the tests run in, its catalog, and where shrunk chains are kept. */
final class Repo {
    private Repo() {
    }

    static Path root() {
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

    static Catalog catalog() {
        try {
            return CatalogLoader.load(root());
        } catch (CatalogException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The regression chain of a variant: one step "label(task)" per line, # comments. */
    static Path chainFile(String protocol, String variant) {
        return root().resolve("property-tests/src/test/resources/regressions")
                .resolve(protocol).resolve(variant + ".chain");
    }
}
