package reservecheck.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the repository is: the folder holding {@code catalog/}.  The CLI, the tests of every
 * module and the checkers that run inside tests all find it the same way: the system property
 * {@value #PROPERTY} (the launcher and Surefire set it), else the environment variable
 * {@value #ENV}, else the nearest folder at or above the current one that holds catalog/.
 */
public final class RepositoryRoot {
    public static final String PROPERTY = "reservecheck.root";
    public static final String ENV = "RESERVECHECK_ROOT";

    private RepositoryRoot() {
    }

    /** The root, or empty when none is set and no folder above {@code from} holds catalog/. */
    public static Optional<Path> find(Path from) {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Optional.of(Path.of(prop).toAbsolutePath().normalize());
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env).toAbsolutePath().normalize());
        }
        for (Path d = from.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(CatalogLoader.CATALOG_DIR))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The root as seen from the current folder; for tests, which run inside the repository. */
    public static Path locate() {
        return find(Path.of("")).orElseThrow(() -> new IllegalStateException(
                "no catalog/ folder at or above " + Path.of("").toAbsolutePath() + " (set " + ENV + ")"));
    }
}
