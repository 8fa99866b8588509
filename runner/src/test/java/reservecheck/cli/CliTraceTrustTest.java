package reservecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reservecheck.cli.CliHarness.assertOneLineError;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Variant;
import reservecheck.traces.CatalogTraces;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceMeta;

/**
 * {@code trace replay} judges a trace against the catalog variant it names, never against what its
 * {@code #meta} claims: relabelled to another variant, protocol or parameters it does not fit
 * (exit 9, the first state or step named), an unknown variant is exit 3, and a trace of a
 * {@code check --set} run replays at the overrides it records.
 */
class CliTraceTrustTest {

    private static final String BUG = "free_stale_curr_nr";

    @TempDir
    Path tmp;

    private static Path root() {
        return CliHarness.repositoryRoot();
    }

    private CliHarness.Run replay(String file) {
        return CliHarness.run(root(), CliBadInputTest.MUST_NOT_RUN, tmp, "trace", "replay", file);
    }

    private static Variant bug;
    private static ItfTrace bugTrace;

    /** The bug as the catalog has it, and its explorer trace (found once: 5 states). */
    @BeforeAll
    static void explore() throws Exception {
        bug = CatalogLoader.loadAllowingMissingSpecs(root()).variant(BUG).orElseThrow();
        bugTrace = CatalogTraces.explore(bug, null).trace();
    }

    /** The bug's explorer trace with one meta entry changed, written as NAME in tmp. */
    private String relabelled(String name, String key, Object value) throws Exception {
        ItfTrace t = bugTrace;
        ItfJson.write(new ItfTrace(TraceMeta.with(t.meta(), key, value), t.params(), t.vars(), t.states(), t.loop()),
                tmp.resolve(name));
        return name;
    }

    @Test
    void aBugsTraceRelabelledAsTheDesignDoesNotFitIt() throws Exception {
        CliHarness.Run r = replay(relabelled("modern.itf.json", TraceMeta.VARIANT, "mempool_modern"));
        assertOneLineError(r, ExitCodes.MALFORMED_TRACE, null);
        assertTrue(r.err().startsWith("reservecheck: modern.itf.json: does not fit mempool_modern (mempool): state 0 is"
                + " not an initial state of the model: "), r.err());
        assertTrue(r.err().contains("(the trace's parameters are not the variant's: min_nr=1 (variant: 2), "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aVariantTheCatalogDoesNotHaveIsExitThree() throws Exception {
        assertOneLineError(replay(relabelled("nosuch.itf.json", TraceMeta.VARIANT, "nosuch")), ExitCodes.UNKNOWN_NAME,
                "reservecheck: nosuch.itf.json: the trace is of variant nosuch, which the catalog does not have");
    }

    @Test
    void relabelledToTheOtherProtocolIsExitNine() throws Exception {
        assertOneLineError(replay(relabelled("tree.itf.json", TraceMeta.PROTOCOL, "reserve_tree")),
                ExitCodes.MALFORMED_TRACE, "reservecheck: tree.itf.json: does not fit " + BUG + " (mempool): the trace"
                        + " says protocol reserve_tree, but " + BUG + " is of mempool");
    }

    /** The steps are the variant's, but its recorded parameters are edited: still no evidence of the claim. */
    @Test
    void editedParametersDoNotFit() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>(bug.parameters());
        params.put("free_reads_stale", false);
        assertOneLineError(replay(relabelled("edited.itf.json", TraceMeta.PARAMETERS, params)), ExitCodes.MALFORMED_TRACE,
                "reservecheck: edited.itf.json: does not fit " + BUG + " (mempool): its steps are the model's, but its"
                        + " parameters are not the variant's: free_reads_stale=false (variant: true)");
    }

    /** check --set records its overrides in the trace; replay applies them, and without them the trace does not fit. */
    @Test
    void aTraceOfAnOverriddenCheckReplaysAtItsOverrides() throws Exception {
        CliHarness.Run c = CliHarness.run(root(), CliBadInputTest.MUST_NOT_RUN, tmp, "check", "--checker", "explorer",
                "--variant", BUG, "--set", "procs=2", "--results", tmp.resolve("results/results.json").toString(),
                "--work", tmp.resolve("work").toString());
        assertEquals(ExitCodes.OK, c.code(), c.err() + c.out());
        Path f = CatalogTraces.file(tmp.resolve("results"), "explorer", BUG);
        ItfTrace t = ItfJson.read(f);
        assertEquals(Map.of("procs", "2"), TraceMeta.overrides(t));
        CliHarness.Run r = replay(tmp.relativize(f).toString());
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        assertTrue(r.out().contains(": reproduces invariant:Conservation: "), r.out());

        ItfJson.write(new ItfTrace(TraceMeta.with(t.meta(), TraceMeta.OVERRIDES, null), t.params(), t.vars(), t.states(),
                t.loop()), tmp.resolve("bare.itf.json"));
        CliHarness.Run bare = replay("bare.itf.json");
        assertOneLineError(bare, ExitCodes.MALFORMED_TRACE, null);
        assertTrue(bare.err().startsWith("reservecheck: bare.itf.json: does not fit " + BUG + " (mempool): state 0 is not"
                + " an initial state of the model: "), bare.err());
    }
}
