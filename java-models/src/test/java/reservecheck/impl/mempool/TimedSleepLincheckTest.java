package reservecheck.impl.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Expectation;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.CatalogLincheckTest;
import reservecheck.impl.common.LincheckRuns;
import reservecheck.impl.common.ModelReplay;
import reservecheck.models.mempool.Label;
import reservecheck.models.mempool.MempoolParams;
import reservecheck.models.mempool.MempoolState;

/**
 * The modern sleep as the kernel has it: io_schedule_timeout(5*HZ) run as a real timed wait,
 * which Lincheck lets return at any moment (it treats a timed wait like one that may wake
 * spuriously), so the timeout fires wherever it can.  The spec allows exactly that
 * (io_schedule_timeout is enabled whenever the task sleeps, just not fair), so:
 * <ul>
 * <li>an entry the catalog expects Lincheck to pass must pass with timeouts too;
 * <li>an entry whose allocation hangs without the timeout (a liveness verdict) cannot hang with
 * it: either the timeout rescues it (ok, after a 5 s stall in the kernel) or the tasks retry
 * for ever (Lincheck's livelock, AllocReturns fails); never a deadlock;
 * <li>every event log, timeouts included, replays on the model with no divergence.
 * </ul>
 * Runs the catalog's modern entries with the timed sleep on whose lincheck expectation is ok
 * or a liveness verdict; {@code reservecheck.lincheck.timedInvocations} (default 40).
 */
class TimedSleepLincheckTest {
    static final int INVOCATIONS = Integer.getInteger("reservecheck.lincheck.timedInvocations", 40);

    private static int timeoutsSeen;
    private static final List<String> summary = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> timedSleepsConformToTheModel() {
        // make test's check: make lincheck-long runs only the catalog's long Lincheck searches
        Assumptions.assumeFalse(Expectation.LONG_JOB.equals(System.getProperty(CatalogLincheckTest.JOB_PROPERTY)));
        List<Variant> variants = new ArrayList<>();
        for (Variant v : ImplCatalog.withExpectation(MempoolLincheckTest.CHECKER)) {
            MempoolParams p = ImplCatalog.params(v);
            String expected = v.expectedVerdict(MempoolLincheckTest.CHECKER).orElseThrow();
            if (!p.is2001() && p.poolWaitTimeout && (expected.equals("ok") || expected.startsWith("liveness:"))) {
                variants.add(v);
            }
        }
        assertFalse(variants.isEmpty(), "no modern catalog entry with the timed sleep");
        Stream<DynamicTest> each = variants.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
        // runs after the entries (dynamic tests run in order)
        DynamicTest fired = DynamicTest.dynamicTest("the timeout fired in some run", () -> {
            System.out.println("timed sleep: " + String.join("; ", summary));
            assertTrue(timeoutsSeen > 0, "no replayed log has an io_schedule_timeout step");
        });
        return Stream.concat(each, Stream.of(fired));
    }

    private static void check(Variant v) {
        String expected = v.expectedVerdict(MempoolLincheckTest.CHECKER).orElseThrow();
        LincheckRun run = LincheckRuns.repeated(v.name(), () -> LincheckRun.run(v, INVOCATIONS, "timed", 1),
                new ArrayList<>());
        int replayed = 0;
        int timeouts = 0;
        List<String> divergences = new ArrayList<>();
        for (String kind : new String[] {LogSink.FAILED, LogSink.HUNG, LogSink.PASSED}) {
            for (EventLog log : run.logs.logs(kind)) {
                ModelReplay.Result<MempoolState> r = ModelReplay.replay(ImplCatalog.model(v), log);
                replayed++;
                if (!r.agrees()) {
                    divergences.add(kind + " run: " + r.divergence());
                }
                for (int i = 0; i < log.size(); i++) {
                    if (log.event(i).label().equals(Label.IO_SCHEDULE_TIMEOUT)) {
                        timeouts++;
                    }
                }
            }
        }
        synchronized (TimedSleepLincheckTest.class) {
            timeoutsSeen += timeouts;
            summary.add(v.name() + " " + run.verdict + " after " + run.invocations + " interleavings, "
                    + replayed + " logs replayed, " + timeouts + " timeouts in them");
        }
        System.out.println("timed " + v.name() + ": " + run.verdict + " after " + run.invocations
                + String.format(" interleavings, %.1f s, ", run.seconds) + replayed + " logs replayed, "
                + timeouts + " io_schedule_timeout steps");

        assertTrue(divergences.isEmpty(), v.name() + ": " + String.join("\n", divergences));
        if (run.verdict.equals("ok")) {
            // (a livelock leaves no log: the run never ends, and its main thread cannot tell)
            assertTrue(replayed > 0, v.name() + ": no event log was replayed");
        }
        if (expected.equals("ok")) {
            assertEquals("ok", run.verdict, v.name() + " fails once the timeout can fire: "
                    + (run.report == null ? "" : run.report.lines().limit(40).toList()));
        } else {
            assertTrue(run.verdict.equals("ok") || run.verdict.equals(expected),
                    v.name() + ": with the timeout the catalog's " + expected + " can only show as a "
                            + "rescue (ok) or endless retries (" + expected + "), not " + run.verdict);
        }
    }
}
