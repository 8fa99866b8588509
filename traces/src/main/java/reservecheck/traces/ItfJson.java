package reservecheck.traces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import reservecheck.tla.TlaValue;

/**
 * Writes and reads {@link ItfTrace}s as ITF JSON (Apalache ADR-015), the files under
 * {@code results/traces/<checker>/<variant>.itf.json} (docs/TRACES.md).
 *
 * <p>Written files put one state per line: a trace diffs state by state, and a person can read
 * it with a text editor.  Reading validates against {@code reservecheck/itf.schema.json} and the
 * checks of {@link ItfValidator}; anything wrong is one {@link MalformedTraceException} line.
 */
public final class ItfJson {
    /** The file name extension of ITF traces. */
    public static final String EXTENSION = ".itf.json";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            // text after the closing brace means the file is not one trace
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // a duplicated key would otherwise silently keep the last value
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ItfJson() {
    }

    // ---- writing ---------------------------------------------------------------------------------

    /** The trace as JSON text, one state per line, ending with a newline. */
    public static String write(ItfTrace trace) {
        try {
            StringBuilder b = new StringBuilder("{\n");
            b.append("  \"#meta\": ").append(MAPPER.writeValueAsString(metaNode(trace.meta())));
            if (!trace.params().isEmpty()) {
                b.append(",\n  \"params\": ").append(MAPPER.writeValueAsString(trace.params()));
            }
            b.append(",\n  \"vars\": ").append(MAPPER.writeValueAsString(trace.vars()));
            b.append(",\n  \"states\": [");
            for (int i = 0; i < trace.states().size(); i++) {
                b.append(i == 0 ? "\n    " : ",\n    ");
                b.append(MAPPER.writeValueAsString(stateNode(trace, trace.states().get(i))));
            }
            b.append("\n  ]");
            if (trace.loop() != null) {
                b.append(",\n  \"loop\": ").append(trace.loop());
            }
            return b.append("\n}\n").toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the trace as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the trace to a file, creating its folder. */
    public static void write(ItfTrace trace, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(file, write(trace), StandardCharsets.UTF_8);
    }

    /** The trace as a JSON tree, in the same layout as {@link #write(ItfTrace)}. */
    public static ObjectNode toJson(ItfTrace trace) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("#meta", metaNode(trace.meta()));
        if (!trace.params().isEmpty()) {
            root.set("params", MAPPER.valueToTree(trace.params()));
        }
        root.set("vars", MAPPER.valueToTree(trace.vars()));
        ArrayNode states = root.putArray("states");
        for (ItfTrace.ItfState s : trace.states()) {
            states.add(stateNode(trace, s));
        }
        if (trace.loop() != null) {
            root.put("loop", trace.loop());
        }
        return root;
    }

    private static ObjectNode metaNode(Map<String, Object> meta) {
        ObjectNode m = MAPPER.createObjectNode();
        for (String k : TraceMeta.ORDER) {
            if (meta.containsKey(k)) {
                m.set(k, MAPPER.valueToTree(meta.get(k)));
            }
        }
        for (String k : new TreeSet<>(meta.keySet())) {
            if (!TraceMeta.ORDER.contains(k)) {
                m.set(k, MAPPER.valueToTree(meta.get(k)));
            }
        }
        return m;
    }

    private static ObjectNode stateNode(ItfTrace trace, ItfTrace.ItfState s) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode meta = o.putObject("#meta");
        meta.put("index", s.index());
        if (s.action() != null) {
            meta.put("action", s.action());
        }
        if (s.task() != null) {
            meta.put("task", s.task());
        }
        if (s.stuttering()) {
            meta.put("stuttering", true);
        }
        List<String> names = new ArrayList<>(trace.vars());
        names.addAll(trace.params());
        for (String v : names) {
            TlaValue value = s.values().get(v);
            if (value == null) {
                throw new IllegalArgumentException("state " + s.index() + " has no value for " + v);
            }
            o.set(v, ItfValues.toJson(value));
        }
        return o;
    }

    // ---- reading ---------------------------------------------------------------------------------

    /**
     * Reads and validates a trace file; messages name the file as {@code file.toString()}.
     *
     * @throws MalformedTraceException (an IOException) if the file is not a well-formed trace
     */
    public static ItfTrace read(Path file) throws IOException {
        return read(file, file.toString());
    }

    /**
     * Reads and validates a trace file.
     *
     * @param source the name messages give the file (e.g. as the user typed it)
     * @throws MalformedTraceException (an IOException) if the file is not a well-formed trace
     */
    public static ItfTrace read(Path file, String source) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), source);
    }

    /** Parses and validates trace text; {@code source} names it in messages. */
    public static ItfTrace parse(String json, String source) throws MalformedTraceException {
        return ItfValidator.toTrace(tree(json, source), source);
    }

    /** Parses trace text that is known to be good (e.g. a test resource); a bad one is an error. */
    public static ItfTrace parseTrusted(String json, String source) {
        try {
            return parse(json, source);
        } catch (MalformedTraceException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Reads a trace file that is known to be good. */
    public static ItfTrace readTrusted(Path file) {
        try {
            return read(file);
        } catch (MalformedTraceException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and validates a trace kept as a classpath resource (a generated test's trace).
     *
     * @param anchor   a class whose loader sees the resource
     * @param resource the resource's absolute name, e.g. {@code /traces/explorer/x.itf.json}
     * @throws MalformedTraceException (an IOException) if it is not a well-formed trace
     * @throws java.io.FileNotFoundException if there is no such resource
     */
    public static ItfTrace readResource(Class<?> anchor, String resource) throws IOException {
        try (java.io.InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new java.io.FileNotFoundException(resource + ": no such resource on the classpath of "
                        + anchor.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        }
    }

    /** The JSON tree of trace text, or the one-line reason it is not JSON. */
    static JsonNode tree(String json, String source) throws MalformedTraceException {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || n.isMissingNode()) {
                throw new MalformedTraceException(source, "$", "not JSON: the file is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MalformedTraceException(source, "$", "not JSON" + where + ": " + e.getOriginalMessage());
        }
    }
}
