package reservecheck.impl.common;

import java.util.List;

import reservecheck.catalog.Variant;
import reservecheck.models.lts.Model;

/**
 * What {@link RecordedLincheckTest} needs of a protocol whose harness records every step with
 * the state after it as int words (net_rx, alloc_policy): how its arguments are parsed, the
 * run body, how a record decodes to the event log the model replays, and how the loop of a
 * revisited state is judged.  Everything else of the Lincheck checker is the same for them.
 *
 * @param <C> the harness's parsed arguments
 * @param <L> its decoded event log
 * @param <S> the model's state
 */
public interface RecordedHarness<C, L extends ReplaySource, S> {
    String protocol();

    /** The harness arguments the run passes besides the entry's parameters (its checks). */
    default String[] args(Variant v, String... extra) {
        return ProtocolEntries.harnessArgs(v, List.of(
                "invariants=" + String.join(",", v.checks().invariants()),
                "properties=" + String.join(",", v.checks().properties())), extra);
    }

    C parse(String[] args);

    /** One run; a thread's failure is rethrown from this thread (the body of a Lincheck test). */
    void check(C config, RunSink<int[]> sink);

    L decode(C config, int[] record);

    Model<S> model(C config);

    /** The log as text, for the message of a failing run. */
    String text(L log);

    /** The verdict of the loop from step {@code from} of a stopped run's record, or null if not weakly fair. */
    String judgeLoop(C config, int[] record, int from);
}
