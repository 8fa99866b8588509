package reservecheck.impl.reserve_tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.Event;
import reservecheck.impl.common.ModelReplay;
import reservecheck.impl.common.RunSink;
import reservecheck.impl.common.StepsText;
import reservecheck.models.lts.Model;

/**
 * Plain-JVM runs of every reserve_tree entry (the OS schedules the threads): each run's event
 * log replays on the reference model with no divergence, whatever the run's verdict; and the
 * replay does catch a divergence injected into a log.
 */
class ReserveTreeReplayTest {
    private static final int RUNS = 30;

    @TestFactory
    Stream<DynamicTest> everyRunOfEveryEntryReplaysOnTheModel() {
        return TreeCatalog.variants().stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            Model<Object> model = TreeCatalog.model(v);
            ReserveTreeHarness.Config c = ReserveTreeHarness.Config.parse(
                    TreeCatalog.harnessArgs(v, "on_hang=report"));
            for (int i = 0; i < RUNS; i++) {
                ReserveTreeHarness.Outcome o = ReserveTreeHarness.run(c, null);
                EventLog log = o.log(c.params());
                assertNotNull(log);
                ModelReplay.Result<Object> r = ModelReplay.replay(model, log);
                assertTrue(r.agrees(), v.name() + " run " + i + " (" + o.verdict() + "): " + r + "\n" + log.toText());
                if ("deadlock".equals(o.verdict())) {
                    assertTrue(r.endIsStuck(), v.name() + ": hung, but the model can still step");
                }
            }
        }));
    }

    /**
     * A schedule-only record (what a Lincheck run keeps) runs again on one thread to the same
     * event log the run would have recorded in full: checked on every entry by replaying it on
     * the model, and on one entry word for word against a full record of the same schedule.
     */
    @TestFactory
    Stream<DynamicTest> everyScheduleRunsAgainToAnEventLogTheModelAccepts() {
        return TreeCatalog.variants().stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            Model<Object> model = TreeCatalog.model(v);
            ReserveTreeHarness.Config c = ReserveTreeHarness.Config.parse(
                    TreeCatalog.harnessArgs(v, "on_hang=report", "record=schedule"));
            for (int i = 0; i < 10; i++) {
                ReserveTreeHarness.Outcome o = ReserveTreeHarness.run(c, null);
                assertEquals(0, o.record().length % 2, "labels and actors only");
                EventLog log = o.log(c.params());
                assertEquals(o.record().length / 2, log.size());
                ModelReplay.Result<Object> r = ModelReplay.replay(model, log);
                assertTrue(r.agrees(), v.name() + " run " + i + " (" + o.verdict() + "): " + r);
            }
        }));
    }

    @Test
    void aScheduleRunsAgainToTheFullRecordAndAnImpossibleOneIsNamed() throws Exception {
        Variant v = TreeCatalog.variant("reserve_tree_2008");
        ReserveTreeHarness.Config full = ReserveTreeHarness.Config.parse(TreeCatalog.harnessArgs(v, "on_hang=report"));
        int[] rec = ReserveTreeHarness.run(full, null).record();
        // the schedule of that run: label and actor of every step
        Layout layout = new Layout(full.params());
        int words = layout.size();
        int steps = (rec.length - words) / (2 + words);
        int[] schedule = new int[2 * steps];
        for (int i = 0; i < steps; i++) {
            schedule[2 * i] = rec[words + i * (2 + words)];
            schedule[2 * i + 1] = rec[words + i * (2 + words) + 1];
        }
        assertArrayEquals(rec, Schedule.states(full.params(), layout, schedule));
        // the first step taken twice: the actor's next step is another one
        int[] twice = {schedule[0], schedule[1], schedule[0], schedule[1]};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Schedule.states(full.params(), layout, twice));
        assertTrue(e.getMessage().startsWith("step 2 "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void replayFailsOnAnInjectedDivergence() throws Exception {
        Variant v = TreeCatalog.variant("reserve_tree_2008");
        ReserveTreeHarness.Config c = ReserveTreeHarness.Config.parse(TreeCatalog.harnessArgs(v, "on_hang=report"));
        ReserveTreeHarness.Outcome o = ReserveTreeHarness.run(c, null);
        EventLog log = o.log(c.params());
        Model<Object> model = TreeCatalog.model(v);
        assertTrue(ModelReplay.replay(model, log).agrees());
        assertTrue(log.size() > 2);
        // the first step claims memalloc_socks became 7
        EventLog bad = log.with(0, log.changed(0, "memalloc_socks", "7"));
        ModelReplay.Result<Object> r = ModelReplay.replay(model, bad);
        assertFalse(r.agrees());
        assertEquals(1, r.taken(), "the model took step 1; its state disagrees");
        assertTrue(r.divergence().startsWith("step 1 ") && r.divergence().contains("memalloc_socks is 7 in the implementation"),
                r.divergence());
        assertFalse(r.divergence().contains("\n"), "one line");
        // and a step the model does not allow: the label of another action
        EventLog wrong = log.with(0, new Event("kswapd_sleep", Event.NO_TASK, new Object[log.variables().length]));
        ModelReplay.Result<Object> w = ModelReplay.replay(model, wrong);
        assertFalse(w.agrees(), log.describe(0) + " replaced");
        assertTrue(w.divergence().contains("not enabled in the model"), w.divergence());
    }

    /**
     * The JPF entry point prints a hung run's steps before it blocks (JPF then reports the
     * deadlock, and the traces module makes the ITF trace of the printed steps).  That the
     * harness hands a hung run's record to its sink before blocking is shown by
     * ReserveTreeLincheckTest (a hang whose record never reached the sink is a problem there);
     * here, deterministically, that the sink {@code main} uses prints exactly the steps of the
     * record it is handed when the run hung, and nothing for a run that ended any other way.
     * (Plain runs hang only on some schedules, so they cannot show this reliably.)
     */
    @TestFactory
    Stream<DynamicTest> aHungRunsStepsArePrintedForItsTrace() {
        return Stream.of("static_reserve_exhaustion", "throttle_unsatisfiable_node").map(name ->
                DynamicTest.dynamicTest(name, () -> {
                    Variant v = TreeCatalog.variant(name);
                    ReserveTreeHarness.Config c = ReserveTreeHarness.Config.parse(
                            TreeCatalog.harnessArgs(v, "on_hang=report", "record=true"));
                    int[][] handed = new int[1][];
                    ReserveTreeHarness.Outcome o = ReserveTreeHarness.run(c, (kind, rec) -> handed[0] = rec.clone());
                    assertNotNull(handed[0], name + ": the run handed no record to its sink");
                    EventLog log = o.log(c.params());
                    assertTrue(log.size() > 0, name + ": the run has no steps");
                    for (String kind : new String[] {RunSink.PASSED, RunSink.FAILED, RunSink.HUNG}) {
                        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                        ReserveTreeHarness.printingHang(c, new java.io.PrintStream(out, true, "UTF-8"))
                                .ended(kind, handed[0]);
                        String printed = out.toString("UTF-8");
                        if (RunSink.HUNG.equals(kind)) {
                            assertEquals(StepsText.of("deadlock", log), printed, name);
                        } else {
                            assertEquals("", printed, name + ": only a hang is printed by this sink, not " + kind);
                        }
                    }
                }));
    }
}
