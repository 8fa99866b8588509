package reservecheck.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import reservecheck.tla.TlaValue;

/** Each kind of malformed trace gives one line naming the file and the JSON path of the problem. */
class ItfValidatorTest {
    static final String FILE = "trace.itf.json";

    /** Three states of a two-task pool: p1 allocates, p1 frees. */
    static ItfTrace small() {
        Map<String, Object> meta = TraceMeta.of("explorer", "mempool", "free_stale_curr_nr", "invariant:Conservation",
                "Invariant Conservation is violated.", Map.of("min_nr", 1, "procs", 2, "design", "modern"));
        return new ItfTrace(meta, List.of(), List.of("curr_nr", "pc", "waitq"), List.of(
                state(0, null, null, 1, "idle", "idle"),
                state(1, "mempool_alloc", "p1", 1, "alloc", "idle"),
                state(2, "remove_element", "p1", 0, "hold", "idle")), null);
    }

    static ItfTrace.ItfState state(int i, String action, String task, int curr, String pc1, String pc2) {
        Map<TlaValue, TlaValue> pc = new LinkedHashMap<>();
        pc.put(TlaValue.modelValue("p1"), TlaValue.str(pc1));
        pc.put(TlaValue.modelValue("p2"), TlaValue.str(pc2));
        return new ItfTrace.ItfState(i, action, task, false, Map.of("curr_nr", TlaValue.of(curr),
                "pc", TlaValue.function(pc), "waitq", TlaValue.seqOf()));
    }

    private static ObjectNode tree() {
        return ItfJson.toJson(small());
    }

    private static MalformedTraceException malformed(String json) {
        return assertThrows(MalformedTraceException.class, () -> ItfJson.parse(json, FILE));
    }

    private static MalformedTraceException malformed(Consumer<ObjectNode> change) {
        ObjectNode t = tree();
        change.accept(t);
        return malformed(t.toString());
    }

    private static ObjectNode state(ObjectNode t, int i) {
        return (ObjectNode) t.get("states").get(i);
    }

    private static void assertLine(String expected, MalformedTraceException e) {
        assertEquals(expected, e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void theGoodTraceReads() throws Exception {
        assertEquals(small(), ItfJson.parse(ItfJson.write(small()), FILE));
        ItfValidator.validate(ItfJson.write(small()), FILE);
    }

    @Test
    void missingStates() {
        MalformedTraceException e = malformed(t -> t.remove("states"));
        assertLine("trace.itf.json: $.states: missing", e);
        assertEquals("$.states", e.jsonPath());
    }

    @Test
    void noStatesAtAll() {
        assertLine("trace.itf.json: $.states: a trace has at least one state",
                malformed(t -> t.putArray("states")));
    }

    @Test
    void badBigint() {
        assertLine("trace.itf.json: $.states[0].curr_nr.#bigint: \"1x\" is not an integer",
                malformed(t -> state(t, 0).putObject("curr_nr").put("#bigint", "1x")));
    }

    @Test
    void unknownTag() {
        assertLine("trace.itf.json: $.states[1].pc: unknown tag #foo",
                malformed(t -> state(t, 1).putObject("pc").putArray("#foo").add("x")));
    }

    @Test
    void variableMissingFromAState() {
        assertLine("trace.itf.json: $.states[2].curr_nr: missing", malformed(t -> state(t, 2).remove("curr_nr")));
    }

    @Test
    void notJsonAtAll() {
        MalformedTraceException e = malformed("State 1: <Initial predicate>\n/\\ x = 1\n");
        assertTrue(e.getMessage().startsWith("trace.itf.json: $: not JSON at line 1, column "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertLine("trace.itf.json: $: not JSON: the file is empty", malformed(""));
    }

    @Test
    void truncatedJson() {
        String json = ItfJson.write(small());
        MalformedTraceException e = malformed(json.substring(0, json.length() / 2));
        assertTrue(e.getMessage().startsWith("trace.itf.json: $: not JSON at line "), e.getMessage());
    }

    @Test
    void plainNumber() {
        assertLine("trace.itf.json: $.states[0].curr_nr: the plain number 3 is not an ITF value: integers are"
                + " written {\"#bigint\": \"3\"}", malformed(t -> state(t, 0).put("curr_nr", 3)));
    }

    @Test
    void loopOutOfRange() {
        assertLine("trace.itf.json: $.loop: 7 is out of range 0..2 (the trace has 3 states)",
                malformed(t -> t.put("loop", 7)));
    }

    @Test
    void indicesNotConsecutive() {
        assertLine("trace.itf.json: $.states[1].#meta.index: 5, expected 1 (indices count up from 0)",
                malformed(t -> ((ObjectNode) state(t, 1).get("#meta")).put("index", 5)));
    }

    @Test
    void unknownVariableInAState() {
        assertLine("trace.itf.json: $.states[1].held: not a variable of the trace (vars: curr_nr, pc, waitq)",
                malformed(t -> state(t, 1).put("held", true)));
    }

    @Test
    void metaWithoutViolation() {
        assertLine("trace.itf.json: $.#meta.violation: missing",
                malformed(t -> ((ObjectNode) t.get("#meta")).remove("violation")));
    }

    @Test
    void unknownChecker() {
        MalformedTraceException e = malformed(t -> ((ObjectNode) t.get("#meta")).put("checker", "spin"));
        assertEquals("$.#meta.checker", e.jsonPath());
        assertTrue(e.problem().startsWith("\"spin\" is not one of"), e.problem());
    }

    @Test
    void unknownTopLevelKey() {
        assertLine("trace.itf.json: $.lasso: unknown key (a trace has #meta, params, vars, states and loop)",
                malformed(t -> t.put("lasso", 1)));
    }

    @Test
    void stepWithoutAction() {
        assertLine("trace.itf.json: $.states[2].#meta.action: missing (every state after the first names the step"
                + " that reached it)", malformed(t -> ((ObjectNode) state(t, 2).get("#meta")).remove("action")));
    }

    @Test
    void stutteringOnlyAtTheEndOfALoop() {
        assertLine("trace.itf.json: $.states[1].#meta.stuttering: only the last state can stutter forever",
                malformed(t -> ((ObjectNode) state(t, 1).get("#meta")).put("stuttering", true)));
        assertLine("trace.itf.json: $.states[2].#meta.stuttering: a stuttering last state is a loop: \"loop\" must"
                + " be 2", malformed(t -> ((ObjectNode) state(t, 2).get("#meta")).put("stuttering", true)));
    }

    @Test
    void badMapEntry() {
        MalformedTraceException e = malformed(t -> {
            ArrayNode pairs = state(t, 0).putObject("pc").putArray("#map");
            pairs.addArray().add("p1_OF_TASK");
        });
        assertEquals("$.states[0].pc.#map[0]", e.jsonPath());
    }

    @Test
    void taggedValueWithMoreKeys() {
        assertLine("trace.itf.json: $.states[0].curr_nr: a tagged value (#bigint, #set, #map, #tup) has no other keys",
                malformed(t -> state(t, 0).putObject("curr_nr").put("#bigint", "1").put("x", true)));
    }

    @Test
    void duplicateKey() {
        String json = ItfJson.write(small()).replaceFirst("\"curr_nr\":", "\"curr_nr\":{\"#bigint\":\"1\"},\"curr_nr\":");
        MalformedTraceException e = malformed(json);
        assertTrue(e.getMessage().contains("Duplicate field 'curr_nr'"), e.getMessage());
    }
}
