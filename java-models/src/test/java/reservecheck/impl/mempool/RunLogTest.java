package reservecheck.impl.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.ModelReplay;

/**
 * The failing run's text form that the implementation checkers hand to the traces module: read
 * back equal, found as the last block of a program's output (JPF prints every explored path's
 * output), and bad input told in one line.
 */
class RunLogTest {

    /** free_stale_curr_nr as every checker sees it: four steps, the last breaks Conservation. */
    private static final String STALE = "verdict invariant:Conservation\nend fail\ntasks p1\n"
            + "init curr_nr=1 free_pages=0 clean_pages=0 dirty_pages=0 waitq=[] pc=[0] held=[0] rounds_left=[1]"
            + " full_mask=<0> plugged=[0] snap=[0] tstate=[0] saw_empty=<0>\n"
            + "mempool_alloc p1 pc=[4] full_mask=<0> snap=[1] saw_empty=<0>\n"
            + "pool_alloc p1 pc=[5]\n"
            + "remove_element p1 curr_nr=0 pc=[10] held=[1] full_mask=<0>\n"
            + "mempool_free p1 free_pages=1 pc=[1] held=[0] rounds_left=[0]\n";

    @Test
    void readsBackWhatItWrites() {
        RunLog r = RunLog.parse(STALE);
        assertEquals("invariant:Conservation", r.verdict());
        assertEquals(RunLog.FAIL, r.end());
        assertEquals(4, r.log().size());
        assertEquals("mempool_free(p1)", r.log().describe(3));
        assertEquals(STALE, r.toText());
        assertEquals(r.log(), RunLog.parse(r.toText()).log());
    }

    @Test
    void findsTheLastBlockOfAnOutput() {
        String other = STALE.replace("verdict invariant:Conservation", "verdict deadlock").replace("end fail", "end hang");
        String out = "verdict: ok\n" + RunLog.BEGIN + "\n" + other + RunLog.END + "\nverdict: ok\n"
                + RunLog.parse(STALE).toBlock() + "\n= error 1\n";
        RunLog r = RunLog.lastIn(out);
        assertNotNull(r);
        assertEquals("invariant:Conservation", r.verdict());
        assertNull(RunLog.lastIn("verdict: ok\nverdict: ok\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunLog.lastIn(RunLog.BEGIN + "\n" + STALE));
        assertTrue(e.getMessage().contains("no " + RunLog.END), e.getMessage());
    }

    @Test
    void badInputIsOneLine() {
        assertMessage("not a run log: it must start with a verdict and an end line, not: tasks p1", "tasks p1\ninit\n");
        assertMessage("line 2: end must be fail or hang, not maybe", STALE.replace("end fail", "end maybe"));
        // line numbers count from the run log's first line
        assertMessage("line 6: unknown task p9", STALE.replace("\npool_alloc p1", "\npool_alloc p9"));
    }

    /** The harness's main prints the block when it records, and only for a failure. */
    @Test
    void theHarnessPrintsTheFailingRunsLog() throws Exception {
        Variant v = ImplCatalog.mempoolVariants().stream().filter(x -> x.name().equals("free_stale_curr_nr"))
                .findFirst().orElseThrow();
        String out = capture(ImplCatalog.harnessArgs(v, MempoolHarness.RECORD + "=true", MempoolHarness.SEED + "=1"));
        RunLog r = RunLog.lastIn(out);
        assertNotNull(r, out);
        assertEquals("invariant:Conservation", r.verdict());
        assertTrue(ModelReplay.replay(ImplCatalog.model(v), r.log()).agrees());
        // without recording there is no log to print
        assertNull(RunLog.lastIn(capture(ImplCatalog.harnessArgs(v, MempoolHarness.SEED + "=1"))));
    }

    private static String capture(String[] args) throws InterruptedException {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            MempoolHarness.main(args);
        } catch (AssertionError expected) {
            // main ends a failing run so, for JPF
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static void assertMessage(String expected, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLog.parse(text));
        assertEquals(expected, e.getMessage());
    }
}
