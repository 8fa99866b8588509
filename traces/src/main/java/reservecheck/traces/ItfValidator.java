package reservecheck.traces;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reservecheck.tla.TlaValue;

/**
 * Validates ITF JSON against {@code reservecheck/itf.schema.json} and then checks what a
 * schema cannot say (each state has exactly the trace's variables, indices count 0, 1, 2, ...,
 * the loop is a state of the trace, only the last state stutters), decoding the values on the
 * way.  The first problem found is thrown as one {@link MalformedTraceException} line.
 */
public final class ItfValidator {
    /** The schema, on the classpath. */
    public static final String SCHEMA_RESOURCE = "/reservecheck/itf.schema.json";

    private static volatile JsonSchema schema;

    private ItfValidator() {
    }

    /** Validates trace text; returns normally iff it is a well-formed trace. */
    public static void validate(String json, String source) throws MalformedTraceException {
        toTrace(ItfJson.tree(json, source), source);
    }

    static JsonSchema schema() {
        JsonSchema s = schema;
        if (s == null) {
            try (InputStream in = ItfValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
                }
                JsonNode node = ItfJson.MAPPER.readTree(in);
                s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
                schema = s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return s;
    }

    /** The trace in a validated JSON tree. */
    static ItfTrace toTrace(JsonNode root, String source) throws MalformedTraceException {
        Set<ValidationMessage> messages = schema().validate(root);
        if (!messages.isEmpty()) {
            throw schemaProblem(messages, source);
        }
        return new Semantics(root, source).trace();
    }

    // ---- schema messages --------------------------------------------------------------------------

    /**
     * The one message to show: the outermost one (its path is shortest), because a problem high
     * up (no states at all) explains the ones below it; then by kind, so that an unknown tag is
     * reported as such rather than as the type error of its contents.
     */
    private static MalformedTraceException schemaProblem(Set<ValidationMessage> messages, String source) {
        List<ValidationMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.<ValidationMessage>comparingInt(m -> depth(m))
                .thenComparingInt(m -> rank(m.getType()))
                .thenComparing(m -> path(m.getInstanceLocation())));
        ValidationMessage m = sorted.get(0);
        String path = path(m.getInstanceLocation());
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        JsonNode node = m.getInstanceNode();
        switch (m.getType()) {
            case "required":
                return new MalformedTraceException(source, ItfPaths.field(path, m.getProperty()), "missing");
            case "additionalProperties":
                return new MalformedTraceException(source, ItfPaths.field(path, m.getProperty()),
                        "unknown key (a trace has #meta, params, vars, states and loop)");
            case "propertyNames": {
                String name = m.getProperty() != null ? m.getProperty() : args.length > 0 ? String.valueOf(args[0]) : "?";
                if (name.startsWith("#")) {
                    return new MalformedTraceException(source, path, "unknown tag " + name);
                }
                return new MalformedTraceException(source, path, "\"" + name + "\" is not a name");
            }
            case "pattern":
                if (path.endsWith(".#bigint")) {
                    return new MalformedTraceException(source, path, node + " is not an integer");
                }
                return new MalformedTraceException(source, path, node + " does not match " + args[args.length - 1]);
            case "type":
                if (node != null && node.isNumber() && m.getSchemaLocation().toString().endsWith("value/type")) {
                    return new MalformedTraceException(source, path, "the plain number " + node
                            + " is not an ITF value: integers are written {\"#bigint\": \"" + node.asText() + "\"}");
                }
                if (node != null && node.isNull()) {
                    return new MalformedTraceException(source, path, "null is not allowed here");
                }
                return new MalformedTraceException(source, path, "must be " + expectedType(m) + ", not "
                        + (node == null ? "?" : node.getNodeType().toString().toLowerCase()));
            case "minProperties":
                return new MalformedTraceException(source, path, "an empty object is not a TLA+ value");
            case "maxProperties":
                return new MalformedTraceException(source, path, "a tagged value (#bigint, #set, #map, #tup) has no other keys");
            case "const":
            case "enum":
                return new MalformedTraceException(source, path, node + " is not one of " + m.getSchemaNode());
            case "minItems":
                if (path.equals("$.states")) {
                    return new MalformedTraceException(source, path, "a trace has at least one state");
                }
                return new MalformedTraceException(source, path, stripPath(m.getMessage()));
            default:
                return new MalformedTraceException(source, path, stripPath(m.getMessage()));
        }
    }

    private static int depth(ValidationMessage m) {
        int d = m.getInstanceLocation().getNameCount();
        // "required" and "additionalProperties" are about a key one level down
        return "required".equals(m.getType()) || "additionalProperties".equals(m.getType()) ? d + 1 : d;
    }

    private static int rank(String type) {
        List<String> order = List.of("required", "propertyNames", "additionalProperties", "minProperties",
                "maxProperties", "const", "enum", "pattern", "type");
        int i = order.indexOf(type);
        return i < 0 ? order.size() : i;
    }

    private static String expectedType(ValidationMessage m) {
        JsonNode t = m.getSchemaNode();
        if (t == null) {
            return "another type";
        }
        if (t.isArray()) {
            List<String> names = new ArrayList<>();
            t.forEach(x -> names.add(x.asText()));
            return String.join(" or ", names);
        }
        return t.asText();
    }

    /** networknt starts its messages with the instance path; the exception puts its own. */
    private static String stripPath(String message) {
        int colon = message.indexOf(": ");
        return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    }

    static String path(JsonNodePath p) {
        String out = "$";
        for (int i = 0; i < p.getNameCount(); i++) {
            Object e = p.getElement(i);
            out = e instanceof Integer n ? ItfPaths.index(out, n) : ItfPaths.field(out, String.valueOf(e));
        }
        return out;
    }

    // ---- what the schema cannot say ---------------------------------------------------------------

    private static final class Semantics {
        private final JsonNode root;
        private final String source;

        Semantics(JsonNode root, String source) {
            this.root = root;
            this.source = source;
        }

        private MalformedTraceException bad(String path, String problem) {
            return new MalformedTraceException(source, path, problem);
        }

        ItfTrace trace() throws MalformedTraceException {
            List<String> vars = names(root.get("vars"));
            List<String> params = root.has("params") ? names(root.get("params")) : List.of();
            for (int i = 0; i < params.size(); i++) {
                if (vars.contains(params.get(i))) {
                    throw bad("$.params[" + i + "]", params.get(i) + " is also a variable");
                }
            }
            Set<String> known = new HashSet<>(vars);
            known.addAll(params);

            JsonNode states = root.get("states");
            int n = states.size();
            Integer loop = root.has("loop") ? root.get("loop").intValue() : null;
            if (loop != null && loop >= n) {
                throw bad("$.loop", loop + " is out of range 0.." + (n - 1) + " (the trace has " + n
                        + (n == 1 ? " state)" : " states)"));
            }
            Map<String, Object> meta = ItfJson.MAPPER.convertValue(root.get("#meta"),
                    ItfJson.MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
            for (Map.Entry<String, Object> e : meta.entrySet()) {
                if (e.getValue() == null) {
                    throw bad(ItfPaths.field("$.#meta", e.getKey()), "null is not allowed here");
                }
            }
            for (String k : List.of(TraceMeta.LOOP_ACTION, TraceMeta.LOOP_TASK)) {
                if (meta.containsKey(k) && loop == null) {
                    throw bad("$.#meta." + k, "the trace has no loop");
                }
            }

            List<ItfTrace.ItfState> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String sp = "$.states[" + i + "]";
                JsonNode s = states.get(i);
                JsonNode sm = s.get("#meta");
                int index = sm.get("index").intValue();
                if (index != i) {
                    throw bad(sp + ".#meta.index", index + ", expected " + i + " (indices count up from 0)");
                }
                String action = sm.has("action") ? sm.get("action").textValue() : null;
                String task = sm.has("task") ? sm.get("task").textValue() : null;
                boolean stuttering = sm.has("stuttering") && sm.get("stuttering").booleanValue();
                if (i == 0 && action != null) {
                    throw bad(sp + ".#meta.action", "the initial state is reached by no action");
                }
                if (i > 0 && action == null) {
                    throw bad(sp + ".#meta.action", "missing (every state after the first names the step that reached it)");
                }
                if (i == 0 && task != null) {
                    throw bad(sp + ".#meta.task", "the initial state is reached by no task");
                }
                if (stuttering && i != n - 1) {
                    throw bad(sp + ".#meta.stuttering", "only the last state can stutter forever");
                }
                if (stuttering && (loop == null || loop != i)) {
                    throw bad(sp + ".#meta.stuttering", "a stuttering last state is a loop: \"loop\" must be " + i);
                }
                Map<String, TlaValue> values = new LinkedHashMap<>();
                List<String> all = new ArrayList<>(vars);
                all.addAll(params);
                for (String v : all) {
                    JsonNode x = s.get(v);
                    if (x == null) {
                        throw bad(ItfPaths.field(sp, v), "missing");
                    }
                    try {
                        values.put(v, ItfValues.fromJson(x, ItfPaths.field(sp, v)));
                    } catch (ItfValues.BadValue e) {
                        throw bad(e.path, e.problem);
                    }
                }
                for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!f.equals("#meta") && !known.contains(f)) {
                        throw bad(ItfPaths.field(sp, f), "not a variable of the trace (vars: " + String.join(", ", vars) + ")");
                    }
                }
                out.add(new ItfTrace.ItfState(i, action, task, stuttering, values));
            }
            return new ItfTrace(meta, params, vars, out, loop);
        }

        private static List<String> names(JsonNode a) {
            List<String> out = new ArrayList<>();
            a.forEach(x -> out.add(x.textValue()));
            return out;
        }
    }
}
