package reservecheck.cli;

import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogException;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Protocol;

import java.nio.file.Path;
import java.util.stream.Collectors;

/** What the subcommands share. */
final class Commands {

    private Commands() {
    }

    /** The catalog; missing specs are left for the caller, which knows which protocols it needs. */
    /** The longest --timeout any command takes: a week, far beyond any check, and no overflow in nanoseconds. */
    static final long MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;

    /** --timeout's range, checked before anything runs (exit 2). */
    static void checkTimeout(long seconds) {
        if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
            throw new CliException(ExitCodes.USAGE, "--timeout takes 1 to " + MAX_TIMEOUT_SECONDS + " seconds, not "
                    + seconds);
        }
    }

    static Catalog loadCatalog(Path root) {
        try {
            return CatalogLoader.loadAllowingMissingSpecs(root);
        } catch (CatalogException e) {
            throw new CliException(ExitCodes.BAD_CATALOG, e.getMessage());
        }
    }

    static Protocol protocol(Catalog catalog, String name) {
        return catalog.protocol(name).orElseThrow(() -> new CliException(ExitCodes.UNKNOWN_NAME,
                "unknown protocol " + name + " (the catalog has: "
                        + catalog.protocols().stream().map(Protocol::name).collect(Collectors.joining(", ")) + ")"));
    }

    /** A path for messages and records: relative to the root when inside it. */
    static String display(Path root, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }
}
