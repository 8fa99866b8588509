package reservecheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forks real TLC runs on the small specs in src/test/resources/tlc/specs. */
class TlcRunnerTest {

    @TempDir
    Path tmp;

    private final TlcRunner runner = new TlcRunner();

    private static Path spec(String name) {
        return ToolOutputTest.resources().resolve("specs/" + name + ".tla");
    }

    private TlcJob job(String name, String workDir, Duration timeout, boolean checkDeadlock, String heap,
                       Consumer<TlcProgress> progress) {
        return new TlcJob(spec(name), spec(name).resolveSibling(name + ".cfg"), tmp.resolve(workDir), timeout,
                1, checkDeadlock, heap, progress);
    }

    private TlcJob job(String name) {
        return job(name, name, Duration.ofSeconds(60), true, null, null);
    }

    /** Nothing may stay in the metadir: a killed run can leave hundreds of MB there. */
    private static void assertCleanedUp(TlcJob job) throws IOException {
        Path meta = job.workDir().resolve("meta");
        assertTrue(!Files.exists(meta) || isEmpty(meta), "metadir left behind: " + meta);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void okWithSiblingModuleAndProgress() throws Exception {
        List<TlcProgress> progress = new CopyOnWriteArrayList<>();
        TlcJob job = job("Ok", "ok", Duration.ofSeconds(60), true, null, progress::add);
        TlcResult r = runner.run(job);
        assertEquals("ok", r.verdict(), r.message());
        assertEquals(0, r.exitCode());
        assertEquals(3, r.distinctStates());
        assertEquals(4, r.statesGenerated());
        assertEquals(3, r.depth());
        assertTrue(r.trace().isEmpty());
        assertTrue(r.seconds() > 0);
        assertEquals(job.workDir().resolve("tlc.out"), r.rawOutput());
        String raw = Files.readString(r.rawOutput());
        assertTrue(raw.contains("@!@!@STARTMSG 2193:0 @!@!@"), raw);
        assertTrue(raw.contains("OkHelper.tla"), "the sibling module was found");
        assertFalse(progress.isEmpty());
        TlcProgress last = progress.get(progress.size() - 1);
        assertEquals(3, last.distinctStates());
        assertEquals(r.seconds(), last.seconds(), 1e-9);
        assertCleanedUp(job);
    }

    @Test
    void invariantViolationWithTrace() throws Exception {
        TlcResult r = runner.run(job("Counter"));
        assertEquals("invariant:CurrNrBounds", r.verdict());
        assertEquals("Invariant CurrNrBounds is violated", r.message());
        assertEquals(12, r.exitCode());
        assertEquals(4, r.trace().size());
        assertEquals("Incr", r.trace().get(3).action());
        assertEquals("3", r.trace().get(3).vars().get("x"));
    }

    @Test
    void deadlockIsCheckedUnlessTurnedOff() throws Exception {
        TlcResult r = runner.run(job("TwoLocks"));
        assertEquals("deadlock", r.verdict());
        assertEquals(11, r.exitCode());
        assertEquals(3, r.trace().size());

        TlcResult off = runner.run(job("TwoLocks", "TwoLocksOff", Duration.ofSeconds(60), false, null, null));
        assertEquals("ok", off.verdict(), off.message());
        assertEquals(6, off.distinctStates());
    }

    @Test
    void livenessLasso() throws Exception {
        TlcResult r = runner.run(job("Lasso"));
        assertEquals("liveness:AllocReturns", r.verdict());
        assertEquals(13, r.exitCode());
        TraceStep loop = r.trace().get(r.trace().size() - 1);
        assertEquals(2, loop.backToState());
    }

    /** TLC does not name the violated one of several properties: the runner finds it. */
    @Test
    void theViolatedOneOfSeveralPropertiesIsNamed() throws Exception {
        TlcResult r = runner.run(job("TwoProps"));
        assertEquals("liveness:Done", r.verdict(), r.message());
        assertFalse(r.trace().isEmpty());
    }

    @Test
    void parseError() throws Exception {
        TlcResult r = runner.run(job("ParseError"));
        assertEquals("error:parse", r.verdict());
        assertEquals(150, r.exitCode());
        assertTrue(r.message().startsWith("Parse error in ParseError.tla line 5, col 20"), r.message());
    }

    @Test
    void missingSpecIsAParseErrorWithoutRunningTlc() throws Exception {
        TlcJob job = TlcJob.of(tmp.resolve("Nowhere.tla"), spec("Counter").resolveSibling("Counter.cfg"),
                tmp.resolve("missing"), Duration.ofSeconds(60));
        TlcResult r = runner.run(job);
        assertEquals("error:parse", r.verdict());
        assertTrue(r.message().startsWith("Spec file not found: "), r.message());
        assertEquals(-1, r.exitCode());
    }

    @Test
    void outOfMemory() throws Exception {
        TlcResult r = runner.run(job("Memory", "memory", Duration.ofSeconds(60), true, "48m", null));
        assertEquals("inconclusive:out-of-memory", r.verdict(), r.message());
    }

    @Test
    void timeoutKillsTlcAndKeepsTheStatisticsSoFar() throws Exception {
        TlcJob job = job("Slow", "slow", Duration.ofSeconds(3), false, null, null);
        TlcResult r = runner.run(job);
        assertEquals("inconclusive:timeout", r.verdict(), r.message());
        assertEquals(-1, r.exitCode());
        assertTrue(r.seconds() >= 3 && r.seconds() < 15, "seconds " + r.seconds());
        // the initial states are reported before any timeout this short could strike
        assertEquals(1, r.distinctStates());
        assertTrue(r.message().startsWith("TLC did not finish within 3 s"), r.message());
        assertCleanedUp(job);
    }

    @Test
    void twoRunsAtOnceInSeparateFolders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<long[]> a = pool.submit(() -> timed("gridA"));
            Future<long[]> b = pool.submit(() -> timed("gridB"));
            long[] ta = a.get();
            long[] tb = b.get();
            assertTrue(ta[0] < tb[1] && tb[0] < ta[1], "the two runs overlapped in time");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs Grid and returns its start and end time after checking its result. */
    private long[] timed(String workDir) throws Exception {
        long start = System.nanoTime();
        TlcResult r = runner.run(job("Grid", workDir, Duration.ofSeconds(60), false, null, null));
        long end = System.nanoTime();
        assertEquals("ok", r.verdict(), r.message());
        assertEquals(301 * 301, r.distinctStates());
        return new long[] {start, end};
    }
}
