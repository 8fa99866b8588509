package reservecheck.traces.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import reservecheck.tla.TlaValue;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceMeta;

/**
 * The counterexample viewer: one self-contained HTML page per trace.  Styles, script and the
 * trace itself are inlined and nothing is fetched, so the page opens from a CI artifact, a mail
 * attachment or a machine without network exactly as it was generated.
 */
public final class TraceHtml {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceHtml() {
    }

    /** The viewer page for a trace. */
    public static String render(ItfTrace trace) {
        TraceView view = TraceView.of(trace);
        String protocol = meta(trace, "protocol");
        String variant = meta(trace, "variant");
        String checker = meta(trace, "checker");
        String violation = meta(trace, "violation");
        String description = meta(trace, "description");

        // The catalog's parameter values (what a reader reruns the variant with) first, then any
        // constant the trace carries in TLA+ form that they do not already name.
        Map<String, String> paramText = new LinkedHashMap<>();
        TraceMeta.parameters(trace).forEach((k, v) -> paramText.put(k, String.valueOf(v)));
        Map<String, TlaValue> first = trace.states().get(0).values();
        for (String p : trace.params()) {
            TlaValue v = first.get(p);
            paramText.putIfAbsent(p, v == null ? "?" : v.toString());
        }
        StringBuilder params = new StringBuilder();
        paramText.forEach((k, v) -> params.append("      <tr data-param=\"").append(Html.escape(k)).append("\"><th>")
                .append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>\n"));

        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("title", Html.escape(title(protocol, variant, checker, violation)));
        slots.put("style", Html.resource("common.css") + Html.resource("trace.css"));
        slots.put("protocol", Html.escape(orDash(protocol)));
        slots.put("variant", Html.escape(orDash(variant)));
        slots.put("checker", Html.escape(orDash(checker)));
        slots.put("violation", Html.escape(orDash(violation)));
        slots.put("verdict_class", violation == null || violation.equals("ok") ? "ok" : "bad");
        slots.put("description", Html.escape(description == null ? "" : description));
        slots.put("params", params.toString());
        slots.put("param_count", String.valueOf(paramText.size()));
        slots.put("steps", String.valueOf(view.size() - 1));
        slots.put("data", Html.scriptJson(view.toJson(JSON)));
        slots.put("script", Html.resource("trace.js"));
        return Html.fill(Html.resource("trace.html"), slots);
    }

    /** Renders a trace to a file. */
    public static void write(ItfTrace trace, Path out) throws IOException {
        Html.writeAtomically(out, render(trace));
    }

    /** Reads an ITF file ({@code .itf.json}) and writes its viewer page. */
    public static void write(Path itf, Path out) throws IOException {
        write(ItfJson.read(itf), out);
    }

    /** The viewer page's name beside its trace: {@code <variant>.itf.json} gives {@code <variant>.html}. */
    public static Path pageFor(Path itf) {
        String name = itf.getFileName().toString();
        String base = name.endsWith(".itf.json") ? name.substring(0, name.length() - ".itf.json".length())
                : name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return itf.resolveSibling(base + ".html");
    }

    static String title(String protocol, String variant, String checker, String violation) {
        StringBuilder sb = new StringBuilder();
        sb.append(orDash(protocol)).append(" / ").append(orDash(variant));
        if (checker != null) {
            sb.append(" \u2014 ").append(checker);
        }
        if (violation != null) {
            sb.append(": ").append(violation);
        }
        return sb.toString();
    }

    private static String meta(ItfTrace t, String key) {
        Object v = t.meta().get(key);
        return v == null ? null : v.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "\u2014" : s;
    }
}
