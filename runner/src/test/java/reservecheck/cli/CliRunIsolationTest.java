package reservecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static reservecheck.cli.CliHarness.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run owns what it starts: its work folders (two runs of one variant at once never share one)
 * and its child JVMs (an interrupted check leaves no TLC behind).
 */
class CliRunIsolationTest {

    @TempDir
    Path tmp;

    @Test
    void aClaimedFolderIsNotHandedOutTwiceUntilReleased() throws Exception {
        Path parent = tmp.resolve("tlc");
        Path first;
        try (WorkClaims a = new WorkClaims(); WorkClaims b = new WorkClaims()) {
            first = a.claim(parent, "pool_ok");
            Files.writeString(first.resolve("Pool.tla"), "in use");
            Path second = b.claim(parent, "pool_ok");
            assertEquals(parent.resolve("pool_ok"), first);
            assertEquals(parent.resolve("pool_ok-2"), second);
            // the second claim did not empty the first run's folder
            assertTrue(Files.exists(first.resolve("Pool.tla")));
        }
        try (WorkClaims c = new WorkClaims()) {
            assertEquals(first, c.claim(parent, "pool_ok"), "a released name is free again");
        }
    }

    @Test
    void twoChecksOfOneVariantAtOnceAreBothRight() throws Exception {
        assumeTrue(CliHarness.tlcAvailable(), "the TLC runner is not implemented yet");
        Path repo = CliHarness.fixtureRepo(tmp.resolve("repo"));
        CompletableFuture<CliHarness.Run> plain = CompletableFuture.supplyAsync(() -> run(repo, JobRunner.tlc(),
                "check", "--variant", "pool_ok", "--results", "a/results.json"));
        CompletableFuture<CliHarness.Run> overridden = CompletableFuture.supplyAsync(() -> run(repo,
                JobRunner.tlc(), "check", "--variant", "pool_ok", "--set", "min_nr=2", "--set", "procs=3",
                "--results", "b/results.json"));
        CliHarness.Run a = plain.get(5, TimeUnit.MINUTES);
        CliHarness.Run b = overridden.get(5, TimeUnit.MINUTES);
        assertEquals(ExitCodes.OK, a.code(), a.err() + a.out());
        assertEquals(ExitCodes.OK, b.code(), b.err() + b.out());
        assertTrue(a.out().matches("(?s).*pool_ok +design +tlc +ok +ok +yes +3 .*"), a.out());
        assertTrue(b.out().contains("(overridden)"), b.out());
    }

    /**
     * SIGINT (Ctrl-C, {@code timeout -s INT}) and SIGTERM (CI cancelling a job, {@code timeout}).
     * A process started in the background of a non-interactive shell inherits SIGINT ignored, and
     * a JVM that starts with a signal ignored installs no handler for it (so does every Unix
     * program): there the check cannot be interrupted by SIGINT, rightly, and only SIGTERM is
     * tried.
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void anInterruptedCheckLeavesNoChildJvm(String signal) throws Exception {
        assumeFalse(signal.equals("INT") && ignoredFromTheStart(2),
                "SIGINT is ignored in this process tree (started in the background), so no JVM under it handles it");
        Path root = CliHarness.repositoryRoot();
        assumeTrue(Files.isRegularFile(root.resolve("specs/mempool/Mempool.tla")));
        // five process tasks: far more states than TLC checks in the seconds this test waits
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + CliContext.ROOT_PROPERTY + "=" + root,
                "reservecheck.cli.Main", "check", "--variant", "mempool_modern", "--checker", "tlc",
                "--set", "procs=5", "--timeout", "300", "--results", tmp.resolve("r/results.json").toString(),
                "--work", tmp.resolve("work").toString());
        Process check = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("check.log").toFile()).start();
        List<ProcessHandle> children = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (children.isEmpty() && check.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                check.descendants().forEach(children::add);
            }
            assertFalse(children.isEmpty(), "check started no TLC: " + Files.readString(tmp.resolve("check.log")));
            Thread.sleep(1500);  // TLC is past its start-up and exploring
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(check.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(check.waitFor(60, TimeUnit.SECONDS), "check did not end on SIG" + signal);
            assertNotEquals(0, check.exitValue());
            for (ProcessHandle c : children) {
                c.onExit().get(20, TimeUnit.SECONDS);
                assertFalse(c.isAlive(), "child " + c.pid() + " outlived the interrupted check");
            }
            assertFalse(Files.exists(tmp.resolve("work/tlc/mempool_modern")),
                    "the unfinished job's work folder is removed");
        } finally {
            check.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Whether signal {@code sig} is ignored in this process (Linux: the SigIgn mask of /proc/self/status). */
    private static boolean ignoredFromTheStart(int sig) throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (mask & (1L << (sig - 1))) != 0;
            }
        }
        return false;
    }
}
