package reservecheck.cli;

import reservecheck.tlc.TlcJob;
import reservecheck.tlc.TlcResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs the CLI in this JVM against a throw-away repository made from the fixtures. */
final class CliHarness {

    private static Boolean tlcAvailable;

    private CliHarness() {
    }

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(Path root, JobRunner runner, Path cwd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(root, new PrintWriter(out), new PrintWriter(err), false, runner,
                cwd == null ? root : cwd);
        int code = Main.execute(args, ctx);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(Path root, JobRunner runner, String... args) {
        return run(root, runner, null, args);
    }

    /** A bad input: the code, and exactly one line on stderr, naming the problem, without a stack trace. */
    static void assertOneLineError(Run r, int code, String line) {
        assertEquals(code, r.code(), () -> "exit code; stderr: " + r.err() + "\nstdout: " + r.out());
        assertEquals(1, r.errLines().size(), () -> "stderr is not one line: " + r.err());
        String l = r.errLines().get(0);
        assertFalse(l.contains("Exception"), l);
        assertFalse(l.contains("at reservecheck"), l);
        if (line != null) {
            assertEquals(line, l);
        }
    }

    static Path resource(String rel) {
        try {
            return Path.of(CliHarness.class.getResource("/cli/" + rel).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository this build runs in, for its schema. */
    static Path repositoryRoot() {
        String prop = System.getProperty(CliContext.ROOT_PROPERTY);
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "catalog"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("catalog/schema/catalog.schema.json"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the repository root");
    }

    /** A repository with the pool fixture catalog and spec, and the real schema. */
    static Path fixtureRepo(Path into) {
        try {
            copyTree(resource("repo"), into);
            Path schema = into.resolve("catalog/schema/catalog.schema.json");
            Files.createDirectories(schema.getParent());
            Files.copy(repositoryRoot().resolve("catalog/schema/catalog.schema.json"), schema);
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * Whether the TLC runner is implemented: it is tried once on the tiny fixture. Until it is,
     * the tests that need TLC are skipped rather than failed.
     */
    static synchronized boolean tlcAvailable() {
        if (tlcAvailable == null) {
            try {
                Path dir = Files.createTempDirectory("reservecheck-probe-");
                TlcResult r = JobRunner.tlc().run(new TlcJob(resource("tlc/Tiny.tla"), resource("tlc/Tiny.cfg"), dir,
                        Duration.ofSeconds(120), 1, false, null, null));
                tlcAvailable = r != null;
                WorkDirs.deleteQuietly(dir);
            } catch (UnsupportedOperationException e) {
                tlcAvailable = false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tlcAvailable = false;
            }
        }
        return tlcAvailable;
    }
}
