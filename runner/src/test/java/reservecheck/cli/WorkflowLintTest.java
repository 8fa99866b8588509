package reservecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The GitHub Actions workflow CI maintainers copy ({@code ci/github/model-check.yml}) passes a
 * real workflow linter, action-validator from the npm registry (GitHub's workflow schema, glob
 * paths), and a broken copy of it does not: so a typo in the workflow fails {@code make test}.
 * The linter is installed on first use into {@code target/action-validator} (ignored by git);
 * without npm, or without the registry, the test fails with one line saying what is missing.
 */
class WorkflowLintTest {

    /** Pinned, so a new linter release cannot change the verdict on an unchanged workflow. */
    static final String LINTER = "@action-validator/cli@0.6.0";

    private static final Path ROOT = CliHarness.repositoryRoot();
    private static final Path WORKFLOW = ROOT.resolve("ci/github/model-check.yml");
    private static Path linter;

    @TempDir
    Path tmp;

    record Output(int code, String text) {
    }

    @BeforeAll
    static void installLinter() throws Exception {
        Path prefix = ROOT.resolve("target/action-validator");
        linter = prefix.resolve("node_modules/.bin/action-validator");
        if (Files.isExecutable(linter)) {
            return;
        }
        if (!onPath("npm") || !onPath("node")) {
            fail("workflow lint: node and npm are not on PATH: install Debian's npm (ci/install-deps.sh does, as root)");
        }
        Files.createDirectories(prefix);
        Output r = exec(prefix, 300, "npm", "install", "--prefix", prefix.toString(), "--no-save", "--no-audit",
                "--no-fund", "--loglevel=error", "--fetch-retries=1", "--fetch-timeout=60000", LINTER);
        if (r.code() != 0 || !Files.isExecutable(linter)) {
            // npm's first lines are a code (ECONNREFUSED, E404), then the error with its reason.
            String why = r.text().lines().filter(l -> l.contains("Error") || l.contains("404")).findFirst()
                    .orElse(r.text().lines().filter(l -> !l.isBlank()).findFirst().orElse("no output"));
            fail("workflow lint: npm install " + LINTER + " failed (exit " + r.code()
                    + "; it needs the npm registry): " + why.strip());
        }
    }

    @Test
    void workflowPassesTheLinter() throws Exception {
        Output r = lint(WORKFLOW);
        assertEquals(0, r.code(), () -> "action-validator rejects " + WORKFLOW + ":\n" + r.text());
    }

    /**
     * The one thing the linter cannot see: a matrix strategy cannot read {@code env}, so the shard
     * list and {@code SHARDS} (the N of {@code --shard K/N} and of the merged files) are written
     * twice; they must say the same, or a shard's jobs are never checked.
     */
    @Test
    void theMatrixRunsEveryShard() throws Exception {
        JsonNode wf = new YAMLMapper().readTree(WORKFLOW.toFile());
        int shards = wf.path("env").path("SHARDS").asInt(-1);
        List<Integer> matrix = new ArrayList<>();
        wf.path("jobs").path("check").path("strategy").path("matrix").path("shard")
                .forEach(n -> matrix.add(n.asInt()));
        assertTrue(shards > 0, "env.SHARDS is not a positive number");
        assertEquals(IntStream.rangeClosed(1, shards).boxed().toList(), matrix,
                "jobs.check.strategy.matrix.shard must be 1.." + shards + " (env.SHARDS)");
    }

    /** A job without {@code runs-on} (here misspelt) is no job GitHub can run: the linter must say so. */
    @Test
    void aBrokenCopyIsRejected() throws Exception {
        Output r = lintBrokenCopy("\n    runs-on: ", "\n    runs_on: ");
        assertTrue(r.text().contains("runs_on") && r.text().contains("/jobs/check"), r.text());
    }

    /** A step that both runs a command and uses an action is ambiguous: rejected as well. */
    @Test
    void aStepWithRunAndUsesIsRejected() throws Exception {
        lintBrokenCopy("\n        run: make build", "\n        uses: actions/cache@v4\n        run: make build");
    }

    /** Lints a copy of the workflow with its first {@code from} replaced; the linter must reject it. */
    private Output lintBrokenCopy(String from, String to) throws Exception {
        String text = Files.readString(WORKFLOW);
        String broken = text.replaceFirst(from, to);
        assertNotEquals(text, broken, () -> "the workflow has no " + from.strip() + " to break");
        Path copy = tmp.resolve("model-check.yml");
        Files.writeString(copy, broken);
        Output r = lint(copy);
        assertNotEquals(0, r.code(),
                () -> "action-validator accepts the workflow with " + to.strip() + ":\n" + r.text());
        return r;
    }

    private Output lint(Path file) throws Exception {
        return exec(tmp, 60, linter.toString(), file.toString());
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static Output exec(Path cwd, long seconds, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("workflow-lint", ".log");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(cwd.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail("workflow lint: " + command[0] + " did not finish in " + seconds + " s");
            }
            return new Output(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
