package reservecheck.properties;

import java.nio.file.Path;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogException;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.RepositoryRoot;

/** The repository the tests run in, its catalog, and where shrunk chains are kept. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        return RepositoryRoot.locate();
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
