package reservecheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.traces.CatalogTraces;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceTestWriter;

/**
 * Every bug's explorer counterexample is kept as a JUnit test in {@code generated/} that
 * replays the trace kept in {@code src/test/resources/traces/explorer/} (what
 * {@code reservecheck trace junit --resource} writes).  This test fails when a bug has no such
 * test, or when a kept trace or test differs from what the explorer and the generator give now
 * (the model or the catalog changed); {@code -Dreservecheck.regenerateTraceTests=true} writes
 * them afresh instead, to be reviewed and committed.
 */
class GeneratedTraceTestsTest {
    static final String PACKAGE = "reservecheck.properties.generated";
    static final String CHECKER = "explorer";
    private static final boolean REGENERATE = Boolean.getBoolean("reservecheck.regenerateTraceTests");
    private static final String HOW = "run: mvn -B -pl property-tests test -Dtest=GeneratedTraceTestsTest"
            + " -Dreservecheck.regenerateTraceTests=true, then review and commit";

    static Path testDir() {
        return Repo.root().resolve("property-tests/src/test/java").resolve(PACKAGE.replace('.', '/'));
    }

    static Path traceDir() {
        return Repo.root().resolve("property-tests/src/test/resources/traces").resolve(CHECKER);
    }

    /** The resource name a generated test reads its trace from. */
    static String resource(String variant) {
        return "/traces/" + CHECKER + "/" + variant + ItfJson.EXTENSION;
    }

    /** The bugs with an explorer expectation whose protocol has a reference model. */
    static List<Variant> bugs() {
        return Repo.catalog().variants().stream()
                .filter(v -> v.kind() == Kind.BUG && v.expectedVerdict(CHECKER).isPresent()
                        && Models.protocols().contains(v.protocol()))
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> everyBugHasAGeneratedTraceTest() {
        List<Variant> bugs = bugs();
        assertFalse(bugs.isEmpty(), "the catalog has no bug with an explorer expectation");
        return bugs.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
    }

    private static void check(Variant v) throws IOException {
        CatalogTraces.Explored e = CatalogTraces.explore(v, null);
        assertEquals(v.expectedVerdict(CHECKER).orElseThrow(), e.result().verdict(), e.result().toString());
        ItfTrace trace = e.trace();
        String json = ItfJson.write(trace);
        Path traceFile = traceDir().resolve(v.name() + ItfJson.EXTENSION);
        Path testFile = testDir().resolve(TraceTestWriter.className(trace) + ".java");
        String source = TraceTestWriter.source(trace, PACKAGE, resource(v.name()));
        if (REGENERATE) {
            write(traceFile, json);
            write(testFile, source);
        }
        assertTrue(Files.isRegularFile(testFile), v.name() + " is a bug without a generated trace test " + testFile
                + "; " + HOW);
        assertTrue(Files.isRegularFile(traceFile), v.name() + ": no kept trace " + traceFile + "; " + HOW);
        assertEquals(json, Files.readString(traceFile, StandardCharsets.UTF_8),
                v.name() + ": the kept trace is not the explorer's counterexample any more; " + HOW);
        assertEquals(source, Files.readString(testFile, StandardCharsets.UTF_8),
                v.name() + ": the generated test is stale; " + HOW);
    }

    /** A generated test for a variant that is no longer a bug would replay a trace nobody checks. */
    @Test
    void everyGeneratedTestBelongsToABug() throws IOException {
        Set<String> expected = bugs().stream()
                .map(v -> TraceTestWriter.className(v.name(), CHECKER) + ".java")
                .collect(Collectors.toSet());
        if (!Files.isDirectory(testDir())) {
            return;
        }
        try (Stream<Path> files = Files.list(testDir())) {
            for (Path f : files.toList()) {
                if (REGENERATE && !expected.contains(f.getFileName().toString())) {
                    Files.delete(f);
                    continue;
                }
                assertTrue(expected.contains(f.getFileName().toString()), f + " is not the trace test of a current bug; "
                        + HOW);
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
