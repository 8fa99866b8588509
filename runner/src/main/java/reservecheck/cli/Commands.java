package reservecheck.cli;

import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogException;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Protocol;

import java.io.IOException;
import java.nio.file.Files;
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

    /**
     * The variant's reference model; bounds each in range but impossible together (the spec's
     * ASSUMEs, which the model's constructor states too) are exit 5, the line starting with
     * {@code where} (the option or bounds that made them).
     */
    static reservecheck.models.lts.Model<?> modelOf(reservecheck.catalog.Variant v, String where) {
        try {
            return reservecheck.models.Models.create(v.protocol(), java.util.Map.copyOf(v.parameters()));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_PARAMETER, where + ": " + Main.oneLine(e.getMessage()));
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

    /**
     * Refuses (exit 2) a results file that cannot be written, before any checker runs: found only
     * after the run, every verdict of it would be lost. Creates the folder, as the write would.
     */
    static void requireWritable(Path resultsFile) {
        Path file = resultsFile.toAbsolutePath().normalize();
        Path dir = file.getParent();
        String why = null;
        for (Path p = dir; p != null && why == null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                why = p + " is a file, not a folder";
            }
        }
        if (why == null && Files.isDirectory(file)) {
            why = "it is a folder";
        }
        if (why == null) {
            try {
                Files.createDirectories(dir);
                // the write makes a file next to it and renames it over the results file
                Files.delete(Files.createTempFile(dir, ".write-test", ".tmp"));
            } catch (IOException | SecurityException e) {
                why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                        : Main.oneLine(e.getMessage());
            }
        }
        if (why != null) {
            throw new CliException(ExitCodes.USAGE, "--results " + resultsFile + ": cannot be written: " + why);
        }
    }

    /** A path for messages and records: relative to the root when inside it. */
    static String display(Path root, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }
}
