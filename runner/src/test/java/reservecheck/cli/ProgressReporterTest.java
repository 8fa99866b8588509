package reservecheck.cli;

import org.junit.jupiter.api.Test;
import reservecheck.tlc.TlcProgress;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressReporterTest {

    private static String runFor(boolean terminal) throws InterruptedException {
        StringWriter sw = new StringWriter();
        try (ProgressReporter p = new ProgressReporter(new PrintWriter(sw), terminal, 2, true, 1)) {
            p.started("a", null);
            p.started("b", "(bug)");
            p.listener("a").accept(new TlcProgress(12345, 20000, 10, 7, 1.0));
            Thread.sleep(1500);
            p.finished("a", "ok");
            p.finished("b", "deadlock");
        }
        return sw.toString();
    }

    @Test
    void plainLinesInALog() throws Exception {
        String s = runFor(false);
        assertTrue(s.contains("[1/2] start a\n"), s);
        assertTrue(s.contains("[2/2] start b (bug)\n"), s);
        assertTrue(s.contains(": a 12,345 states depth 7; b starting\n"), s);
        assertTrue(s.contains("[1/2 done] a: ok\n"), s);
        assertTrue(s.contains("[2/2 done] b: deadlock\n"), s);
        assertFalse(s.contains("\r"), s);
    }

    @Test
    void oneRedrawnLineOnATerminal() throws Exception {
        String s = runFor(true);
        assertTrue(s.contains("\r\033[Krunning (0/2 done, "), s);
        // the status line is cleared before the next plain line and at the end
        assertTrue(s.contains("\r\033[K[1/2 done] a: ok\n"), s);
        assertTrue(s.endsWith("[2/2 done] b: deadlock\n"), s);
    }
}
