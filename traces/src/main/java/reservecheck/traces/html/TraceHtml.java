package reservecheck.traces.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reservecheck.catalog.RepositoryRoot;
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

    /** The viewer page for a trace, with the spec's definitions from the repository it runs in. */
    public static String render(ItfTrace trace) {
        return render(trace, TraceSpec.of(trace));
    }

    /** The viewer page for a trace, showing {@code spec}'s definition of its violated property. */
    public static String render(ItfTrace trace, TraceSpec spec) {
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
        slots.put("violated", violated(view, violation, spec));
        slots.put("data", Html.scriptJson(view.toJson(JSON)));
        slots.put("plots", plots(trace, view));
        slots.put("script", Html.resource("trace.js"));
        return Html.fill(Html.resource("trace.html"), slots);
    }

    /**
     * Where and why the trace fails, next to the steps: the violated invariant's definition and
     * the step where it is false; for a liveness property its definition, the fairness the spec
     * assumes and where the behaviour loops or stutters for ever.  Links go to the steps' anchors.
     */
    static String violated(TraceView view, String violation, TraceSpec spec) {
        int last = view.size() - 1;
        StringBuilder sb = new StringBuilder();
        if ("deadlock".equals(violation)) {
            return "<section id=\"violated\" data-step=\"" + last + "\"><h2>Where it fails</h2><p>No step is possible at "
                    + stepLink(last) + ", and the run has not ended: a deadlock.</p></section>";
        }
        if (spec == null || spec.property() == null) {
            return "";
        }
        String name = "<b class=\"property\">" + Html.escape(spec.property()) + "</b>";
        String of = spec.where() == null ? "" : " (<code id=\"definition-where\">" + Html.escape(spec.where()) + "</code>)";
        int at;
        if (!spec.liveness()) {
            at = last;
            sb.append("<p>The invariant ").append(name).append(of).append(" is false at ").append(stepLink(last))
                    .append(", and true before.</p>");
        } else if (view.loop() != null) {
            at = view.loop();
            sb.append("<p>The temporal property ").append(name).append(of).append(" fails on a behaviour that loops from ")
                    .append(stepLink(last)).append(" back to ").append(stepLink(view.loop())).append(" for ever.</p>");
        } else if (view.stutter() != null) {
            at = view.stutter();
            sb.append("<p>The temporal property ").append(name).append(of).append(" fails on a behaviour that stutters at ")
                    .append(stepLink(view.stutter())).append(" for ever.</p>");
        } else {
            at = last;
            sb.append("<p>The temporal property ").append(name).append(of).append(" fails on this behaviour (to ")
                    .append(stepLink(last)).append(").</p>");
        }
        if (spec.definition() != null) {
            if (!spec.definition().comment().isEmpty()) {
                sb.append("<pre class=\"tla comment\">").append(Html.escape(spec.definition().comment())).append("</pre>");
            }
            sb.append("<pre class=\"tla\" id=\"definition\">").append(Html.escape(spec.definition().text())).append("</pre>");
        } else {
            sb.append("<p class=\"note\" id=\"definition-missing\">Definition not shown: ")
                    .append(Html.escape(spec.missing())).append(".</p>");
        }
        if (spec.liveness() && spec.formula() != null) {
            sb.append("<h3>Fairness assumed (in <code>").append(Html.escape(spec.formula())).append("</code>)</h3>");
            if (spec.fairness().isEmpty()) {
                sb.append("<p class=\"note\" id=\"fairness-none\">None: any behaviour may stop taking steps.</p>");
            } else {
                sb.append("<ul id=\"fairness\">");
                spec.fairness().forEach(f -> sb.append("<li><code>").append(Html.escape(f)).append("</code></li>"));
                sb.append("</ul>");
            }
        }
        return "<section id=\"violated\" data-step=\"" + at + "\"><h2>Where it fails</h2>" + sb + "</section>";
    }

    /**
     * The plots the trace's protocol declares ({@code catalog/plots/<protocol>.yaml} of the
     * repository the process runs in), or "" when it declares none.  A declaration that does
     * not fit the trace is named on the page instead of its plot: the rest of the page stands.
     */
    static String plots(ItfTrace trace, TraceView view) {
        return plots(trace, view, RepositoryRoot.find(Path.of("")));
    }

    static String plots(ItfTrace trace, TraceView view, Optional<Path> root) {
        String protocol = meta(trace, "protocol");
        if (protocol == null || root.isEmpty()) {
            return "";
        }
        List<PlotDeclarations.Plot> decls;
        try {
            decls = PlotDeclarations.load(root.get(), protocol);
        } catch (IOException e) {
            return PlotSvg.section(List.of(), List.of(e.getMessage()), view.loop());
        }
        List<PlotData> data = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PlotDeclarations.Plot p : decls) {
            try {
                data.add(PlotData.of(p, trace));
            } catch (IllegalArgumentException e) {
                problems.add(p.id() + ": " + e.getMessage());
            }
        }
        return PlotSvg.section(data, problems, view.loop());
    }

    private static String stepLink(int step) {
        return "<a class=\"step-link\" href=\"#step-" + step + "\">step " + step + "</a>";
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
