package reservecheck.traces.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.tla.TlaValue;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.ItfTrace.ItfState;
import reservecheck.traces.TraceMeta;

class TraceHtmlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = TraceHtml.render(MempoolTraces.zeroMinLostWakeup());

    @Test
    void theElementsTheViewerAndItsTestsRelyOnArePresent() {
        for (String id : List.of("title", "checker", "violation", "description", "params", "controls", "first", "prev",
                "next", "last", "step-index", "step-count", "slider", "action", "task", "step-flags", "steps", "diff",
                "diff-note", "state", "timeline", "lanes", "plot", "pc-legend", "trace-data")) {
            assertTrue(PAGE.contains("id=\"" + id + "\""), "#" + id);
        }
        assertTrue(PAGE.contains("<input type=\"range\" id=\"slider\" min=\"0\" max=\"8\" value=\"0\""), "slider over 0..8");
        assertTrue(PAGE.contains("<span id=\"step-count\">8</span>"));
    }

    @Test
    void theTitleNamesProtocolVariantCheckerAndViolation() {
        assertTrue(PAGE.contains("<title>mempool / zero_min_lost_wakeup \u2014 tlc: liveness:AllocReturns</title>"));
        assertTrue(PAGE.contains("<span id=\"variant\">zero_min_lost_wakeup</span>"));
        assertTrue(PAGE.contains("class=\"badge bad\" id=\"violation\" title=\"verdict\">liveness:AllocReturns<"));
        assertTrue(PAGE.contains("<tr data-param=\"zero_min_refill\"><th>zero_min_refill</th><td>false</td></tr>"));
    }

    @Test
    void theTraceIsEmbeddedAsJson() throws IOException {
        JsonNode data = embedded(PAGE);
        assertEquals("zero_min_lost_wakeup", data.get("meta").get("variant").asText());
        assertEquals("p2", data.get("meta").get("task").asText());
        assertEquals(9, data.get("steps").size());
        JsonNode s2 = data.get("steps").get(2);
        assertEquals("pool_alloc", s2.get("action").asText());
        assertEquals("p1", s2.get("task").asText());
        assertEquals(List.of("free_pages", "pc[p1]", "held[p1]"), labels(s2.get("changes")));
        assertEquals("\"hold\"", s2.get("changes").get(1).get("after").asText());
        assertEquals("hold", s2.get("lanes").get("p1").get("pc").asText());
        assertTrue(s2.get("lanes").get("p1").get("acted").asBoolean());
        assertEquals("1", s2.get("lanes").get("p1").get("vars").get("held").asText());
        assertEquals("<<>>", s2.get("values").get("waitq").get("text").asText());
        assertEquals("p2", s2.get("values").get("pc").get("entries").get(1).get(0).asText());
        assertEquals(12, data.get("series").size());
        JsonNode free = data.get("series").get(1);
        assertEquals("free_pages", free.get("name").asText());
        assertEquals("[1,1,0,0,0,0,0,0,1]", free.get("values").toString());
    }

    @Test
    void thePageFetchesNothingAndNamesNoAddress() {
        // the trace's meta carries the ITF documentation address; the page leaves it out
        assertTrue(MempoolTraces.zeroMinLostWakeup().meta().get(TraceMeta.FORMAT_DESCRIPTION).toString().startsWith("https://"));
        assertFalse(Pattern.compile("https?://|//[a-z]", Pattern.CASE_INSENSITIVE).matcher(PAGE).find());
        for (String external : List.of(" src=", "<link", "@import", "url(", "<iframe", "fetch(", "XMLHttpRequest", "<img")) {
            assertFalse(PAGE.contains(external), external);
        }
    }

    @Test
    void valuesCannotBreakOutOfThePage() throws IOException {
        String evil = "</script><script>alert(1)</script><!--";
        ItfTrace t = new ItfTrace(Map.of("protocol", "p<b>", "variant", "v\"&", "checker", "explorer",
                "violation", "deadlock", "description", "<img src=x onerror=alert(2)>"), List.of(), List.of("s"),
                List.of(new ItfState(0, null, null, false, Map.of("s", TlaValue.str(evil))),
                        new ItfState(1, "a</script>", "t", false, Map.of("s", TlaValue.str("ok")))), null);
        String page = TraceHtml.render(t);
        assertFalse(page.contains("alert(1)</script>"));
        assertFalse(page.contains("<img"));
        assertTrue(page.contains("<span id=\"protocol\">p&lt;b&gt;</span>"));
        assertTrue(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
        JsonNode data = embedded(page);
        assertEquals(TlaValue.str(evil).toString(), data.get("steps").get(0).get("values").get("s").get("text").asText());
        assertEquals("a</script>", data.get("steps").get(1).get("action").asText());
    }

    @Test
    void aLassoMarksItsLoopStepsInTheData() throws IOException {
        JsonNode data = embedded(TraceHtml.render(MempoolTraces.sameBiosetLasso()));
        assertEquals(5, data.get("loop").asInt());
        List<Integer> inLoop = new ArrayList<>();
        data.get("steps").forEach(s -> {
            if (s.get("loop").asBoolean()) {
                inLoop.add(s.get("index").asInt());
            }
        });
        assertEquals(List.of(5, 6, 7), inLoop);
        assertEquals("io_schedule_timeout", data.get("meta").get("loop_action").asText());
    }

    @Test
    void stutteringIsMarkedOnItsStateAndIsNoLoop() throws IOException {
        JsonNode data = embedded(PAGE);
        assertTrue(data.get("loop").isNull());
        assertTrue(data.get("steps").get(8).get("stuttering").asBoolean());
        assertFalse(data.get("steps").get(8).get("loop").asBoolean());
        assertFalse(data.get("steps").get(7).get("stuttering").asBoolean());
    }

    @Test
    void writeReadsAnItfFileAndWritesThePageBesideIt(@TempDir Path dir) throws IOException {
        Path itf = dir.resolve("traces/tlc/zero_min_lost_wakeup.itf.json");
        ItfJson.write(MempoolTraces.zeroMinLostWakeup(), itf);
        Path out = TraceHtml.pageFor(itf);
        assertEquals(dir.resolve("traces/tlc/zero_min_lost_wakeup.html"), out);
        TraceHtml.write(itf, out);
        String page = Files.readString(out);
        assertEquals(9, embedded(page).get("steps").size());
        assertEquals(PAGE, page, "the page of the file is the page of the trace");
    }

    @Test
    void aLivenessPageShowsThePropertyTheFairnessAndWhereItStutters() {
        assertTrue(PAGE.contains("<section id=\"violated\" data-step=\"8\">"), "the failure is at the stuttering step");
        assertTrue(PAGE.contains("The temporal property <b class=\"property\">AllocReturns</b> (<code id=\"definition-where\">"
                + "specs/mempool/Mempool.tla:462</code>) fails on a behaviour that stutters at "
                + "<a class=\"step-link\" href=\"#step-8\">step 8</a> for ever."), PAGE);
        assertTrue(PAGE.contains("<pre class=\"tla\" id=\"definition\">AllocReturns == \\A t \\in Tasks : InAlloc(t) ~&gt; ~InAlloc(t)</pre>"));
        assertTrue(PAGE.contains("<pre class=\"tla comment\">(* Liveness: every mempool_alloc returns, under the fairness in Spec. *)</pre>"));
        assertTrue(PAGE.contains("<h3>Fairness assumed (in <code>Spec</code>)</h3><ul id=\"fairness\">"
                + "<li><code>\\A t \\in Tasks : WF_vars(TaskProgress(t))</code></li></ul>"));
    }

    @Test
    void aLassoPageSaysWhereItLoops() {
        String page = TraceHtml.render(MempoolTraces.sameBiosetLasso());
        assertTrue(page.contains("<section id=\"violated\" data-step=\"5\">"));
        assertTrue(page.contains("fails on a behaviour that loops from <a class=\"step-link\" href=\"#step-7\">step 7</a> back to "
                + "<a class=\"step-link\" href=\"#step-5\">step 5</a> for ever."));
        assertTrue(page.contains("id=\"fairness\""));
    }

    @Test
    void aSafetyPageShowsTheInvariantAtTheLastStepAndNoFairness() {
        ItfTrace lasso = MempoolTraces.zeroMinLostWakeup();
        Map<String, Object> meta = new java.util.LinkedHashMap<>(lasso.meta());
        meta.put(TraceMeta.VIOLATION, "invariant:Conservation");
        List<ItfState> states = new ArrayList<>(lasso.states());
        ItfState last = states.remove(states.size() - 1);
        states.add(new ItfState(last.index(), last.action(), last.task(), false, last.values()));
        String page = TraceHtml.render(new ItfTrace(meta, lasso.params(), lasso.vars(), states, null));
        assertTrue(page.contains("<section id=\"violated\" data-step=\"8\">"));
        assertTrue(page.contains("The invariant <b class=\"property\">Conservation</b> (<code id=\"definition-where\">"
                + "specs/mempool/Mempool.tla:445</code>) is false at <a class=\"step-link\" href=\"#step-8\">step 8</a>"));
        assertTrue(page.contains("id=\"definition\">Conservation == curr_nr + SumOver(held, Tasks) + SumOver(plugged, Tasks)"
                + " &gt;= PoolCapacity</pre>"));
        assertFalse(page.contains("Fairness assumed"), "an invariant assumes no fairness");
    }

    @Test
    void aDefinitionIsEscapedAndAMissingOneSaysWhy() {
        TraceView view = TraceView.of(MempoolTraces.zeroMinLostWakeup());
        TraceSpec evil = new TraceSpec("X<y>", false, new reservecheck.catalog.SpecDefinitions.Definition("X<y>",
                Path.of("M.tla"), 3, "X == a < b </pre><script>alert(1)</script>", "(* & *)"), "M.tla:3", null,
                List.of(), null);
        String html = TraceHtml.violated(view, "invariant:X<y>", evil);
        assertTrue(html.contains("<b class=\"property\">X&lt;y&gt;</b>"));
        assertTrue(html.contains(">X == a &lt; b &lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</pre>"));
        assertTrue(html.contains("<pre class=\"tla comment\">(* &amp; *)</pre>"));
        assertFalse(html.contains("<script>"));
        String missing = TraceHtml.violated(view, "liveness:Gone", TraceSpec.none("Gone", true, "Spec.tla defines no <Gone>"));
        assertTrue(missing.contains("<p class=\"note\" id=\"definition-missing\">Definition not shown: Spec.tla defines no"
                + " &lt;Gone&gt;.</p>"), missing);
        assertTrue(TraceHtml.violated(view, "deadlock", TraceSpec.none(null, false, null))
                .contains("No step is possible at <a class=\"step-link\" href=\"#step-8\">step 8</a>"));
        assertEquals("", TraceHtml.violated(view, "assert", TraceSpec.none(null, false, null)));
    }

    @Test
    void pagesAreNamedAfterTheirTrace() {
        assertEquals(Path.of("a/b/x.html"), TraceHtml.pageFor(Path.of("a/b/x.itf.json")));
        assertEquals(Path.of("x.html"), TraceHtml.pageFor(Path.of("x.json")));
    }

    static JsonNode embedded(String page) throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"trace-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(m.find(), "the trace's JSON is in the page");
        return JSON.readTree(m.group(1));
    }

    private static List<String> labels(JsonNode changes) {
        List<String> l = new ArrayList<>();
        changes.forEach(c -> l.add(c.get("label").asText()));
        return l;
    }
}
