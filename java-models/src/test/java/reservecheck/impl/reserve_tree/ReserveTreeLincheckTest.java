package reservecheck.impl.reserve_tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import reservecheck.catalog.Variant;
import reservecheck.impl.common.CatalogLincheckTest;
import reservecheck.impl.common.ModelReplay;
import reservecheck.models.lts.Model;
import reservecheck.models.reserve_tree.ReserveTreeModel;
import reservecheck.models.reserve_tree.ReserveTreeParams;

/**
 * The Lincheck checker over the catalog's reserve_tree entries ({@link CatalogLincheckTest}):
 * an actor thread per swapfile, sysctl writer, reserve user, allocator, SIGKILL sender and
 * kswapd, as the entry's parameters say.  For a hang the model must be stuck where the
 * implementation is.
 *
 * <p>{@code reservecheck.lincheck.bugInvocations} defaults to 10000 here
 * (static_reserve_exhaustion's deadlock needs four switches and takes about 7200).  The second
 * run that shows the schedule is the same is made when the first took under
 * {@code reservecheck.lincheck.rerunSeconds} (default 20; Lincheck's search is deterministic,
 * which every quick finding shows again, and make test has a time budget).
 */
class ReserveTreeLincheckTest extends CatalogLincheckTest<TreeLincheckRun, ReserveTreeLincheckTest.Replays> {
    static final int RERUN_SECONDS = Integer.getInteger("reservecheck.lincheck.rerunSeconds", 20);

    ReserveTreeLincheckTest() {
        super(ReserveTreeModel.PROTOCOL, 10000, RERUN_SECONDS);
    }

    @Override
    protected List<Variant> entries() {
        return TreeCatalog.withExpectation(CHECKER);
    }

    @Override
    protected TreeLincheckRun run(Variant v, int invocations, boolean mustFail) {
        return TreeLincheckRun.run(v, invocations, PASS_SAMPLE, mustFail);
    }

    @Override
    protected Replays replay(Variant v, TreeLincheckRun run) {
        return Replays.of(TreeCatalog.model(v), TreeCatalog.params(v), run);
    }

    /** The failing interleaving's steps, for the traces module to make the ITF trace from (docs/TRACES.md). */
    @Override
    protected void writeSteps(Path dir, Variant v, TreeLincheckRun run, Replays replays) throws IOException {
        if (replays.failingLog == null || !replays.failingResult.agrees()) {
            return;
        }
        StringBuilder steps = new StringBuilder();
        steps.append("# ").append(v.name()).append(": ").append(run.verdict).append(", found by lincheck after ")
                .append(run.invocations).append(" interleavings; the failing interleaving's steps, whose event log")
                .append(" replays on the model with no divergence\n");
        steps.append("verdict ").append(run.verdict).append('\n');
        EventLog log = replays.failingLog;
        for (int i = 0; i < log.size(); i++) {
            steps.append(log.label(i)).append(log.task(i) == null ? "" : "(" + log.task(i) + ")").append('\n');
        }
        Files.writeString(dir.resolve(v.name() + ".steps"), steps.toString(), StandardCharsets.UTF_8);
    }

    /** The replays of one Lincheck run's records on the model. */
    static final class Replays extends CatalogLincheckTest.Replays {
        EventLog failingLog;

        @Override
        protected String failingLogText() {
            return failingLog == null ? null : failingLog.toText();
        }

        static Replays of(Model<Object> model, ReserveTreeParams params, TreeLincheckRun run) {
            Replays r = new Replays();
            for (String kind : KINDS) {
                for (int[] rec : run.logs.records(kind)) {
                    // the sink has the schedule; its states follow by running it again
                    EventLog log;
                    try {
                        log = EventLog.decode(params, Schedule.states(params, run.config.layout, rec));
                    } catch (IllegalStateException e) {
                        r.divergences++;
                        r.problems.add(kind + " run: its schedule does not run again: " + e.getMessage());
                        continue;
                    }
                    ModelReplay.Result<Object> res = ModelReplay.replay(model, log);
                    if (r.count(kind, res, log.size())) {
                        r.failingLog = log;
                    }
                    if (LogSink.HUNG.equals(kind) && res.agrees() && !res.endIsStuck()) {
                        // the implementation hung where the model can still step
                        r.problems.add("hung run: the model can still step where the implementation hung");
                    }
                }
            }
            r.dropped(run.logs.dropped(), "records");
            return r;
        }
    }
}
