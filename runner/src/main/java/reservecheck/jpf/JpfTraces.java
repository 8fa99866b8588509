package reservecheck.jpf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.StepsText;
import reservecheck.impl.mempool.RunLog;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.traces.CatalogTraces;
import reservecheck.traces.ImplementationTraces;
import reservecheck.traces.ImplementationSteps;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceReplay;
import reservecheck.traces.html.TraceHtml;

/**
 * The ITF trace of a harness JPF found failing.  The verdict run keeps no event log (record=false:
 * a growing log would defeat JPF's state matching), so the variant's harness is run again under
 * JPF with record=true; its DFS reaches a failing path in seconds, where the harness prints the
 * run's event log ({@link RunLog}).  That log replayed on the model is the trace
 * ({@link ImplementationTraces#fromJpfOutput}); it is written as
 * {@code results/traces/jpf/<variant>.itf.json} with its viewer page and the log beside it, and
 * replayed on the model once more, as {@code reservecheck trace replay} would.
 */
public final class JpfTraces {

    /**
     * What the recording run gave.
     *
     * @param trace   the ITF file, or null when none was written
     * @param problem one line when something did not work out (no trace, or one that does not
     *                reproduce), else null
     * @param seconds the recording run's time
     */
    public record Recorded(Path trace, String problem, double seconds) {
    }

    private JpfTraces() {
    }

    /**
     * Re-runs the harness of {@code v} (already bounded for the jpf checker) with recording on,
     * and writes its trace.
     *
     * @param jpfFile    where to write the recording run's .jpf (its output goes beside it)
     * @param resultsDir the results folder (results/)
     * @param verdict    the verdict the first run gave, which the recorded one must repeat
     */
    public static Recorded record(Path jpfHome, Variant v, Path classes, Path jpfFile, Path resultsDir,
                                  String verdict, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(jpfFile.getParent());
        Files.writeString(jpfFile, JpfFiles.harness(v, classes, true));
        JpfRunner.Run run = JpfRunner.run(jpfHome, jpfFile, timeout);
        if (!run.output().verdict().equals(verdict)) {
            return new Recorded(null, "the recording re-run ended with " + run.output().verdict() + ", not " + verdict,
                    run.seconds());
        }
        String out = Files.readString(run.log(), StandardCharsets.UTF_8);
        try {
            Path file = write(v, out, resultsDir);
            TraceReplay.Result r = TraceReplay.replay(ItfJson.read(file));
            return new Recorded(file, r.reproduced() ? null : "the trace " + r.message(), run.seconds());
        } catch (IllegalArgumentException e) {
            return new Recorded(null, "no trace: " + e.getMessage(), run.seconds());
        }
    }

    /**
     * Writes the trace of a recorded JPF output (and the run log and viewer page beside it);
     * returns the trace file.
     *
     * @throws IllegalArgumentException one line, when the output has no usable event log
     */
    public static Path write(Variant v, String jpfOutput, Path resultsDir) throws IOException {
        if (!MempoolModel.PROTOCOL.equals(v.protocol())) {
            return writeSteps(v, jpfOutput, resultsDir);   // every harness but mempool's prints its steps
        }
        ItfTrace trace = ImplementationTraces.fromJpfOutput(v, jpfOutput);
        Path file = CatalogTraces.file(resultsDir, ImplementationTraces.JPF, v.name());
        Files.createDirectories(file.getParent());
        Files.writeString(ImplementationTraces.runLogFile(resultsDir, ImplementationTraces.JPF, v.name()),
                RunLog.lastIn(jpfOutput).toText(), StandardCharsets.UTF_8);
        ItfJson.write(trace, file);
        TraceHtml.write(trace, TraceHtml.pageFor(file));
        return file;
    }

    /**
     * A harness that prints its failed run's steps (StepsText: reserve_tree, net_rx, alloc_policy) as a trace
     * of the model's states along them (ImplementationSteps), with the steps beside it.
     */
    private static Path writeSteps(Variant v, String jpfOutput, Path resultsDir) throws IOException {
        ImplementationSteps.Run run = ImplementationSteps.lastIn(jpfOutput, StepsText.BEGIN, StepsText.END);
        if (run == null) {
            throw new IllegalArgumentException("JPF's output has no steps (the harness prints them only with"
                    + " record=true, when a run fails)");
        }
        ItfTrace trace = ImplementationSteps.toTrace(v, ImplementationTraces.JPF, run, null);
        Path file = CatalogTraces.file(resultsDir, ImplementationTraces.JPF, v.name());
        Files.createDirectories(file.getParent());
        StringBuilder steps = new StringBuilder("verdict ").append(run.verdict()).append('\n');
        for (String s : run.steps()) {
            steps.append(s).append('\n');
        }
        Files.writeString(ImplementationSteps.file(resultsDir, ImplementationTraces.JPF, v.name()), steps.toString(),
                StandardCharsets.UTF_8);
        ItfJson.write(trace, file);
        TraceHtml.write(trace, TraceHtml.pageFor(file));
        return file;
    }
}
