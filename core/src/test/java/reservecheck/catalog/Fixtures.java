package reservecheck.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds throw-away repository roots from the fixture catalogs and the real schema. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The repository this build runs in (the surefire property, else the folder above holding catalog/). */
    public static Path repositoryRoot() {
        String prop = System.getProperty("reservecheck.root");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "catalog"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve(CatalogLoader.SCHEMA))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }

    /** A root holding the good fixture catalog (counter, lock), its specs and the real schema. */
    public static Path goodRoot(Path into) {
        try {
            Path src = Path.of(Fixtures.class.getResource("/fixtures/good").toURI());
            copyTree(src, into);
            Path schema = into.resolve(CatalogLoader.SCHEMA);
            Files.createDirectories(schema.getParent());
            Files.copy(repositoryRoot().resolve(CatalogLoader.SCHEMA), schema);
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path src, Path dst) throws IOException {
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** Replaces line {@code lineNo} (1-based) of a catalog file; a null text removes the line. */
    public static void replaceLine(Path file, int lineNo, String text) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            if (text == null) {
                lines.remove(lineNo - 1);
            } else {
                lines.set(lineNo - 1, text);
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String line(Path file, int lineNo) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).get(lineNo - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
