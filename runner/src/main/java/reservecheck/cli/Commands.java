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
