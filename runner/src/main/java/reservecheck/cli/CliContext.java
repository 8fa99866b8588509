package reservecheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CLI runs: its streams, the repository root if it was given, whether stderr is a
 * terminal (progress then redraws one line), and what runs TLC jobs.
 *
 * @param rootOverride   the repository root, or null to look for it
 * @param out            results (tables, verdicts)
 * @param err            progress and problems
 * @param errIsTerminal  stderr is a terminal: progress may use carriage returns
 * @param runner         runs TLC jobs
 * @param cwd            where relative paths start and where the search for the root starts
 */
public record CliContext(Path rootOverride, PrintWriter out, PrintWriter err, boolean errIsTerminal,
                         JobRunner runner, Path cwd) {

    /** Property the launcher and tests may set to the repository root. */
    public static final String ROOT_PROPERTY = reservecheck.catalog.RepositoryRoot.PROPERTY;
    /** Environment variable naming the repository root. */
    public static final String ROOT_ENV = reservecheck.catalog.RepositoryRoot.ENV;

    /**
     * The repository root: the override, else the system property {@value #ROOT_PROPERTY}, else
     * the environment variable {@value #ROOT_ENV}, else the nearest folder at or above the current
     * one that holds {@code catalog/}.
     */
    public Path root() {
        if (rootOverride != null) {
            return rootOverride.toAbsolutePath().normalize();
        }
        Path dir = cwd.toAbsolutePath().normalize();
        java.util.Optional<Path> found = reservecheck.catalog.RepositoryRoot.find(dir);
        if (found.isPresent()) {
            return found.get();
        }
        throw new CliException(ExitCodes.BAD_CATALOG, "cannot find the repository: no catalog/ folder in "
                + dir + " or above it (set " + ROOT_ENV + ")");
    }

    /** A path given on the command line, relative to the current folder. */
    public Path resolve(Path p) {
        return cwd.resolve(p).toAbsolutePath().normalize();
    }
}
