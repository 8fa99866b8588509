package reservecheck.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Work folders of TLC jobs: made empty before a job, removed after unless kept. */
final class WorkDirs {

    private WorkDirs() {
    }

    /** An empty folder at {@code dir}: what an earlier run left there would mix with this run's files. */
    static Path fresh(Path dir) throws IOException {
        deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Best effort: a folder that cannot be removed only costs disk space. */
    static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException | RuntimeException ignored) {
            // left for the next run's fresh()
        }
    }
}
