package reservecheck.traces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reservecheck.tla.TlaValue;
import reservecheck.tla.TlaValueParser;

/**
 * TLA+ values to and from their ITF JSON form (ADR-015).  The mapping follows TlaValue's
 * normalisation, so that writing and reading give back an equal value:
 * <ul>
 *   <li>integers: always {@code {"#bigint": "-12"}}, never a JSON number (JSON numbers lose
 *       precision in some readers, which is why the ADR forbids them);</li>
 *   <li>strings: JSON strings; booleans: JSON booleans;</li>
 *   <li>model values: the ADR's uninterpreted constants {@code "p1_OF_TASK"} (the suite's model
 *       values are all tasks, hence the one type {@value #MODEL_VALUE_TYPE});</li>
 *   <li>sets: {@code {"#set": [...]}}; sequences (functions over 1..n): arrays; records
 *       (functions over identifiers): plain objects; other functions: {@code {"#map": [[k, v], ...]}};</li>
 *   <li>{@code {"#tup": [...]}} is read as a sequence: TLA+ does not tell tuples from sequences.</li>
 * </ul>
 */
public final class ItfValues {
    /** The type suffix of model values: {@code p1} is written {@code "p1_OF_TASK"}. */
    public static final String MODEL_VALUE_TYPE = "TASK";

    /** What the reader takes for an uninterpreted constant (a model value) rather than a string. */
    public static final Pattern MODEL_VALUE = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)_OF_([A-Z][A-Z0-9_]*)$");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern BIGINT = Pattern.compile("-?[0-9]+");

    private ItfValues() {
    }

    /** A value that cannot be read, with where it is. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;
        final String problem;

        BadValue(String path, String problem) {
            super(path + ": " + problem, null, false, false);
            this.path = path;
            this.problem = problem;
        }
    }

    /**
     * The ITF form of a value.
     *
     * @throws IllegalArgumentException for a string that would read back as a model value
     */
    public static JsonNode toJson(TlaValue v) {
        switch (v.kind()) {
            case BOOL:
                return JSON.booleanNode(v.asBoolean());
            case INT: {
                ObjectNode o = JSON.objectNode();
                o.put("#bigint", v.asBigInteger().toString());
                return o;
            }
            case STRING: {
                String s = v.asString();
                if (MODEL_VALUE.matcher(s).matches()) {
                    // it would come back as a model value: refuse rather than change the value
                    throw new IllegalArgumentException("the string \"" + s
                            + "\" cannot be written to ITF: it reads as a model value");
                }
                return JSON.textNode(s);
            }
            case MODEL_VALUE:
                return JSON.textNode(modelValue(((TlaValue.ModelValue) v).name()));
            case SET: {
                ObjectNode o = JSON.objectNode();
                ArrayNode a = o.putArray("#set");
                for (TlaValue e : v.asSet()) {
                    a.add(toJson(e));
                }
                return o;
            }
            case SEQ: {
                ArrayNode a = JSON.arrayNode();
                for (TlaValue e : v.asSeq()) {
                    a.add(toJson(e));
                }
                return a;
            }
            case RECORD: {
                ObjectNode o = JSON.objectNode();
                v.asRecord().forEach((k, x) -> o.set(k, toJson(x)));
                return o;
            }
            case FUNCTION: {
                ObjectNode o = JSON.objectNode();
                ArrayNode a = o.putArray("#map");
                for (Map.Entry<TlaValue, TlaValue> e : v.asFunction().entrySet()) {
                    ArrayNode pair = a.addArray();
                    pair.add(toJson(e.getKey()));
                    pair.add(toJson(e.getValue()));
                }
                return o;
            }
            default:
                throw new IllegalArgumentException("no ITF form for " + v.kind());
        }
    }

    /** The ADR's name of a model value: {@code p1} as {@code p1_OF_TASK}. */
    public static String modelValue(String name) {
        return name + "_OF_" + MODEL_VALUE_TYPE;
    }

    /** Reads a value; {@code path} is where it is in the document, for the message. */
    static TlaValue fromJson(JsonNode n, String path) throws BadValue {
        if (n == null || n.isMissingNode()) {
            throw new BadValue(path, "missing");
        }
        if (n.isBoolean()) {
            return TlaValue.of(n.booleanValue());
        }
        if (n.isTextual()) {
            Matcher m = MODEL_VALUE.matcher(n.textValue());
            if (m.matches()) {
                return TlaValue.modelValue(m.group(1));
            }
            return TlaValue.str(n.textValue());
        }
        if (n.isNumber()) {
            throw new BadValue(path, "the plain number " + n + " is not an ITF value: integers are written {\"#bigint\": \""
                    + n.asText() + "\"}");
        }
        if (n.isNull()) {
            throw new BadValue(path, "null is not an ITF value");
        }
        if (n.isArray()) {
            return TlaValue.seqOf(elements(n, path).toArray(new TlaValue[0]));
        }
        // an object: a tagged value or a record
        if (n.isEmpty()) {
            throw new BadValue(path, "an empty object is not a TLA+ value (the empty function is [])");
        }
        String tag = null;
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.startsWith("#")) {
                tag = f;
                break;
            }
        }
        if (tag == null) {
            TreeMap<String, TlaValue> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = ItfPaths.field(path, e.getKey());
                if (!TlaValueParser.isIdentifier(e.getKey())) {
                    throw new BadValue(p, "\"" + e.getKey() + "\" is not a record field name");
                }
                fields.put(e.getKey(), fromJson(e.getValue(), p));
            }
            return new TlaValue.RecordValue(fields);
        }
        if (!List.of("#bigint", "#set", "#map", "#tup").contains(tag)) {
            throw new BadValue(path, "unknown tag " + tag);
        }
        if (n.size() != 1) {
            throw new BadValue(path, "a " + tag + " object has no other keys");
        }
        String p = ItfPaths.field(path, tag);
        JsonNode body = n.get(tag);
        switch (tag) {
            case "#bigint": {
                if (!body.isTextual()) {
                    throw new BadValue(p, body + " is not a string of decimal digits");
                }
                if (!BIGINT.matcher(body.textValue()).matches()) {
                    throw new BadValue(p, "\"" + body.textValue() + "\" is not an integer");
                }
                return new TlaValue.IntValue(new BigInteger(body.textValue()));
            }
            case "#set":
                requireArray(body, p);
                return new TlaValue.SetValue(elements(body, p));
            case "#tup":
                requireArray(body, p);
                return new TlaValue.SeqValue(elements(body, p));
            default: {
                requireArray(body, p);
                Map<TlaValue, TlaValue> entries = new LinkedHashMap<>();
                for (int i = 0; i < body.size(); i++) {
                    String ep = p + "[" + i + "]";
                    JsonNode pair = body.get(i);
                    if (!pair.isArray() || pair.size() != 2) {
                        throw new BadValue(ep, "a #map entry is a [key, value] pair");
                    }
                    TlaValue k = fromJson(pair.get(0), ep + "[0]");
                    if (entries.put(k, fromJson(pair.get(1), ep + "[1]")) != null) {
                        throw new BadValue(ep + "[0]", "the key " + k + " appears twice");
                    }
                }
                return TlaValue.function(entries);
            }
        }
    }

    private static void requireArray(JsonNode n, String path) throws BadValue {
        if (!n.isArray()) {
            throw new BadValue(path, "must be an array");
        }
    }

    private static List<TlaValue> elements(JsonNode a, String path) throws BadValue {
        List<TlaValue> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(fromJson(a.get(i), path + "[" + i + "]"));
        }
        return out;
    }
}
