package reservecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reservecheck.cli.CliHarness.assertOneLineError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Variant;
import reservecheck.jpf.JpfTraces;
import reservecheck.tla.TlaValue;
import reservecheck.traces.CatalogTraces;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;

/**
 * {@code reservecheck trace show|validate|replay|junit} on the explorer's traces of the mempool
 * bugs, on altered traces (which must not reproduce) and on malformed files (exit 9, one line
 * with the JSON path).
 */
class CliTraceTest {

    @TempDir
    Path tmp;

    static Stream<Variant> bugs() throws Exception {
        return CatalogLoader.loadAllowingMissingSpecs(CliHarness.repositoryRoot()).variants().stream()
                .filter(v -> v.protocol().equals("mempool") && v.kind() == Kind.BUG
                        && v.expectedVerdict("explorer").isPresent());
    }

    private static Variant bug(String name) throws Exception {
        return bugs().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    /** The variant's explorer trace written as results/traces/explorer/NAME.itf.json under tmp. */
    private Path traceFile(Variant v) throws Exception {
        Path f = CatalogTraces.file(tmp.resolve("results"), "explorer", v.name());
        ItfJson.write(CatalogTraces.explore(v, null).trace(), f);
        return f;
    }

    private CliHarness.Run trace(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "trace";
        System.arraycopy(args, 0, all, 1, args.length);
        // the repository's catalog (replay judges a trace against the variant it names), files in tmp
        return CliHarness.run(CliHarness.repositoryRoot(), CliBadInputTest.MUST_NOT_RUN, tmp, all);
    }

    private String rel(Path p) {
        return tmp.relativize(p).toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void replayReproducesEveryBugsTrace(Variant v) throws Exception {
        String f = rel(traceFile(v));
        CliHarness.Run r = trace("replay", f);
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        assertTrue(r.out().startsWith(f + ": reproduces " + v.expectedVerdict("explorer").orElseThrow() + ": "),
                r.out());
        assertEquals(1, r.out().lines().count(), r.out());
        assertEquals("", r.err());
    }

    /**
     * A JPF trace (from recorded output of zero_min_lost_wakeup's recording re-run) replays on
     * the model and on the implementation in its step order; cut short, the implementation does
     * not stop where the trace says it hangs.
     */
    @Test
    void anImplementationTraceReplaysOnTheImplementationToo() throws Exception {
        String out;
        try (var in = CliTraceTest.class.getResourceAsStream("/jpf/record-liveness.out")) {
            out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Variant v = bug("zero_min_lost_wakeup").forChecker("jpf");
        String f = rel(JpfTraces.write(v, out, tmp.resolve("results")));
        CliHarness.Run r = trace("replay", f);
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith(f + ": reproduces liveness:AllocReturns: 8 steps"), lines.get(0));
        assertEquals(f + ": reproduces liveness:AllocReturns on the implementation: 8 steps in the trace's order,"
                + " then every unfinished task sleeps with nobody to wake it", lines.get(1));

        ItfTrace t = ItfJson.read(tmp.resolve(f));
        ItfTrace cut = new ItfTrace(t.meta(), t.params(), t.vars(), t.states().subList(0, 8), null);
        ItfJson.write(cut, tmp.resolve("cut.itf.json"));
        CliHarness.Run c = trace("replay", "cut.itf.json");
        assertEquals(ExitCodes.MISMATCH, c.code(), c.out());
        assertTrue(c.out().lines().toList().get(1).startsWith("cut.itf.json: does not reproduce on the implementation: "),
                c.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void replayFailsOnAnAlteredTrace(Variant v) throws Exception {
        Path f = traceFile(v);
        ItfTrace t = ItfJson.read(f);
        // change a value in the middle of the trace
        int i = t.states().size() / 2;
        ItfTrace.ItfState s = t.states().get(i);
        Map<String, TlaValue> values = new HashMap<>(s.values());
        values.put("free_pages", TlaValue.of(values.get("free_pages").asLong() + 3));
        List<ItfTrace.ItfState> states = new ArrayList<>(t.states());
        states.set(i, new ItfTrace.ItfState(i, s.action(), s.task(), s.stuttering(), values));
        Path altered = tmp.resolve("altered.itf.json");
        ItfJson.write(new ItfTrace(t.meta(), t.params(), t.vars(), states, t.loop()), altered);
        // a state the model does not reach: not a behaviour of the variant (exit 9), not merely unreproduced
        CliHarness.Run r = trace("replay", "altered.itf.json");
        assertOneLineError(r, ExitCodes.MALFORMED_TRACE, null);
        assertTrue(r.err().startsWith("reservecheck: altered.itf.json: does not fit " + v.name() + " (mempool): state "
                + i + " after " + s.action() + "(" + s.task() + "): free_pages is "), r.err());
    }

    @Test
    void replayFailsWithAStepRemoved() throws Exception {
        Path f = traceFile(bug("free_stale_curr_nr"));
        String json = Files.readString(f);
        List<String> lines = new ArrayList<>(json.lines().toList());
        // one state per line: drop the last state and end the states array on the one before
        int last = lines.indexOf("  ]") - 1;
        lines.remove(last);
        lines.set(last - 1, lines.get(last - 1).replaceAll(",$", ""));
        Files.write(f, lines);
        CliHarness.Run r = trace("replay", rel(f));
        assertEquals(ExitCodes.MISMATCH, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("does not reproduce: Conservation holds in the last state"), r.out());
    }

    @Test
    void htmlWritesASelfContainedPageBesideTheTrace() throws Exception {
        Path f = traceFile(bug("free_stale_curr_nr"));
        CliHarness.Run r = trace("html", rel(f));
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Path page = f.resolveSibling(f.getFileName().toString().replace(".itf.json", ".html"));
        String html = Files.readString(page);
        assertTrue(html.contains("free_stale_curr_nr") && html.contains("mempool_free"), "page of the trace");
        assertFalse(html.contains("http://") || html.contains("https://"), "no network");
    }

    @Test
    void validateAcceptsAGoodTrace() throws Exception {
        String f = rel(traceFile(bug("gfp_nowait_keeps_io")));
        CliHarness.Run r = trace("validate", f);
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(f + ": well-formed: explorer trace of gfp_nowait_keeps_io (mempool), deadlock, 6 steps\n", r.out());
    }

    private CliHarness.Run malformed(String command, String json) throws Exception {
        Files.writeString(tmp.resolve("trace.itf.json"), json);
        return trace(command, "trace.itf.json");
    }

    private String good() throws Exception {
        return Files.readString(traceFile(bug("free_stale_curr_nr")));
    }

    @Test
    void malformedTracesAreExitNineWithTheJsonPath() throws Exception {
        String good = good();
        for (String command : List.of("validate", "replay", "show", "junit")) {
            assertOneLineError(malformed(command, good.replace("\"states\"", "\"stages\"")), ExitCodes.MALFORMED_TRACE,
                    "reservecheck: trace.itf.json: $.states: missing");
        }
        assertOneLineError(malformed("validate", good.replaceFirst("\\{\"#bigint\":\"1\"}", "{\"#bigint\":\"1x\"}")),
                ExitCodes.MALFORMED_TRACE, "reservecheck: trace.itf.json: $.states[0].curr_nr.#bigint: \"1x\" is not an integer");
        assertOneLineError(malformed("validate", good.replaceFirst("\"waitq\":\\[]", "\"waitq\":{\"#foo\":[]}")),
                ExitCodes.MALFORMED_TRACE, "reservecheck: trace.itf.json: $.states[0].waitq: unknown tag #foo");
        String[] lines = good.split("\n");
        int one = 0;
        while (!lines[one].contains("{\"#meta\":{\"index\":1,")) {
            one++;
        }
        lines[one] = lines[one].replaceFirst("\"curr_nr\":\\{\"#bigint\":\"[0-9]+\"},", "");
        assertOneLineError(malformed("replay", String.join("\n", lines)), ExitCodes.MALFORMED_TRACE,
                "reservecheck: trace.itf.json: $.states[1].curr_nr: missing");
        CliHarness.Run notJson = malformed("replay", "State 1: <Initial predicate>\n");
        assertOneLineError(notJson, ExitCodes.MALFORMED_TRACE, null);
        assertTrue(notJson.err().startsWith("reservecheck: trace.itf.json: $: not JSON at line 1, column "),
                notJson.err());
    }

    @Test
    void aDirectoryOrABinaryFileIsAMalformedTrace() throws Exception {
        Files.createDirectories(tmp.resolve("folder.itf.json"));
        assertOneLineError(trace("replay", "folder.itf.json"), ExitCodes.MALFORMED_TRACE,
                "reservecheck: folder.itf.json: a directory, not a trace file");
        Files.write(tmp.resolve("binary.itf.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertOneLineError(trace("validate", "binary.itf.json"), ExitCodes.MALFORMED_TRACE,
                "reservecheck: binary.itf.json: $: not UTF-8 text (a binary file?)");
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertOneLineError(trace("show", "nope.itf.json"), ExitCodes.USAGE, "reservecheck: nope.itf.json: no such file");
        assertOneLineError(trace(), ExitCodes.USAGE,
                "reservecheck: missing a trace command: show, html, validate, replay or junit (see 'reservecheck trace --help')");
    }

    @Test
    void showHasTheActionsAndTheLoop() throws Exception {
        Path f = traceFile(bug("md_hold_and_wait"));
        ItfTrace t = ItfJson.read(f);
        CliHarness.Run r = trace("show", rel(f));
        assertEquals(ExitCodes.OK, r.code(), r.err());
        for (ItfTrace.ItfState s : t.states().subList(1, t.states().size())) {
            assertTrue(r.out().contains("step " + s.index() + ": " + s.action() + "(" + s.task() + ")"), r.out());
        }
        assertTrue(r.out().contains("=> loops back to state " + t.loop()), r.out());
        assertTrue(r.out().contains("  > p1  pc="), r.out());
        assertFalse(r.out().contains("\u001b["), "no colour when stdout is not a terminal");
        CliHarness.Run colour = trace("show", "--color", "always", rel(f));
        assertTrue(colour.out().contains("\u001b["), colour.out());
    }

    @Test
    void showMarksStuttering() throws Exception {
        Path f = traceFile(bug("first_round_sleeps"));
        CliHarness.Run r = trace("show", rel(f));
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("~ stuttering: the behaviour stays in state"), r.out());
    }

    @Test
    void junitWritesATestIntoThePackageOfItsFolder() throws Exception {
        String f = rel(traceFile(bug("free_stale_curr_nr")));
        Path dir = tmp.resolve("src/test/java/a/b");
        CliHarness.Run r = trace("junit", f, "-o", "src/test/java/a/b", "--resource", "/traces/x.itf.json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Path java = dir.resolve("FreeStaleCurrNrExplorerTraceTest.java");
        String src = Files.readString(java);
        assertTrue(src.startsWith("package a.b;\n"), src);
        assertTrue(src.contains("ItfJson.readResource(FreeStaleCurrNrExplorerTraceTest.class, TRACE)"), src);
        assertTrue(r.out().startsWith(java + " (package a.b): replays " + f + ", which reproduces"), r.out());

        CliHarness.Run embedded = trace("junit", f, "-o", "out");
        assertEquals(ExitCodes.OK, embedded.code(), embedded.err());
        String e = Files.readString(tmp.resolve("out/FreeStaleCurrNrExplorerTraceTest.java"));
        assertTrue(e.startsWith("import static"), "default package\n" + e);
        assertTrue(e.contains("static final String TRACE_JSON = \"\"\""), e);
    }

    @Test
    void junitRefusesATraceThatDoesNotReproduce() throws Exception {
        Path f = traceFile(bug("gfp_nowait_keeps_io"));
        Files.writeString(f, Files.readString(f).replace("\"violation\":\"deadlock\"",
                "\"violation\":\"invariant:TypeOK\""));
        CliHarness.Run r = trace("junit", rel(f), "-o", "out");
        assertOneLineError(r, ExitCodes.MISMATCH, null);
        assertTrue(r.err().contains("does not reproduce: TypeOK holds in the last state"), r.err());
        assertTrue(r.err().endsWith("; no test written\n"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
