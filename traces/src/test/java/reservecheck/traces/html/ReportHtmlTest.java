package reservecheck.traces.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.results.Run;
import reservecheck.traces.ItfJson;

class ReportHtmlTest {

    private static ResultRecord record(String variant, String checker, String expected, String actual, boolean match,
                                       String trace) {
        return new ResultRecord("mempool", variant, checker, expected, null, actual, match, 40, 9, 1.25,
                "a <message>", trace, Map.of());
    }

    @Test
    void oneRowPerRecordWithItsVerdicts(@TempDir Path results) {
        String page = ReportHtml.render(List.of(
                record("mempool_modern", "tlc", "ok", "ok", true, null),
                record("free_stale_curr_nr", "jqwik", "invariant:Conservation", "ok", false, null),
                record("md_hold_and_wait", "tlc", "liveness:AllocReturns", "inconclusive:timeout", false, null)), results);
        assertEquals(3, count(page, "<tr class="));
        assertTrue(page.contains("<tr class=\"match\" data-protocol=\"mempool\" data-variant=\"mempool_modern\" data-checker=\"tlc\" data-outcome=\"match\" data-run=\"\">"));
        assertTrue(page.contains("<tr class=\"mismatch\" data-protocol=\"mempool\" data-variant=\"free_stale_curr_nr\" data-checker=\"jqwik\" data-outcome=\"mismatch\" data-run=\"\">"));
        assertTrue(page.contains("data-variant=\"md_hold_and_wait\" data-checker=\"tlc\" data-outcome=\"inconclusive\" data-run=\"\">"));
        assertTrue(page.contains("<td class=\"expected\">invariant:Conservation</td><td class=\"actual\">ok</td>"));
        assertTrue(page.contains("<td class=\"states num\">40</td><td class=\"seconds num\">1.25</td>"));
        assertTrue(page.contains("id=\"count-mismatch\">1 mismatch</span>"));
        assertTrue(page.contains("id=\"count-inconclusive\">1 inconclusive</span>"));
        assertTrue(page.contains("<title>reservecheck results: 3 results, 1 mismatch</title>"));
        assertTrue(page.contains("a &lt;message&gt;"), "messages are escaped");
        assertFalse(Pattern.compile("https?://").matcher(page).find());
    }

    @Test
    void eachRowSaysWhichRunMadeItAndMarksThoseOfAnEarlierRun(@TempDir Path results) {
        Run before = new Run("r-old", java.time.Instant.parse("2026-12-03T10:00:00Z"));
        // the later run's id sorts first: the start time, not the id, says which run is the latest
        Run latest = new Run("a-new", java.time.Instant.parse("2026-12-04T02:18:43Z"));
        String page = ReportHtml.render(List.of(
                record("mempool_modern", "tlc", "ok", "ok", true, null).withRun(latest),
                record("mempool_modern", "explorer", "ok", "ok", true, null).withRun(before),
                record("free_stale_curr_nr", "tlc", "invariant:Conservation", "invariant:Conservation", true, null)),
                results);
        assertTrue(page.contains("data-checker=\"tlc\" data-outcome=\"match\" data-run=\"a-new\">"), page);
        assertTrue(page.contains("<tr class=\"match earlier\" data-protocol=\"mempool\" data-variant=\"mempool_modern\""
                + " data-checker=\"explorer\" data-outcome=\"match\" data-run=\"r-old\">"));
        assertTrue(page.contains("<td class=\"run\"><time datetime=\"2026-12-04T02:18:43Z\">2026-12-04T02:18:43Z</time>"
                + "<span class=\"msg\">a-new</span></td>"));
        assertTrue(page.contains("<span class=\"msg\">r-old</span><span class=\"earlier-mark\""));
        assertTrue(page.contains("<td class=\"run\"><span class=\"none\">unknown run</span><span class=\"earlier-mark\""),
                "a record of a file from before runs were recorded is of an unknown, earlier run");
        assertEquals(2, count(page, ">from an earlier run</span>"));
        assertEquals(1, count(page, "<tr class=\"match\""), "only the latest run's row is unmarked");
        assertTrue(page.contains("Latest run <code id=\"latest-run\">a-new</code>, started 2026-12-04T02:18:43Z;"));
        assertTrue(page.contains("id=\"earlier-count\" class=\"badge warn\">2 records from an earlier run</span>"));
    }

    @Test
    void recordsOfNoKnownRunAreNotMarkedAgainstEachOther(@TempDir Path results) {
        String page = ReportHtml.render(List.of(record("mempool_modern", "tlc", "ok", "ok", true, null)), results);
        assertTrue(page.contains("<span class=\"none\">unknown run</span></td>"));
        assertFalse(page.contains("class=\"earlier-mark\""));
        assertTrue(page.contains("No record says which run made it (unknown run)."));
    }

    @Test
    void aRunIdIsEscaped(@TempDir Path results) {
        ResultRecord r = new ResultRecord("mempool", "v", "tlc", "ok", null, "ok", true, 1, 1, 1, null, null, Map.of(),
                Map.of(), null, "<b>&", null);
        String page = ReportHtml.render(List.of(r), results);
        assertTrue(page.contains("data-run=\"&lt;b&gt;&amp;\""));
        assertTrue(page.contains("started at an unknown time"));
        assertFalse(page.contains("<b>&"));
    }

    @Test
    void aRowLinksItsCounterexampleViewerOnlyWhenThePageExists(@TempDir Path root) throws IOException {
        Path results = root.resolve("results");
        Path itf = results.resolve("traces/tlc/zero_min_lost_wakeup.itf.json");
        ItfJson.write(MempoolTraces.zeroMinLostWakeup(), itf);
        ResultRecord r = record("zero_min_lost_wakeup", "tlc", "liveness:AllocReturns", "liveness:AllocReturns", true,
                "results/traces/tlc/zero_min_lost_wakeup.itf.json");
        String before = ReportHtml.render(List.of(r), results);
        assertFalse(before.contains("trace-link"), "no viewer page yet");
        assertTrue(before.contains("<a class=\"raw-link\" href=\"traces/tlc/zero_min_lost_wakeup.itf.json\">raw</a>"));

        TraceHtml.write(itf, TraceHtml.pageFor(itf));
        String after = ReportHtml.render(List.of(r), results);
        assertTrue(after.contains("<a class=\"trace-link\" href=\"traces/tlc/zero_min_lost_wakeup.html\">counterexample</a>"));
    }

    @Test
    void aTraceIsFoundByItsConventionalPlaceToo(@TempDir Path results) throws IOException {
        // a record written before its trace path was recorded still links the page of its variant
        Files.createDirectories(results.resolve("traces/explorer"));
        Files.writeString(results.resolve("traces/explorer/gfp_nowait_keeps_io.html"), "<!DOCTYPE html>");
        String page = ReportHtml.render(List.of(record("gfp_nowait_keeps_io", "explorer", "deadlock", "deadlock", true, null)),
                results);
        assertTrue(page.contains("href=\"traces/explorer/gfp_nowait_keeps_io.html\""));
    }

    @Test
    void anEmptyRunSaysSo(@TempDir Path results) {
        String page = ReportHtml.render(List.of(), results);
        assertTrue(page.contains("id=\"no-results\""));
        assertTrue(page.contains("id=\"count-total\">0 results</span>"));
    }

    @Test
    void linksAreRelativeAndEncoded(@TempDir Path results) {
        assertEquals("traces/tlc/a%20b.html", ReportHtml.href(results, results.resolve("traces/tlc/a b.html")));
        assertEquals("../elsewhere/x.txt", ReportHtml.href(results, results.resolveSibling("elsewhere/x.txt")));
    }

    @Test
    void writeAllRendersEveryTraceAndTheIndex(@TempDir Path root) throws IOException {
        Path results = root.resolve("results");
        ItfJson.write(MempoolTraces.zeroMinLostWakeup(), results.resolve("traces/tlc/zero_min_lost_wakeup.itf.json"));
        ItfJson.write(MempoolTraces.sameBiosetLasso(), results.resolve("traces/explorer/same_bioset_recursion.itf.json"));
        Files.createDirectories(results.resolve("traces/jqwik"));
        Files.writeString(results.resolve("traces/jqwik/broken.itf.json"), "{\"states\": 3}");
        Files.createDirectories(results.resolve("traces/tlc"));
        Files.writeString(results.resolve("traces/tlc/old.txt"), "a TLC text trace, not rendered");
        new ResultsFile(results.resolve("results.json")).merge(List.of(
                record("zero_min_lost_wakeup", "tlc", "liveness:AllocReturns", "liveness:AllocReturns", true,
                        "results/traces/tlc/zero_min_lost_wakeup.itf.json"),
                record("same_bioset_recursion", "explorer", "liveness:AllocReturns", "liveness:AllocReturns", true,
                        "results/traces/explorer/same_bioset_recursion.itf.json")));

        ReportWriter.Summary s = ReportWriter.writeAll(results);
        assertEquals(List.of(results.resolve("traces/explorer/same_bioset_recursion.html"),
                results.resolve("traces/tlc/zero_min_lost_wakeup.html")), s.pages());
        assertEquals(List.of(results.resolve("traces/jqwik/broken.itf.json")), List.copyOf(s.failures().keySet()),
                "a broken trace is reported, and the others are still written");
        assertEquals(results.resolve("index.html"), s.index());
        String index = Files.readString(s.index());
        assertTrue(index.contains("href=\"traces/tlc/zero_min_lost_wakeup.html\""));
        assertTrue(index.contains("href=\"traces/explorer/same_bioset_recursion.html\""));
        assertTrue(Files.readString(s.pages().get(0)).contains("<title>mempool / same_bioset_recursion"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.index())),
                "pages are readable by all, like the results they show");
    }

    @Test
    void theReportOfAResultsFileOfAnotherNameShowsItsRecords(@TempDir Path results) throws IOException {
        // check --results out/r.json: the report beside it is of r.json, not of a results.json
        new ResultsFile(results.resolve("r.json")).merge(List.of(record("mempool_modern", "tlc", "ok", "ok", true, null)));
        String index = Files.readString(ReportWriter.writeFor(results.resolve("r.json")).index());
        assertTrue(index.contains("data-variant=\"mempool_modern\""));
        assertFalse(index.contains("id=\"no-results\""));
    }

    @Test
    void writeAllWithoutResultsWritesAnEmptyReport(@TempDir Path results) throws IOException {
        ReportWriter.Summary s = ReportWriter.writeAll(results);
        assertEquals(List.of(), s.pages());
        assertTrue(Files.readString(s.index()).contains("id=\"no-results\""));
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
