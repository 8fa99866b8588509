package reservecheck.traces.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Variant;
import reservecheck.traces.CatalogTraces;
import reservecheck.traces.ItfTrace;

/**
 * The viewer on every counterexample the explorer finds for the catalog's mempool bugs: each
 * page is written to target/trace-pages (to open by hand) and checked for what a reader relies
 * on: a lane per task with the acting task marked at every step, the integers plotted, and the
 * lasso or stuttering the trace ends in.
 */
class ExplorerPagesTest {

    static Stream<Variant> bugs() {
        return MempoolTraces.catalog().variants().stream()
                .filter(v -> v.protocol().equals("mempool") && v.kind() == Kind.BUG
                        && v.expectedVerdict("explorer").isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void rendersTheExplorersCounterexample(Variant v) throws IOException {
        ItfTrace trace = CatalogTraces.explore(v, null).trace();
        assertNotNull(trace, v.name() + ": the explorer finds a counterexample");
        String page = TraceHtml.render(trace);
        Path out = Path.of("target", "trace-pages", v.name() + ".html");
        Html.writeAtomically(out, page);
        assertFalse(Pattern.compile("https?://").matcher(page).find());

        JsonNode data = TraceHtmlTest.embedded(page);
        TraceView view = TraceView.of(trace);
        int tasks = view.lanes().size();
        assertTrue(tasks >= 1);
        assertEquals(tasks, data.get("lanes").size());
        for (TraceView.Lane l : view.lanes()) {
            assertEquals("pc", l.var(), "every mempool task has a pc: " + l);
        }
        JsonNode steps = data.get("steps");
        for (int i = 1; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            long acting = 0;
            for (TraceView.Lane l : view.lanes()) {
                if (s.get("lanes").get(l.id()).get("acted").asBoolean()) {
                    acting++;
                }
            }
            // Every step but the final stop is some task's: the lanes show who did it.
            assertEquals(s.get("task").isNull() ? 0 : 1, acting, v.name() + " step " + i);
        }
        List<String> series = view.series().stream().map(TraceView.Series::name).toList();
        assertTrue(series.containsAll(List.of("curr_nr", "free_pages", "clean_pages")), series.toString());
        if (v.expectedVerdict("explorer").orElseThrow().startsWith("liveness:")) {
            assertTrue(view.loop() != null || view.stutter() != null, v.name() + ": a liveness trace is a lasso");
        } else {
            assertTrue(view.loop() == null && view.stutter() == null, v.name() + ": a safety trace is finite");
        }
        assertTrue(Files.size(out) > 10_000);
    }
}
