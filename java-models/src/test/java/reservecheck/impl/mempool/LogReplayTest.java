package reservecheck.impl.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.ModelReplay;
import reservecheck.models.mempool.Label;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.models.mempool.MempoolState;

/**
 * Trace validation on plain-JVM runs: the implementation's event log of every catalog entry
 * replays on the reference model, and the replay does fail, with the step, the event and both
 * values, when the log and the model disagree.
 */
class LogReplayTest {
    private static final int SEEDS = 3;

    @TestFactory
    Stream<DynamicTest> everyEntrysRunsReplayOnTheModel() {
        List<Variant> variants = ImplCatalog.mempoolVariants();
        assertFalse(variants.isEmpty());
        return variants.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            MempoolModel model = ImplCatalog.model(v);
            for (int seed = 1; seed <= SEEDS; seed++) {
                MempoolHarness.Outcome o = run(v, seed);
                EventLog log = o.log();
                assertNotNull(log, v.name());
                assertTrue(log.size() > 0, v.name() + ": nothing recorded");
                ModelReplay.Result<MempoolState> r = ModelReplay.replay(model, log);
                assertTrue(r.agrees(), v.name() + " seed " + seed + " (" + o.verdict() + "): " + r.divergence());
                assertEquals(log.size(), r.steps());
            }
        }));
    }

    @Test
    void aTamperedValueIsReportedWithTheStepTheEventAndBothValues() {
        Variant v = firstDesign();
        EventLog log = logWriting(v, EventLog.CURR_NR);
        int step = firstWriting(log, EventLog.CURR_NR);
        int real = (Integer) log.event(step).value(EventLog.CURR_NR);
        EventLog tampered = log.replaced(step, log.event(step).with(EventLog.CURR_NR, Integer.valueOf(real + 7)));

        ModelReplay.Result<MempoolState> r = ModelReplay.replay(ImplCatalog.model(v), tampered);
        assertFalse(r.agrees());
        String d = r.divergence();
        assertEquals(1, d.lines().count(), d);
        assertTrue(d.startsWith("step " + (step + 1) + " " + log.describe(step) + ": curr_nr is " + (real + 7)
                + " in the implementation but " + real + " in the model"), d);
        assertEquals(step, r.steps());
    }

    @Test
    void anEventTheModelDoesNotAllowIsReported() {
        Variant v = firstDesign();
        EventLog log = run(v, 1).log();
        // the first task wakes from schedule() before it ever called mempool_alloc
        EventLog bad = log.inserted(0, EventLog.event(Label.SCHEDULE, 0, new Object[EventLog.VARIABLES.length]));

        ModelReplay.Result<MempoolState> r = ModelReplay.replay(ImplCatalog.model(v), bad);
        assertFalse(r.agrees());
        String d = r.divergence();
        assertTrue(d.startsWith("step 1 schedule(" + log.taskName(0) + "): not enabled in the model (it allows "), d);
        assertTrue(d.contains(Label.MEMPOOL_ALLOC + "(" + log.taskName(0) + ")"), d);
        assertEquals(0, r.steps());
    }

    @Test
    void aMissingEventIsReported() {
        Variant v = firstDesign();
        EventLog log = run(v, 1).log();
        EventLog gap = EventLog.parse(dropLine(log.toText(), 3));
        ModelReplay.Result<MempoolState> r = ModelReplay.replay(ImplCatalog.model(v), gap);
        assertFalse(r.agrees(), "a log with a step left out must not replay");
    }

    @Test
    void theTextFormRoundTrips() {
        for (Variant v : ImplCatalog.mempoolVariants()) {
            EventLog log = run(v, 2).log();
            assertEquals(log, EventLog.parse(log.toText()), v.name());
        }
    }

    private static MempoolHarness.Outcome run(Variant v, int seed) {
        try {
            return MempoolHarness.run(MempoolHarness.Config.parse(ImplCatalog.harnessArgs(v,
                    MempoolHarness.RECORD + "=true", MempoolHarness.SEED + "=" + seed)), null);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static Variant firstDesign() {
        for (Variant v : ImplCatalog.mempoolVariants()) {
            if (v.kind() == reservecheck.catalog.Kind.DESIGN) {
                return v;
            }
        }
        throw new AssertionError("the catalog has no mempool design");
    }

    /**
     * The log of a run that writes var: the real threads' schedule decides whether a run of the
     * design takes a pool element at all (every task may be served by the page allocator), so
     * the seeds are tried in turn rather than trusting one.
     */
    private static EventLog logWriting(Variant v, int var) {
        for (int seed = 1; seed <= 100; seed++) {
            EventLog log = run(v, seed).log();
            for (int i = 0; i < log.size(); i++) {
                if (log.event(i).value(var) != null) {
                    return log;
                }
            }
        }
        throw new AssertionError("no run of " + v.name() + " in 100 seeds writes " + EventLog.VARIABLES[var]);
    }

    private static int firstWriting(EventLog log, int var) {
        for (int i = 0; i < log.size(); i++) {
            if (log.event(i).value(var) != null) {
                return i;
            }
        }
        throw new AssertionError("no event writes " + EventLog.VARIABLES[var]);
    }

    /** The text without its n-th line (0 = the tasks line). */
    private static String dropLine(String text, int n) {
        String[] lines = text.split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i != n) {
                b.append(lines[i]).append('\n');
            }
        }
        return b.toString();
    }
}
