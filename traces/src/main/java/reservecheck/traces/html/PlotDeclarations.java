package reservecheck.traces.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a protocol asks the trace viewer to plot along a trace's steps:
 * {@code catalog/plots/<protocol>.yaml}, optional (a protocol without one gets no plot section).
 * The viewer knows no protocol: it draws whatever series the file declares, each computed from the
 * trace's states by {@link PlotData}.  Format in docs/TRACES.md, "Declared plots".
 */
public final class PlotDeclarations {

    /** The folder beside the catalog files, as {@code catalog/bounds/} is for the frontier records. */
    public static final String DIR = "catalog/plots";

    /**
     * One plot: a panel with its own y axis.
     *
     * @param id     unique in the file; the page's {@code data-plot} attribute
     * @param title  for the reader
     * @param series in the order the legend lists them
     * @param limit  a parameter of the trace ({@code #meta.parameters}) drawn as a dashed line, or null
     * @param marks  key of an {@code each} series -> what marks it ({@code 0: SOCK_MEMALLOC})
     */
    public record Plot(String id, String title, List<Series> series, String limit, Map<String, String> marks) {
        public Plot {
            series = List.copyOf(series);
            marks = Map.copyOf(marks);
        }
    }

    /**
     * One declared series.  Exactly one of three forms:
     * {@code value: EXPR} (one line: {@code var}, {@code var.field...} or {@code len(var...)}),
     * {@code each: VAR} with {@code value: int|len} (one line per key of the function {@code VAR}),
     * or {@code count: {...}} (the cumulative number of steps that match, see {@link Count}).
     *
     * @param name  the legend's name (for {@code each}, the key is appended: {@code queue[1]})
     */
    public record Series(String name, String value, String each, Count count) {
    }

    /**
     * Counts steps: a step with {@code action} (any, if null), that leaves {@code unchanged} as it
     * was (if not null), and in whose state before the step the boolean {@code before} is
     * {@code is} (if not null).  For events the state keeps no counter of, such as drops.
     */
    public record Count(String action, String unchanged, String before, boolean is) {
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> FILE_KEYS = Set.of("protocol", "plots");
    private static final Set<String> PLOT_KEYS = Set.of("id", "title", "series", "limit", "marks");
    private static final Set<String> SERIES_KEYS = Set.of("name", "value", "each", "count");
    private static final Set<String> COUNT_KEYS = Set.of("action", "unchanged", "before", "is");

    private PlotDeclarations() {
    }

    /** The file of {@code protocol} under repository {@code root}. */
    public static Path file(Path root, String protocol) {
        return root.resolve(DIR).resolve(protocol + ".yaml");
    }

    /**
     * The plots {@code protocol} declares; empty when it has no file.
     *
     * @throws IOException a malformed file, one line naming the file and the entry
     */
    public static List<Plot> load(Path root, String protocol) throws IOException {
        Path f = file(root, protocol);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        String where = DIR + "/" + protocol + ".yaml";
        JsonNode doc;
        try {
            doc = YAML.readTree(f.toFile());
        } catch (IOException e) {
            throw new IOException(where + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (doc == null || !doc.isObject()) {
            throw new IOException(where + ": expected a mapping with protocol and plots");
        }
        keys(doc, FILE_KEYS, where);
        if (!protocol.equals(doc.path("protocol").asText(null))) {
            throw new IOException(where + ": protocol: must be " + protocol);
        }
        JsonNode plots = doc.path("plots");
        if (!plots.isArray()) {
            throw new IOException(where + ": plots: expected a list");
        }
        List<Plot> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < plots.size(); i++) {
            String at = where + ": plots[" + i + "]";
            JsonNode p = plots.get(i);
            if (!p.isObject()) {
                throw new IOException(at + ": expected a mapping");
            }
            keys(p, PLOT_KEYS, at);
            String id = text(p, "id", at, true);
            if (!id.matches("[a-z][a-z0-9_]*") || !ids.add(id)) {
                throw new IOException(at + ".id: \"" + id + "\" is not a new lower-case identifier");
            }
            JsonNode ss = p.path("series");
            if (!ss.isArray() || ss.isEmpty()) {
                throw new IOException(at + ".series: expected a non-empty list");
            }
            List<Series> series = new ArrayList<>();
            for (int j = 0; j < ss.size(); j++) {
                series.add(series(ss.get(j), at + ".series[" + j + "]"));
            }
            Map<String, String> marks = new LinkedHashMap<>();
            JsonNode m = p.path("marks");
            if (!m.isMissingNode()) {
                if (!m.isObject()) {
                    throw new IOException(at + ".marks: expected a mapping key -> mark");
                }
                m.fields().forEachRemaining(e -> marks.put(e.getKey(), e.getValue().asText()));
            }
            out.add(new Plot(id, text(p, "title", at, true), series, text(p, "limit", at, false), marks));
        }
        return List.copyOf(out);
    }

    private static Series series(JsonNode s, String at) throws IOException {
        if (!s.isObject()) {
            throw new IOException(at + ": expected a mapping");
        }
        keys(s, SERIES_KEYS, at);
        String value = text(s, "value", at, false);
        String each = text(s, "each", at, false);
        JsonNode c = s.path("count");
        String name = text(s, "name", at, each == null);
        if (!c.isMissingNode()) {
            if (value != null || each != null || !c.isObject()) {
                throw new IOException(at + ".count: a mapping, and the series has no value or each");
            }
            keys(c, COUNT_KEYS, at + ".count");
            JsonNode is = c.path("is");
            if (!is.isMissingNode() && !is.isBoolean()) {
                throw new IOException(at + ".count.is: expected true or false");
            }
            return new Series(name, null, null, new Count(text(c, "action", at, false), text(c, "unchanged", at, false),
                    text(c, "before", at, false), is.isMissingNode() || is.asBoolean()));
        }
        if (value == null) {
            throw new IOException(at + ": needs value, each with value, or count");
        }
        if (each != null && !value.equals("int") && !value.equals("len")) {
            throw new IOException(at + ".value: with each, int or len (got \"" + value + "\")");
        }
        if (each == null && !value.matches("(len\\()?[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*\\)?")) {
            throw new IOException(at + ".value: \"" + value + "\" is not var, var.field or len(var)");
        }
        return new Series(name == null ? each : name, value, each, null);
    }

    private static void keys(JsonNode n, Set<String> allowed, String at) throws IOException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IOException(at + ": unknown key " + k + " (known: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private static String text(JsonNode n, String key, String at, boolean required) throws IOException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IOException(at + ": " + key + ": missing");
            }
            return null;
        }
        if (!v.isValueNode()) {
            throw new IOException(at + "." + key + ": expected a string");
        }
        return v.asText();
    }
}
