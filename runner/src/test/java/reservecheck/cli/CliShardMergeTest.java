package reservecheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.results.JUnitXmlWriter;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reservecheck.cli.CliHarness.run;

/**
 * {@code check --shard K/3} three times and {@code merge} give what one unsharded run gives: on
 * the real catalog with the explorer alone (in-process, about a second for the whole catalog).
 */
class CliShardMergeTest {

    @TempDir
    Path tmp;

    private final Path root = CliHarness.repositoryRoot();

    private CliHarness.Run check(String dir, String... more) {
        String[] args = Stream.concat(Stream.of("check", "--checker", "explorer", "--results",
                tmp.resolve(dir + "/results.json").toString(), "--work", tmp.resolve("work-" + dir).toString()),
                Stream.of(more)).toArray(String[]::new);
        CliHarness.Run r = run(root, JobRunner.tlc(), args);
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        return r;
    }

    /** The records as two runs can agree on them: no seconds, the trace relative to its results folder. */
    private List<ResultRecord> comparable(String dir) throws IOException {
        Path d = tmp.resolve(dir);
        return new ResultsFile(d.resolve("results.json")).read().stream().map(r -> {
            String trace = r.trace() == null ? null : d.relativize(root.resolve(r.trace()).normalize()).toString();
            return new ResultRecord(r.protocol(), r.variant(), r.checker(), r.expected(), r.expectedDistinctStates(),
                    r.actual(), r.match(), r.distinctStates(), r.depth(), 0, r.message(), trace, r.overrides(),
                    r.coverage());
        }).toList();
    }

    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(n -> !n.startsWith(".")).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void theMergeOfThreeShardsIsTheWholeRun() throws IOException {
        check("whole");
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int k = 1; k <= 3; k++) {
            // the shards of one CI run share its id
            check("s" + k, "--shard", k + "/3", "--run-id", "ci-7.1");
            List<ResultRecord> shard = comparable("s" + k);
            assertFalse(shard.isEmpty(), "shard " + k + " has no jobs");
            for (ResultRecord r : shard) {
                assertTrue(seen.add(r.variant()), r.variant() + " runs in two shards");
            }
            total += shard.size();
        }
        CliHarness.Run m = run(root, JobRunner.tlc(), "merge", "--results", tmp.resolve("merged/results.json").toString(),
                "--summary", tmp.resolve("summary.md").toString(), tmp.resolve("s1/results.json").toString(),
                tmp.resolve("s2/results.json").toString(), tmp.resolve("s3/results.json").toString());
        assertEquals(ExitCodes.OK, m.code(), m.err() + m.out());

        List<ResultRecord> whole = comparable("whole");
        assertEquals(whole.size(), total);
        assertEquals(whole, comparable("merged"));
        // the same report: every trace, viewer page and JUnit file, the JUnit cases but for their times
        assertEquals(files(tmp.resolve("whole")), files(tmp.resolve("merged")));
        String junit = "junit/" + JUnitXmlWriter.fileName("explorer");
        assertEquals(Files.readString(tmp.resolve("whole").resolve(junit)).replaceAll("time=\"[^\"]*\"", ""),
                Files.readString(tmp.resolve("merged").resolve(junit)).replaceAll("time=\"[^\"]*\"", ""));
        assertTrue(m.out().endsWith(whole.size() + " checks: " + whole.size() + " match, 0 mismatch, 0 inconclusive\n"),
                m.out());
        assertTrue(Files.readString(tmp.resolve("summary.md")).contains("| mempool | mempool_2001 | explorer | ok | ok | yes |"));

        // every record carries its run, merge keeps it, and the merged report is of one run
        List<ResultRecord> unsharded = new ResultsFile(tmp.resolve("whole/results.json")).read();
        assertEquals(1, unsharded.stream().map(ResultRecord::runId).distinct().count());
        // its own id: the start time and pid, or make test's RESERVECHECK_RUN_ID
        assertTrue(unsharded.get(0).runId() != null && !unsharded.get(0).runId().equals("ci-7.1"));
        List<ResultRecord> merged = new ResultsFile(tmp.resolve("merged/results.json")).read();
        assertTrue(merged.stream().allMatch(r -> "ci-7.1".equals(r.runId()) && r.runStarted() != null), merged.toString());
        String index = Files.readString(tmp.resolve("merged/index.html"));
        assertTrue(index.contains("Latest run <code id=\"latest-run\">ci-7.1</code>"));
        assertFalse(index.contains("class=\"earlier-mark\""), "the shards of one run are not earlier than each other");
    }

    @Test
    void aMalformedShardIsAUsageError() {
        CliHarness.assertOneLineError(run(root, JobRunner.tlc(), "check", "--shard", "4/3"), ExitCodes.USAGE,
                "reservecheck: --shard 4/3: K must be between 1 and N");
        CliHarness.assertOneLineError(run(root, JobRunner.tlc(), "merge", "--results",
                tmp.resolve("m/results.json").toString(), tmp.resolve("none.json").toString()), ExitCodes.USAGE, null);
        CliHarness.assertOneLineError(run(root, JobRunner.tlc(), "check", "--run-id", "a b"), ExitCodes.USAGE,
                "reservecheck: --run-id takes 1 to 80 letters, digits, '.', '_', ':' or '-', not 'a b'");
    }
}
