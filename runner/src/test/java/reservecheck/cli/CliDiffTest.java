package reservecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Variant;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code check --per-property} and each form of {@code diff}, on the real catalog's cheapest entries. */
class CliDiffTest {

    /** Five states, one invariant failing among the protocol's checks: the cheapest bug with cells of both kinds. */
    private static final String CHEAP_BUG = "free_stale_curr_nr";
    /** The flag that makes {@link #CHEAP_BUG} the bug it is (its catalog parameters set it). */
    private static final String FLAG = "free_reads_stale";

    @TempDir
    Path tmp;

    private static Variant variant(String name) throws Exception {
        return CatalogLoader.loadAllowingMissingSpecs(CliHarness.repositoryRoot()).variant(name).orElseThrow();
    }

    @Test
    void tlcAndTheExplorerAgreeOnEveryPropertyOfAnEntry() throws Exception {
        assumeTrue(CliHarness.tlcAvailable(), "TLC is not available");
        Path root = CliHarness.repositoryRoot();
        Path results = tmp.resolve("results/results.json");
        CliHarness.Run r = CliHarness.run(root, JobRunner.tlc(), tmp, "check", "--per-property", "--variant", CHEAP_BUG,
                "--checker", "tlc", "--checker", "explorer", "--results", results.toString(),
                "--work", tmp.resolve("work").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        Variant v = variant(CHEAP_BUG);
        List<String> cells = PropertyCells.split(v).stream().map(PropertyCells.Cell::property).toList();
        Map<String, Map<String, String>> byProperty = new TreeMap<>();
        for (ResultRecord rec : new ResultsFile(results).read()) {
            assertNotNull(rec.property(), "only per-property records: " + rec);
            byProperty.computeIfAbsent(rec.property(), k -> new TreeMap<>()).put(rec.checker(), rec.actual());
        }
        assertEquals(cells.stream().sorted().toList(), List.copyOf(byProperty.keySet()));
        byProperty.forEach((p, verdicts) -> {
            assertEquals(2, verdicts.size(), p + ": " + verdicts);
            assertEquals(verdicts.get("tlc"), verdicts.get("explorer"), p + ": TLC and the explorer disagree");
        });
        // not vacuous: the property the catalog's verdict names fails in its own cell
        String expected = v.expectedVerdict("tlc").orElseThrow();
        assertTrue(byProperty.values().stream().anyMatch(m -> expected.equals(m.get("tlc"))), byProperty.toString());
        assertTrue(byProperty.values().stream().anyMatch(m -> "ok".equals(m.get("tlc"))), byProperty.toString());
    }

    private static ResultRecord cell(String variant, String property, String actual, String trace) {
        return new ResultRecord("mempool", variant, "explorer", null, null, actual, true, 5, 3, 0.1, null, trace,
                Map.of(), Map.of(), property);
    }

    @Test
    void diffOfTwoResultsFilesShowsTheFlippedCellsWithTheNewCounterexample() throws Exception {
        Path trace = tmp.resolve("y.txt");
        Files.writeString(trace, "state 1: the counterexample\n");
        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        new ResultsFile(a).merge(List.of(cell("x", "Inv", "ok", null), cell("y", "Inv", "ok", null),
                cell("y", "Live", "liveness:Live", null)));
        new ResultsFile(b).merge(List.of(cell("x", "Inv", "ok", null), cell("y", "Inv", "invariant:Inv",
                trace.toString()), cell("y", "Live", "ok", null)));
        Path root = CliHarness.repositoryRoot();

        CliHarness.Run r = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, "diff", a.toString(), b.toString());
        assertEquals(ExitCodes.MISMATCH, r.code(), r.err() + r.out());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("mempool ")).toList();
        assertEquals(2, rows.size(), r.out());
        assertTrue(rows.get(0).matches("mempool\\s+y\\s+explorer\\s+Inv\\s+ok\\s+invariant:Inv\\s*"), rows.get(0));
        assertTrue(rows.get(1).matches("mempool\\s+y\\s+explorer\\s+Live\\s+liveness:Live\\s+ok\\s*"), rows.get(1));
        assertTrue(r.out().contains("    state 1: the counterexample"), r.out());
        assertTrue(r.out().contains("3 cells, 2 flips"), r.out());

        CliHarness.Run j = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, "diff", "--json", a.toString(),
                b.toString());
        assertEquals(ExitCodes.MISMATCH, j.code(), j.err());
        JsonNode flips = new ObjectMapper().readTree(j.out()).get("flips");
        assertEquals(2, flips.size(), j.out());
        assertEquals("state 1: the counterexample", flips.get(0).get("counterexample").asText());
        assertFalse(flips.get(1).has("counterexample"), "a mended cell has no counterexample");

        CliHarness.Run same = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, "diff", a.toString(),
                a.toString());
        assertEquals(ExitCodes.OK, same.code(), same.err() + same.out());
        assertTrue(same.out().contains("3 cells, 0 flips"), same.out());

        CliHarness.assertOneLineError(CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, "diff", a.toString()),
                ExitCodes.USAGE, null);
    }

    @Test
    void diffOfTwoPoliciesShowsTheCellTheFlagBreaks() throws Exception {
        Path root = CliHarness.repositoryRoot();
        Variant v = variant(CHEAP_BUG);
        String verdict = v.expectedVerdict("explorer").orElseThrow();
        CliHarness.Run r = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, "diff", "--variant", CHEAP_BUG,
                "--checker", "explorer", "--work", tmp.resolve("d").toString(), "--json",
                "--a-set", FLAG + "=false", "--b-set", FLAG + "=true");
        assertEquals(ExitCodes.MISMATCH, r.code(), r.err() + r.out());
        JsonNode flips = new ObjectMapper().readTree(r.out()).get("flips");
        // the flag puts the catalog's bug back: exactly its verdict's cell flips, ok -> verdict
        assertEquals(1, flips.size(), r.out());
        JsonNode f = flips.get(0);
        assertEquals("ok", f.get("old").asText());
        assertEquals(verdict, f.get("new").asText());
        assertTrue(verdict.endsWith(":" + f.get("property").asText()), r.out());
        assertTrue(f.get("counterexample").asText().contains("reservecheck: " + CHEAP_BUG), r.out());
        // the page beside the new side's report: the flipped cell, linking its counterexample's page
        Path newSide = tmp.resolve("d/b");
        String page = Files.readString(newSide.resolve("diff.html"));
        assertTrue(page.contains("<td>" + verdict + "</td>"), page);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("class=\"trace-link\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(link.find(), page);
        assertTrue(Files.isRegularFile(newSide.resolve(link.group(1))), link.group(1));
        assertTrue(Files.readString(newSide.resolve("index.html")).contains("href=\"diff.html\""), "index links the page");

        CliHarness.Run same = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, "diff", "--variant", CHEAP_BUG,
                "--checker", "explorer", "--work", tmp.resolve("s").toString(),
                "--a-set", FLAG + "=true", "--b-set", FLAG + "=true");
        assertEquals(ExitCodes.OK, same.code(), same.err() + same.out());
        assertTrue(same.out().contains(" 0 flips"), same.out());

        CliHarness.Run bad = CliHarness.run(root, CliBadInputTest.MUST_NOT_RUN, tmp, "diff", "--variant", CHEAP_BUG,
                "--checker", "explorer", "--work", tmp.resolve("e").toString(), "--a-set", "no_such=1");
        CliHarness.assertOneLineError(bad, ExitCodes.BAD_PARAMETER, null);
        assertTrue(bad.err().contains("no_such"), bad.err());
        assertEquals(List.of(), bad.out().lines().collect(Collectors.toList()));
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=t",
                "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    /**
     * Two revisions of a repository (the real catalog and specs in a temporary git repository, the
     * second commit setting the bug's flag back): the cell the flag makes fail flips back to ok, and
     * each revision's temporary worktree is gone afterwards.  An unknown revision is one line, exit 15.
     */
    @Test
    void diffOfTwoRevisionsShowsTheCellTheirCatalogsDifferIn() throws Exception {
        Path real = CliHarness.repositoryRoot();
        Path repo = tmp.resolve("repo");
        CliHarness.copyTree(real.resolve("catalog"), repo.resolve("catalog"));
        CliHarness.copyTree(real.resolve("specs"), repo.resolve("specs"));
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "catalog");
        Path file = repo.resolve("catalog/mempool.yaml");
        String text = Files.readString(file);
        String line = "procs: 1, " + FLAG + ": true}";
        assertEquals(1, text.split(java.util.regex.Pattern.quote(line), -1).length - 1, "the bug's flag, once: " + line);
        Files.writeString(file, text.replace(line, "procs: 1, " + FLAG + ": false}"));
        git(repo, "commit", "-q", "-a", "-m", "the flag set back");

        String verdict = variant(CHEAP_BUG).expectedVerdict("explorer").orElseThrow();
        CliHarness.Run r = CliHarness.run(repo, CliBadInputTest.MUST_NOT_RUN, tmp, "diff", "--a-rev", "HEAD~1",
                "--b-rev", "HEAD", "--variant", CHEAP_BUG, "--checker", "explorer", "--no-build", "--json",
                "--work", tmp.resolve("d").toString());
        assertEquals(ExitCodes.MISMATCH, r.code(), r.err() + r.out());
        JsonNode flips = new ObjectMapper().readTree(r.out()).get("flips");
        assertEquals(1, flips.size(), r.out());
        assertEquals(verdict, flips.get(0).get("old").asText());
        assertEquals("ok", flips.get(0).get("new").asText());
        Process wt = new ProcessBuilder("git", "-C", repo.toString(), "worktree", "list", "--porcelain").start();
        String worktrees = new String(wt.getInputStream().readAllBytes());
        wt.waitFor();
        assertEquals(1, worktrees.lines().filter(l -> l.startsWith("worktree ")).count(), worktrees);

        CliHarness.Run unknown = CliHarness.run(repo, CliBadInputTest.MUST_NOT_RUN, tmp, "diff", "--a-rev", "HEAD",
                "--b-rev", "no-such-rev", "--variant", CHEAP_BUG, "--no-build", "--work", tmp.resolve("u").toString());
        CliHarness.assertOneLineError(unknown, ExitCodes.UNKNOWN_REVISION, null);
        assertTrue(unknown.err().contains("no-such-rev"), unknown.err());
    }
}
