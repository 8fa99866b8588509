package reservecheck.tlc;

import reservecheck.tla.TlaValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parser against TLC outputs recorded from the specs in src/test/resources/tlc/specs (see
 * record.sh there), and against hand-made framing cases.
 */
class ToolOutputTest {

    static Path resources() {
        try {
            return Path.of(ToolOutputTest.class.getResource("/tlc").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ToolOutput output(String name) {
        return ToolOutput.parse(read(resources().resolve("outputs/" + name + ".out")));
    }

    static int exitCode(String name) {
        return Integer.parseInt(read(resources().resolve("outputs/" + name + ".exit")).strip());
    }

    static TlcConfig cfg(String cfgName) {
        try {
            return TlcConfig.read(resources().resolve("specs/" + cfgName + ".cfg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ToolOutput.Verdict verdict(String name, String cfgName) {
        return output(name).verdict(exitCode(name), cfgName == null ? null : cfg(cfgName));
    }

    // ---- verdicts of every recorded run --------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "||", quoteCharacter = '~', textBlock = """
            Ok || Ok || ok || No error found (3 distinct states)
            TwoLocksNoDeadlock || TwoLocks || ok || No error found (6 distinct states)
            Counter || Counter || invariant:CurrNrBounds || Invariant CurrNrBounds is violated
            InitInv || InitInv || invariant:Positive || Invariant Positive is violated by the initial state
            Values || Values || invariant:NotEmpty || Invariant NotEmpty is violated
            Wide || Wide || invariant:Inv || Invariant Inv is violated by the initial state
            TwoLocks || TwoLocks || deadlock || Deadlock reached
            Printing || Printing || deadlock || Deadlock reached
            Lasso || Lasso || liveness:AllocReturns || Temporal property AllocReturns is violated
            Stutter || Stutter || liveness:Done || Temporal property Done is violated
            TwoProps || TwoProps || liveness:unknown || Temporal properties were violated (one of Bounded, Done)
            SafeProp || SafeProp || invariant:Bounded || Invariant Bounded is violated
            SafePropAction || SafePropAction || liveness:Steps || Action property Steps is violated
            AssertFail || AssertFail || assert || Assert failed: "x got too big" (AssertFail.tla line 5, col 23)
            ParseError || ParseError || error:parse || Parse error in ParseError.tla line 5, col 20: encountered "1", was expecting "==== or more Module body"
            UsesBroken || UsesBroken || error:parse || Parse error in BrokenHelper.tla line 3, col 18: encountered "2", was expecting "==== or more Module body"
            LexError || LexError || error:parse || Lexical error in LexError.tla line 4, col 26: Encountered: "\\n" (10), after : "\\"unterminated"
            SemanticError || SemanticError || error:parse || Semantic error in SemanticError.tla line 5, col 14: Unknown operator: `y'
            Missing || Counter || error:parse || Cannot find source file for module Missing
            UndefinedInv || UndefinedInv || error:config || Configuration error: The invariant NoSuchInvariant specified in the configuration file is not defined in the specification
            FalseInv || FalseInv || error:config || Configuration error: The invariant of Never is equal to FALSE
            NoNext || NoNext || error:config || Configuration error: The next state action Step specified in the configuration file is not defined in the specification
            Unassigned || Unassigned || error:config || Configuration error: The constant parameter N is not assigned a value by the configuration file
            CfgSyntax || CfgSyntax || error:config || Configuration error: TLC found an error in the configuration file at line 3 It was expecting = or <-, but did not find it
            MissingCfg ||  || error:config || Configuration error: TLC encountered the following error when trying to read the configuration file NoSuchFile.cfg: File not found
            AssumeFalse || AssumeFalse || error:assumption || Assumption line 4, col 8 to line 4, col 32 of module AssumeFalse is false
            EvalError || EvalError || error:evaluation || Evaluating invariant Inv failed: Attempted to apply Head to the empty sequence
            EvalField || EvalField || error:evaluation || Attempted to select nonexistent field "b" from the record [a |-> 1] line 6, col 14 to line 6, col 24 of module EvalField
            EvalDiv || EvalDiv || error:evaluation || The second argument of \\div is 0 (EvalDiv.tla line 6, col 14)
            Memory || Memory || inconclusive:out-of-memory || TLC ran out of memory (Java heap space)
            MemoryExit || Memory || inconclusive:out-of-memory || The TLC JVM ran out of memory: Terminating due to java.lang.OutOfMemoryError: Java heap space
            BadOption || Counter || inconclusive:crash || TLC rejected its command line: Error: unrecognized option: -dumpTrace Usage: java tlc2.TLC [-option] inputfile
            """)
    void verdictAndMessage(String name, String cfgName, String verdict, String message) {
        ToolOutput.Verdict v = verdict(name, cfgName);
        assertEquals(verdict, v.verdict(), name);
        assertEquals(message, v.message(), name);
    }

    @Test
    void propertyReportedAsInvariantIsAnInvariantWithOrWithoutTheCfg() {
        // SafeProp.cfg lists []Bounded under PROPERTIES; TLC reports "Invariant Bounded is
        // violated" (2110) and exits 12, so this is an invariant verdict, as TLC says
        assertEquals("invariant:Bounded", verdict("SafeProp", "SafeProp").verdict());
        assertEquals(12, Integer.parseInt(read(resources().resolve("outputs/SafeProp.exit")).strip()));
        assertEquals("invariant:Bounded", verdict("SafeProp", null).verdict());
        // an action property ([][A]_v) is what TLC reports as a temporal violation (exit 13)
        assertEquals("liveness:Steps", verdict("SafePropAction", "SafePropAction").verdict());
        assertEquals("liveness:unknown", verdict("Lasso", null).verdict());
    }

    @Test
    void everyRecordedOutputIsCompletelyFramed() throws IOException {
        try (var files = Files.list(resources().resolve("outputs"))) {
            List<Path> outs = files.filter(p -> p.toString().endsWith(".out")).toList();
            assertTrue(outs.size() >= 30, "recorded outputs: " + outs.size());
            for (Path p : outs) {
                ToolOutput o = ToolOutput.parse(read(p));
                String name = p.getFileName().toString();
                // MemoryExit: the JVM ended TLC without closing anything, but between messages
                assertFalse(o.truncated(), name);
                assertEquals(2262, o.messages().get(0).code(), name + " starts with the version");
                for (String line : o.plainLines()) {
                    assertFalse(line.contains("@!@!@"), name + ": framing left in plain text: " + line);
                }
            }
        }
    }

    // ---- statistics ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ok        | 3  | 4  | 0  | 3
            Counter   | 4  | 4  | 0  | 4
            TwoLocks  | 6  | 8  | 1  | 3
            Lasso     | 3  | 4  | 0  | 3
            Values    | 5  | 5  | 2  | 3
            Memory    | 0  | 0  | 0  | 1
            InitInv   | -1 | -1 | -1 | -1
            ParseError| -1 | -1 | -1 | -1
            """)
    void statistics(String name, long distinct, long generated, long queued, int depth) {
        TlcProgress s = output(name).statistics();
        assertEquals(distinct, s.distinctStates(), name + " distinct");
        assertEquals(generated, s.statesGenerated(), name + " generated");
        assertEquals(queued, s.queued(), name + " queued");
        assertEquals(depth, s.depth(), name + " depth");
        assertTrue(s.seconds() > 0 && s.seconds() < 5, name + " seconds " + s.seconds());
    }

    @Test
    void statisticsFromEachMessage() {
        String text = """
                @!@!@STARTMSG 2190:0 @!@!@
                Finished computing initial states: 7 states generated, with 3 of them distinct at 2026-01-01.
                @!@!@ENDMSG 2190 @!@!@
                """;
        TlcProgress s = ToolOutput.parse(text).statistics();
        assertEquals(3, s.distinctStates());
        assertEquals(7, s.statesGenerated());
        assertEquals(1, s.depth());

        text = """
                @!@!@STARTMSG 2200:0 @!@!@
                Progress(2401) at 2026-11-22 03:09:20: 2,882,401 states generated (46,565,444 s/min), \
                1,442,401 distinct states found (23,302,116 ds/min), 12 states left on queue.
                @!@!@ENDMSG 2200 @!@!@
                @!@!@STARTMSG 2186:0 @!@!@
                Finished in 01h 02min 03s at (2026-11-22 03:09:20)
                @!@!@ENDMSG 2186 @!@!@
                """;
        s = ToolOutput.parse(text).statistics();
        assertEquals(1_442_401, s.distinctStates());
        assertEquals(2_882_401, s.statesGenerated());
        assertEquals(12, s.queued());
        assertEquals(2401, s.depth());
        assertEquals(3723, s.seconds(), 1e-9);
    }

    // ---- counterexamples -----------------------------------------------------------------------

    @Test
    void invariantTrace() {
        List<TraceStep> t = output("Counter").trace();
        assertEquals(4, t.size());
        TraceStep first = t.get(0);
        assertEquals(1, first.index());
        assertEquals("Initial predicate", first.action());
        assertNull(first.location());
        assertEquals("0", first.vars().get("x"));
        TraceStep last = t.get(3);
        assertEquals(4, last.index());
        assertEquals("Incr", last.action());
        assertEquals("line 5, col 9 to line 5, col 27 of module Counter", last.location());
        assertEquals("3", last.vars().get("x"));
        assertFalse(last.stuttering());
        assertNull(last.backToState());
    }

    @Test
    void initialStateViolationCarriesItsState() {
        List<TraceStep> t = output("InitInv").trace();
        assertEquals(1, t.size());
        assertEquals("Initial predicate", t.get(0).action());
        assertEquals("1", t.get(0).vars().get("x"));
    }

    @Test
    void deadlockTraceWithSeveralVariables() {
        List<TraceStep> t = output("TwoLocks").trace();
        assertEquals(3, t.size());
        assertEquals(List.of("owner", "pc"), new ArrayList<>(t.get(2).vars().keySet()));
        assertEquals("take_first", t.get(2).action());
        assertEquals("[a |-> \"p\", b |-> \"q\"]", t.get(2).vars().get("owner"));
        assertEquals(TlaValue.parse("[p |-> 1, q |-> 1]"), TlaValue.parse(t.get(2).vars().get("pc")));
    }

    @Test
    void lassoEndsWithBackToState() {
        List<TraceStep> t = output("Lasso").trace();
        assertEquals(4, t.size());
        TraceStep loop = t.get(3);
        assertEquals(4, loop.index());
        assertEquals(2, loop.backToState());
        assertEquals("step", loop.action());
        assertEquals("line 6, col 9 to line 6, col 39 of module Lasso", loop.location());
        assertTrue(loop.vars().isEmpty());
        assertFalse(loop.stuttering());
        assertTrue(loop.isMarker());
        assertFalse(t.get(2).isMarker());
    }

    @Test
    void stutteringEndsTheTrace() {
        List<TraceStep> t = output("Stutter").trace();
        assertEquals(3, t.size());
        assertEquals("1", t.get(1).vars().get("x"));
        TraceStep s = t.get(2);
        assertEquals(3, s.index());
        assertTrue(s.stuttering());
        assertTrue(s.isMarker());
        assertNull(s.action());
        assertNull(s.backToState());
        assertTrue(s.vars().isEmpty());
    }

    @Test
    void richValuesParse() {
        List<TraceStep> t = output("Values").trace();
        assertEquals(3, t.size());
        TraceStep s = t.get(1);
        assertEquals("mempool_alloc", s.action());
        assertEquals(List.of("state", "pool", "waiting", "big", "flags", "log"), new ArrayList<>(s.vars().keySet()));
        TlaValue pool = s.value("pool");
        assertEquals(1L, ((TlaValue.RecordValue) pool).get("curr_nr").asLong());
        assertEquals(TlaValue.setOf(TlaValue.modelValue("p1")), ((TlaValue.RecordValue) pool).get("owners"));
        TlaValue waiting = TlaValue.parse(s.vars().get("waiting"));
        assertEquals(TlaValue.of(1), ((TlaValue.FunctionValue) waiting).apply(TlaValue.modelValue("p1")));
        assertEquals(-2000000001L, TlaValue.parse(s.vars().get("big")).asLong());
        assertEquals(TlaValue.setOf(), TlaValue.parse(s.vars().get("flags")));
        TlaValue log = TlaValue.parse(s.vars().get("log"));
        assertEquals("<<[seq |-> <<1, <<2, {}>>>>, what |-> \"alloc \\\"quoted\\\"\", who |-> p1]>>", log.toString());
        assertEquals("alloc \"quoted\"", ((TlaValue.RecordValue) log.asSeq().get(0)).get("what").asString());
        // every value of every recorded trace parses
        for (String name : List.of("Counter", "InitInv", "TwoLocks", "Lasso", "Stutter", "Values", "Wide",
                "AssertFail", "EvalError", "Printing", "SafeProp", "SafePropAction")) {
            for (TraceStep step : output(name).trace()) {
                assertEquals(step.vars().keySet(), step.values().keySet(), name);
            }
        }
    }

    @Test
    void valuesTlcBreaksOverSeveralLines() {
        TraceStep s = output("Wide").trace().get(0);
        assertEquals(List.of("f", "r", "s"), new ArrayList<>(s.vars().keySet()));
        assertTrue(s.vars().get("f").contains("\n"), "kept as TLC printed it");
        TlaValue f = TlaValue.parse(s.vars().get("f"));
        assertEquals(12, f.asSeq().size());
        assertEquals(TlaValue.parse("[a |-> 12, b |-> {12, 13}, name |-> \"element number\"]"), f.asSeq().get(11));
        assertEquals(15, TlaValue.parse(s.vars().get("s")).asSet().size());
        assertEquals("[alpha |-> \"alpha\", beta |-> \"beta\", gamma |-> \"gamma\"]", s.vars().get("r"));
    }

    @Test
    void printOutputStaysOutOfTheTrace() {
        ToolOutput o = output("Printing");
        assertTrue(o.plainLines().contains("<<\"at\", 0>>  TRUE"), o.plainLines().toString());
        List<TraceStep> t = o.trace();
        assertEquals(3, t.size());
        assertEquals("2", t.get(2).vars().get("x"));
    }

    @Test
    void noTraceWithoutViolation() {
        assertTrue(output("Ok").trace().isEmpty());
        assertTrue(output("ParseError").trace().isEmpty());
    }

    // ---- framing -----------------------------------------------------------------------------------

    @Nested
    class Framing {

        @Test
        void nestedMessageStartingMidLine() {
            ToolOutput o = output("CfgSyntax");
            ToolOutput.Message outer = o.first(1000).orElseThrow();
            assertEquals(1, outer.severity());
            assertTrue(outer.body().endsWith("The exception was a tlc2.tool.ConfigFileException\n:"), outer.body());
            assertEquals(1, outer.nested().size());
            ToolOutput.Message inner = outer.nested().get(0);
            assertEquals(5006, inner.code());
            assertEquals(0, inner.severity());
            assertEquals("TLC found an error in the configuration file at line 3\n"
                    + "It was expecting = or <-, but did not find it.", inner.body());
            assertTrue(outer.fullText().endsWith(inner.body()));
            // top level holds the outer message only; allMessages has both, outer first
            assertFalse(o.messages().contains(inner));
            List<ToolOutput.Message> all = o.allMessages();
            assertEquals(all.indexOf(outer) + 1, all.indexOf(inner));
        }

        @Test
        void messagesAreReportedWhenComplete() {
            List<Integer> seen = new ArrayList<>();
            ToolOutput.Reader r = new ToolOutput.Reader(m -> seen.add(m.code()));
            r.line("@!@!@STARTMSG 1000:1 @!@!@");
            r.line("outer : @!@!@STARTMSG 5006:0 @!@!@inner text");
            assertEquals(List.of(), seen);
            r.line("@!@!@ENDMSG 5006 @!@!@");
            assertEquals(List.of(5006), seen);
            r.line("@!@!@ENDMSG 1000 @!@!@");
            assertEquals(List.of(5006, 1000), seen);
            ToolOutput o = r.finish();
            assertEquals("outer :", o.messages().get(0).body());
            assertEquals("inner text", o.messages().get(0).nested().get(0).body());
        }

        @Test
        void markersInsideOneLine() {
            ToolOutput o = ToolOutput.parse(
                    "@!@!@STARTMSG 2185:0 @!@!@Starting...@!@!@ENDMSG 2185 @!@!@ tail\r\nplain\r\n");
            assertEquals("Starting...", o.messages().get(0).body());
            assertEquals(List.of(" tail", "plain"), o.plainLines());
        }

        @Test
        void truncatedOutputClosesOpenMessages() {
            ToolOutput o = ToolOutput.parse("""
                    @!@!@STARTMSG 2217:4 @!@!@
                    1: <Initial predicate>
                    /\\ x = 0
                    /\\ y = <<1,""");
            assertTrue(o.truncated());
            assertEquals(2217, o.messages().get(0).code());
            assertEquals("<<1,", o.trace().get(0).vars().get("y"));
        }

        @Test
        void unmatchedEndMarkerIsText() {
            ToolOutput o = ToolOutput.parse("@!@!@ENDMSG 2185 @!@!@\n");
            assertTrue(o.messages().isEmpty());
            assertEquals(List.of("@!@!@ENDMSG 2185 @!@!@"), o.plainLines());
        }

        @Test
        void endMarkerOfAnOuterMessageClosesTheInnerOnesToo() {
            ToolOutput o = ToolOutput.parse("""
                    @!@!@STARTMSG 1000:1 @!@!@
                    a
                    @!@!@STARTMSG 2184:0 @!@!@
                    b
                    @!@!@ENDMSG 1000 @!@!@
                    """);
            assertFalse(o.truncated());
            assertEquals(1, o.messages().size());
            assertEquals("b", o.messages().get(0).nested().get(0).body());
        }
    }

    // ---- verdicts of hand-made outputs -----------------------------------------------------------

    @Test
    void exitCodeDecidesWhenMessagesDoNot() {
        ToolOutput empty = ToolOutput.parse("");
        assertEquals("inconclusive:crash", empty.verdict(0, null).verdict());
        assertEquals("inconclusive:crash", empty.verdict(137, null).verdict());
        assertEquals("TLC was killed by signal 9", empty.verdict(137, null).message());
        assertEquals("error:parse", empty.verdict(150, null).verdict());
        assertEquals("error:config", empty.verdict(151, null).verdict());
        assertEquals("error:assumption", empty.verdict(10, null).verdict());
        assertEquals("error:evaluation", empty.verdict(75, null).verdict());
        assertEquals("inconclusive:out-of-memory", empty.verdict(3, null).verdict());
    }

    @Test
    void uncaughtExceptionIsACrash() {
        ToolOutput o = ToolOutput.parse("""
                @!@!@STARTMSG 2262:0 @!@!@
                TLC2 Version 2.18 of 20 March 2023
                @!@!@ENDMSG 2262 @!@!@
                Exception in thread "main" java.lang.NullPointerException: boom
                \tat tlc2.TLC.process(TLC.java:1064)
                \tat tlc2.TLC.main(TLC.java:290)
                """);
        ToolOutput.Verdict v = o.verdict(1, null);
        assertEquals("inconclusive:crash", v.verdict());
        assertEquals("TLC crashed: Exception in thread \"main\" java.lang.NullPointerException: boom", v.message());
    }

    @Test
    void unexpectedExceptionWithoutEvaluationContextIsACrash() {
        ToolOutput o = ToolOutput.parse("""
                @!@!@STARTMSG 1000:1 @!@!@
                TLC threw an unexpected exception.
                This was probably caused by an error in the spec or model.
                See the User Output or TLC Console for clues to what happened.
                The exception was a java.lang.NullPointerException
                @!@!@ENDMSG 1000 @!@!@
                """);
        ToolOutput.Verdict v = o.verdict(255, null);
        assertEquals("inconclusive:crash", v.verdict());
        assertEquals("TLC crashed: java.lang.NullPointerException", v.message());
    }

    @Test
    void exitCodeThatDisagreesIsNoted() {
        ToolOutput.Verdict v = output("Counter").verdict(0, null);
        assertEquals("invariant:CurrNrBounds", v.verdict());
        assertEquals("Invariant CurrNrBounds is violated (TLC exit code 0)", v.message());
    }

    @Test
    void violationInAStringDoesNotLookLikeOutOfMemory() {
        ToolOutput o = ToolOutput.parse("""
                @!@!@STARTMSG 2114:1 @!@!@
                Deadlock reached.
                @!@!@ENDMSG 2114 @!@!@
                @!@!@STARTMSG 2217:4 @!@!@
                1: <Initial predicate>
                x = "Java heap space"
                @!@!@ENDMSG 2217 @!@!@
                """);
        assertEquals("deadlock", o.verdict(11, null).verdict());
    }

    @Test
    void oneLine() {
        assertEquals("a b c", ToolOutput.oneLine("  a\n  b\t c.\n"));
        assertEquals("0..2", ToolOutput.oneLine("0..2"));
        assertEquals(300, ToolOutput.oneLine("x".repeat(1000)).length());
    }
}
