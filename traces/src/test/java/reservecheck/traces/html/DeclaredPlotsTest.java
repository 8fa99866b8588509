package reservecheck.traces.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;

/**
 * The plots a protocol declares in catalog/plots/, on the page of kept explorer traces: one
 * point per step, and the values read from the trace's states by hand (the numbers below are
 * the states of third_swapout_reply_over_rmem.itf.json, step by step).
 */
class DeclaredPlotsTest {

    private static final Path KEPT = Path.of("..", "property-tests", "src", "test", "resources", "traces", "explorer");

    private static final Pattern FIGURE = Pattern.compile(
            "<figure class=\"decl-plot\" id=\"plot-([a-z_]+)\".*?</figure>", Pattern.DOTALL);
    private static final Pattern SERIES = Pattern.compile(
            "<g class=\"series[^\"]*\" data-series=\"([^\"]+)\"(?: data-mark=\"([^\"]+)\")?.*?</g>", Pattern.DOTALL);
    private static final Pattern POINT = Pattern.compile("<circle class=\"pt\" data-step=\"(\\d+)\" data-value=\"(-?\\d+)\"");

    /** plot id -> series name -> the values of its points, which must be one per step in order. */
    static Map<String, Map<String, List<Long>>> plots(String page, int steps) {
        Map<String, Map<String, List<Long>>> out = new LinkedHashMap<>();
        Matcher f = FIGURE.matcher(page);
        while (f.find()) {
            Map<String, List<Long>> series = new LinkedHashMap<>();
            Matcher s = SERIES.matcher(f.group());
            while (s.find()) {
                List<Long> values = new ArrayList<>();
                Matcher p = POINT.matcher(s.group());
                while (p.find()) {
                    assertEquals(values.size(), Integer.parseInt(p.group(1)), s.group(1) + ": points in step order");
                    values.add(Long.parseLong(p.group(2)));
                }
                assertEquals(steps, values.size(), f.group(1) + "/" + s.group(1) + ": one point per step");
                series.put(s.group(1) + (s.group(2) == null ? "" : " " + s.group(2)), values);
            }
            out.put(f.group(1), series);
        }
        return out;
    }

    @Test
    void netRxPagePlotsReserveSocketsAndDrops() throws IOException {
        ItfTrace trace = ItfJson.read(KEPT.resolve("third_swapout_reply_over_rmem.itf.json"));
        assertEquals(25, trace.states().size());
        String page = TraceHtml.render(trace);
        Html.writeAtomically(Path.of("target", "trace-pages", "net_rx-plots.html"), page);
        Map<String, Map<String, List<Long>>> plots = plots(page, 25);
        assertEquals(List.of("reserve", "skbs_per_socket", "drops"), List.copyOf(plots.keySet()));

        // (a) the receive path's reserve skbs: the driver takes the second at step 6 (= reserve_skbs)
        assertEquals(List.of(0L, 0L, 0L, 1L, 1L, 1L, 2L, 2L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L),
                plots.get("reserve").get("reserve_used"));
        assertEquals(Collections.nCopies(25, 0L), plots.get("reserve").get("wb_reserve"));
        assertTrue(page.contains("data-limit=\"reserve_skbs\" data-value=\"2\""), "reserve_skbs drawn as the limit");

        // (b) at step 8 (after sk_filter_trim_cap dropped the pfmemalloc skb for socket 2):
        // socket 1 holds its ordinary skb, the SOCK_MEMALLOC socket 0 nothing yet; at step 10 the reply
        Map<String, List<Long>> sockets = plots.get("skbs_per_socket");
        assertEquals(List.of("queue[0] SOCK_MEMALLOC", "queue[1]", "queue[2]"), List.copyOf(sockets.keySet()));
        assertEquals(List.of(0L, 1L, 0L), List.of(sockets.get("queue[0] SOCK_MEMALLOC").get(8),
                sockets.get("queue[1]").get(8), sockets.get("queue[2]").get(8)));
        assertEquals(1L, sockets.get("queue[0] SOCK_MEMALLOC").get(10));
        assertEquals(List.of(0L, 1L, 1L), List.of(sockets.get("queue[0] SOCK_MEMALLOC").get(24),
                sockets.get("queue[1]").get(24), sockets.get("queue[2]").get(24)));

        // (c) the one drop, of a pfmemalloc skb at step 8; no ordinary skb is dropped
        List<Long> pfm = new ArrayList<>(Collections.nCopies(8, 0L));
        pfm.addAll(Collections.nCopies(17, 1L));
        assertEquals(pfm, plots.get("drops").get("pfmemalloc"));
        assertEquals(Collections.nCopies(25, 0L), plots.get("drops").get("ordinary"));
        assertTrue(page.contains("data-loop=\"22\""), "the lasso's loop is marked on the plots");
        assertFalse(page.contains("plot-problem"));
    }

    @Test
    void mempoolDeclaresItsPoolAndOthersNothing() throws IOException {
        String mempool = TraceHtml.render(ItfJson.read(KEPT.resolve("free_stale_curr_nr.itf.json")));
        Map<String, Map<String, List<Long>>> plots = plots(mempool, 5);
        assertEquals(Map.of("pool", Map.of("curr_nr", List.of(1L, 1L, 1L, 0L, 0L))), plots);
        assertTrue(mempool.contains("data-limit=\"min_nr\" data-value=\"1\""));

        // reserve_tree declares no plots: no section at all
        String tree = TraceHtml.render(ItfJson.read(KEPT.resolve("connect_without_usage.itf.json")));
        assertFalse(tree.contains("id=\"plots\""));
    }

    @Test
    void aMalformedDeclarationIsOneLine(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("catalog/plots"));
        Files.writeString(root.resolve("catalog/plots/p.yaml"),
                "protocol: p\nplots:\n  - id: a\n    title: t\n    series:\n      - {name: x, value: x, colour: red}\n");
        IOException e = assertThrows(IOException.class, () -> PlotDeclarations.load(root, "p"));
        assertEquals("catalog/plots/p.yaml: plots[0].series[0]: unknown key colour (known: [count, each, name, value])",
                e.getMessage());
        assertEquals(List.of(), PlotDeclarations.load(root, "none"));
    }

    @Test
    void aDeclarationThatDoesNotFitTheTraceIsNamedOnThePage(@TempDir Path root) throws IOException {
        ItfTrace trace = ItfJson.read(KEPT.resolve("free_stale_curr_nr.itf.json"));
        Files.createDirectories(root.resolve("catalog/plots"));
        Files.writeString(root.resolve("catalog/plots/mempool.yaml"), "protocol: mempool\nplots:\n"
                + "  - {id: a, title: t, series: [{name: x, value: no_such_var}]}\n"
                + "  - {id: b, title: u, series: [{name: c, value: curr_nr}]}\n");
        String section = TraceHtml.plots(trace, TraceView.of(trace), java.util.Optional.of(root));
        assertTrue(section.contains("Not plotted: a: no variable no_such_var in state 0."), section);
        assertEquals(Map.of("b", Map.of("c", List.of(1L, 1L, 1L, 0L, 0L))), plots(section, 5));
    }
}
