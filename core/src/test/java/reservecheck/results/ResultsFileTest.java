package reservecheck.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsFileTest {

    @TempDir
    Path tmp;

    static ResultRecord rec(String variant, String checker, String expected, String actual) {
        return new ResultRecord("counter", variant, checker, expected, null, actual, expected.equals(actual), 4, 3,
                1.5, null, null, Map.of());
    }

    @Test
    void mergeReplacesSameVariantAndCheckerKeepsOthers() throws Exception {
        ResultsFile f = new ResultsFile(tmp.resolve("results/results.json"));
        assertEquals(List.of(), f.read());
        f.merge(List.of(rec("a", "tlc", "ok", "ok"), rec("b", "tlc", "ok", "deadlock")));
        f.merge(List.of(rec("a", "explorer", "ok", "ok")));
        List<ResultRecord> merged = f.merge(List.of(rec("b", "tlc", "ok", "ok")));
        assertEquals(3, merged.size());
        assertEquals(merged, f.read());
        assertEquals(List.of("a/explorer", "a/tlc", "b/tlc"),
                merged.stream().map(r -> r.variant() + "/" + r.checker()).toList());
        assertTrue(merged.stream().allMatch(ResultRecord::match));
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(f.path())));
        }
        // nothing half-written left beside it
        try (var s = Files.list(tmp.resolve("results"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    /** Writes {@code r} alone to a new file, checks it reads back equal, and returns the file's text. */
    private String roundTrip(ResultRecord r) throws Exception {
        Path file = tmp.resolve("round-trip-" + r.variant() + ".json");
        ResultsFile f = new ResultsFile(file);
        f.merge(List.of(r));
        assertEquals(List.of(r), f.read());
        return Files.readString(file);
    }

    @Test
    void roundTripsEveryField() throws Exception {
        ResultRecord r = new ResultRecord("counter", "v", "tlc", "ok", 1234L, "invariant:TypeOK", false, 99, 7, 2.25,
                "TypeOK is violated", "results/traces/tlc/v.txt", Map.of("limit", "4"));
        String json = roundTrip(r);
        assertTrue(json.contains("\"outcome\" : \"mismatch\""), json);
        assertTrue(json.contains("\"expected_distinct_states\" : 1234"), json);
    }

    @Test
    void aRecordKeepsTheRunThatMadeIt() throws Exception {
        Run run = new Run("20261204T021843Z-4312", java.time.Instant.parse("2026-12-04T02:18:43.917Z"));
        ResultRecord r = rec("a", "tlc", "ok", "ok").withRun(run);
        assertEquals("20261204T021843Z-4312", r.runId());
        assertEquals(java.time.Instant.parse("2026-12-04T02:18:43Z"), r.runStarted(), "to the second");
        // every later change of the record (a merge moves its trace) keeps its run
        assertEquals(run.started(), r.withTrace("elsewhere/a.itf.json").runStarted());
        assertEquals(run.id(), r.withCoverage(Map.of("x", 1L)).withUncoveredActions(List.of("y")).runId());
        String json = roundTrip(r);
        assertTrue(json.contains("\"run_id\" : \"20261204T021843Z-4312\""), json);
        assertTrue(json.contains("\"run_started\" : \"2026-12-04T02:18:43Z\""), json);
    }

    @Test
    void aFileWrittenBeforeRunsWereRecordedStillLoads() throws Exception {
        Path old = tmp.resolve("old.json");
        Files.writeString(old, "{\"format\": 1, \"records\": [{\"protocol\": \"counter\", \"variant\": \"a\","
                + " \"checker\": \"tlc\", \"expected\": \"ok\", \"actual\": \"ok\", \"match\": true},"
                + " {\"protocol\": \"counter\", \"variant\": \"b\", \"checker\": \"tlc\", \"expected\": \"ok\","
                + " \"actual\": \"ok\", \"match\": true, \"run_id\": \"r1\", \"run_started\": \"yesterday\"}]}");
        List<ResultRecord> read = new ResultsFile(old).read();
        assertNull(read.get(0).runId());
        assertNull(read.get(0).runStarted());
        assertEquals("r1", read.get(1).runId());
        assertNull(read.get(1).runStarted(), "a start time that is not ISO-8601 is unknown, not an error");
        // and written back, an unknown run stays absent rather than becoming null
        ResultsFile copy = new ResultsFile(tmp.resolve("copy.json"));
        copy.merge(read);
        assertFalse(Files.readString(copy.path()).contains("run_started"));
        assertEquals(read, copy.read());
    }

    @Test
    void aRunIdIsCheckedAndANewOneIsUnique() {
        assertThrows(IllegalArgumentException.class, () -> Run.startingNow("two words"));
        assertThrows(IllegalArgumentException.class, () -> Run.startingNow(""));
        Run a = Run.startingNow();
        assertTrue(a.id().matches("\\d{8}T\\d{6}Z-\\d+"), a.id());
        assertTrue(a.id().endsWith("-" + ProcessHandle.current().pid()));
        assertEquals("ci-123.1", Run.startingNow("ci-123.1").id());
    }

    @Test
    void perPropertyRecordsSitBesideTheEntrysAndOnlyTheyHaveAProperty() throws Exception {
        ResultRecord entry = rec("v", "tlc", "ok", "invariant:A");
        ResultRecord a = new ResultRecord("counter", "v", "tlc", null, null, "invariant:A", true, 4, 3, 1.5, null, null,
                Map.of(), Map.of(), "A");
        ResultRecord b = new ResultRecord("counter", "v", "tlc", null, null, "invariant:B", true, 4, 3, 1.5, null, null,
                Map.of(), Map.of(), "B");
        ResultsFile f = new ResultsFile(tmp.resolve("p.json"));
        f.merge(List.of(b, entry));
        List<ResultRecord> merged = f.merge(List.of(a));
        assertEquals(List.of(entry, a, b), merged);
        assertEquals(merged, f.read());
        String json = Files.readString(tmp.resolve("p.json"));
        assertEquals(2, json.split("\"property\"", -1).length - 1, json);
    }

    @Test
    void coverageRoundTripsAndUncoveredActionsMakeAMismatch() throws Exception {
        ResultRecord r = new ResultRecord("counter", "v", "explorer", "ok", null, "ok", true, 9, 9, 0.1,
                "No error has been found.", null, Map.of()).withCoverage(Map.of("Inc1", 8L, "Inc1/p", 8L, "Done", 1L));
        ResultsFile f = new ResultsFile(tmp.resolve("c.json"));
        f.merge(List.of(r));
        assertEquals(List.of(r), f.read());
        assertTrue(Files.readString(tmp.resolve("c.json")).contains("\"Inc1/p\" : 8"));
        ResultRecord vacuous = r.withUncoveredActions(List.of("Inc2"));
        assertEquals(Outcome.MISMATCH, vacuous.outcome());
        assertTrue(vacuous.message().startsWith("never takes Inc2: the design covers less than the catalog says"),
                vacuous.message());
        assertEquals(r, r.withUncoveredActions(List.of()), "full coverage leaves the record as it is");
    }

    @Test
    void outcomes() {
        assertEquals(Outcome.MATCH, rec("a", "tlc", "ok", "ok").outcome());
        assertEquals(Outcome.MISMATCH, rec("a", "tlc", "ok", "deadlock").outcome());
        assertEquals(Outcome.INCONCLUSIVE, rec("a", "tlc", "ok", "inconclusive:timeout").outcome());
        assertEquals(Outcome.INCONCLUSIVE, rec("a", "tlc", "ok", "error:parse").outcome());
    }

    @Test
    void concurrentMergesLoseNothing() throws Exception {
        ResultsFile f = new ResultsFile(tmp.resolve("results.json"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            fs.add(pool.submit(() -> f.merge(List.of(rec("v" + n, "tlc", "ok", "ok")))));
        }
        for (Future<?> x : fs) {
            x.get();
        }
        pool.shutdown();
        assertEquals(12, f.read().size());
    }

    @Test
    void notAResultsFile() throws Exception {
        Path p = tmp.resolve("results.json");
        Files.writeString(p, "{\"something\": 1}");
        assertThrows(java.io.IOException.class, () -> new ResultsFile(p).read());
    }

    @Test
    void junitXml() throws Exception {
        List<ResultRecord> rs = List.of(
                rec("a", "tlc", "ok", "ok"),
                rec("b", "tlc", "ok", "deadlock"),
                rec("c", "tlc", "ok", "inconclusive:timeout"),
                rec("d", "tlc", "ok", "inconclusive:crash"),
                rec("e", "explorer", "ok", "ok"));
        Path f = JUnitXmlWriter.write(JUnitXmlWriter.junitDir(tmp.resolve("results/results.json")), "tlc", rs);
        assertEquals(tmp.resolve("results/junit/TEST-reservecheck-tlc.xml"), f);
        String xml = Files.readString(f);
        assertTrue(xml.contains("<testsuite name=\"reservecheck-tlc\" tests=\"4\" failures=\"1\" errors=\"1\" "
                + "skipped=\"1\""), xml);
        assertTrue(xml.contains("<testcase classname=\"reservecheck.tlc.counter\" name=\"a\" time=\"1.500\">"
                + "</testcase>") || xml.contains("name=\"a\" time=\"1.500\"/>"), xml);
        assertTrue(xml.contains("<failure type=\"deadlock\" message=\"expected ok, got deadlock\">"), xml);
        assertTrue(xml.contains("<skipped type=\"inconclusive:timeout\""), xml);
        assertTrue(xml.contains("<error type=\"inconclusive:crash\""), xml);
        assertFalse(xml.contains("name=\"e\""), xml);
        // well-formed
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
        assertNull(null);
    }
}
