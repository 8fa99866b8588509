package reservecheck.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every {@code catalog/*.yaml} of a repository, validates each against
 * {@code catalog/schema/catalog.schema.json}, then checks what the schema cannot say: defaults and
 * overrides against the parameter declarations, variant names unique across files, the protocol
 * name against the file name, the spec file existing.
 *
 * <p>Every problem is reported as one line {@code catalog/f.yaml:LINE: path: problem}; the line is
 * found by walking the YAML once more and recording where each value is.
 */
public final class CatalogLoader {

    /** Where the schema lives, relative to the repository root. */
    public static final String SCHEMA = "catalog/schema/catalog.schema.json";
    /** Where the protocol files live, relative to the repository root. */
    public static final String CATALOG_DIR = "catalog";

    private static final String NAME_PATTERN = "^[a-z][a-z0-9_]*$";
    private static final String IDENT_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";
    private static final String VERDICT_PATTERN =
            "^(ok|deadlock|assert|invariant:[A-Za-z_][A-Za-z0-9_]*|liveness:[A-Za-z_][A-Za-z0-9_]*)$";

    // Duplicate keys would otherwise silently keep the last value.
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new YAMLMapper(YAML);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogLoader() {
    }

    /**
     * Loads the catalog and requires every protocol's spec to exist.
     *
     * @throws SpecMissingException when the catalog is well-formed but a spec file is missing
     * @throws CatalogException     for any other problem
     */
    public static Catalog load(Path root) throws CatalogException {
        Catalog c = loadAllowingMissingSpecs(root);
        if (!c.specProblems().isEmpty()) {
            throw new SpecMissingException(c.specProblems().values().iterator().next());
        }
        return c;
    }

    /**
     * Loads the catalog; a missing spec file is recorded in {@link Catalog#specProblems()} rather
     * than thrown, so that a caller can work with the protocols whose specs exist and report a
     * missing one only when it is needed.
     */
    public static Catalog loadAllowingMissingSpecs(Path root) throws CatalogException {
        Path absRoot = root.toAbsolutePath().normalize();
        Path schemaFile = absRoot.resolve(SCHEMA);
        if (!Files.isRegularFile(schemaFile)) {
            throw new CatalogException(SCHEMA + ": missing (is " + absRoot + " the repository root?)");
        }
        JsonNode schemaNode;
        JsonSchema schema;
        try {
            schemaNode = JSON.readTree(Files.readString(schemaFile, StandardCharsets.UTF_8));
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
        } catch (IOException | RuntimeException e) {
            throw new CatalogException(SCHEMA + ": cannot be read as a JSON schema: " + oneLine(e.getMessage()));
        }

        Path dir = absRoot.resolve(CATALOG_DIR);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new CatalogException(CATALOG_DIR + "/: cannot be listed: " + oneLine(e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new CatalogException(CATALOG_DIR + "/: no protocol files (" + CATALOG_DIR + "/*.yaml)");
        }

        List<String> problems = new ArrayList<>();
        List<Protocol> protocols = new ArrayList<>();
        Map<String, String> specProblems = new LinkedHashMap<>();
        // variant name -> "catalog/f.yaml:LINE" of its first definition
        Map<String, String> variantHomes = new HashMap<>();
        for (Path file : files) {
            FileReader reader = new FileReader(absRoot, file, schema, schemaNode);
            Protocol p = reader.read(variantHomes);
            problems.addAll(reader.sortedProblems());
            if (p != null && reader.problems.isEmpty()) {
                protocols.add(p);
                if (reader.specProblem != null) {
                    specProblems.put(p.name(), reader.specProblem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        Catalog catalog = new Catalog(absRoot, protocols, specProblems);
        FrontierRecords.load(catalog); // the frontier records name entries and bounds of this catalog
        return catalog;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        String first = s.strip().lines().findFirst().orElse("");
        return first.isEmpty() ? "(no detail)" : first;
    }

    private record Problem(int line, String path, String message) {
    }

    /** Reads one protocol file, collecting its problems. */
    private static final class FileReader {
        final Path root;
        final Path file;
        final String rel;
        final JsonSchema schema;
        final JsonNode schemaNode;
        final List<Problem> problems = new ArrayList<>();
        YamlLines lines;
        String specProblem;

        FileReader(Path root, Path file, JsonSchema schema, JsonNode schemaNode) {
            this.root = root;
            this.file = file;
            this.rel = root.relativize(file).toString().replace('\\', '/');
            this.schema = schema;
            this.schemaNode = schemaNode;
        }

        List<String> sortedProblems() {
            Set<String> out = new LinkedHashSet<>();
            problems.stream()
                    .sorted(Comparator.comparingInt(Problem::line))
                    .forEach(p -> out.add(rel + ":" + p.line() + ": "
                            + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message()));
            return List.copyOf(out);
        }

        void problem(String path, String message) {
            problems.add(new Problem(lines == null ? 1 : lines.lineOf(path), path, message));
        }

        void problemAt(String path, String linePath, String message) {
            problems.add(new Problem(lines == null ? 1 : lines.lineOf(linePath), path, message));
        }

        Protocol read(Map<String, String> variantHomes) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(new Problem(1, "", "cannot be read: " + oneLine(e.getMessage())));
                return null;
            }
            JsonNode doc;
            try {
                doc = MAPPER.readTree(text);
                lines = YamlLines.of(YAML, text);
            } catch (JacksonException e) {
                JsonLocation loc = e.getLocation();
                int line = loc != null && loc.getLineNr() > 0 ? loc.getLineNr() : 1;
                String msg = oneLine(e.getOriginalMessage());
                if (msg.startsWith("Duplicate field ")) {
                    msg = "duplicate key " + msg.substring("Duplicate field ".length());
                } else {
                    msg = "YAML syntax: " + msg;
                }
                problems.add(new Problem(line, "", msg));
                return null;
            } catch (IOException e) {
                problems.add(new Problem(1, "", "cannot be read: " + oneLine(e.getMessage())));
                return null;
            }
            if (doc == null || doc.isMissingNode() || doc.isNull()) {
                problems.add(new Problem(1, "", "empty file: expected a protocol (see docs/CATALOG.md)"));
                return null;
            }

            Set<ValidationMessage> messages = schema.validate(doc);
            if (!messages.isEmpty()) {
                for (ValidationMessage m : messages) {
                    describe(m);
                }
                return null;
            }
            return build(doc, variantHomes);
        }

        // ---- schema messages -> one line each ------------------------------------------------

        private void describe(ValidationMessage m) {
            String loc = path(m.getInstanceLocation());
            String type = m.getType();
            Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
            String eval = String.valueOf(m.getEvaluationPath());
            if (eval.contains(".anyOf[")) {
                // the only alternatives in the schema: an operator name, or null
                problem(loc, "must be a TLA+ operator name, or null (found " + m.getInstanceNode() + ")");
                return;
            }
            switch (type) {
                case "required" -> problem(loc, "missing required key '" + m.getProperty() + "'");
                case "additionalProperties" -> {
                    String key = m.getProperty();
                    List<String> allowed = allowedKeys(m);
                    String where = YamlLines.child(loc, key);
                    problemAt(where, where, "unknown key '" + key + "'"
                            + (allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed) + ")"));
                }
                case "dependentRequired" -> problemAt(loc, YamlLines.child(loc, m.getProperty()),
                        args.length > 0 ? args[0] + " is required when " + m.getProperty() + " is present"
                                : oneLine(m.getError()));
                case "enum" -> problem(loc, "must be one of " + enumValues(m));
                case "const" -> problem(loc, "must be " + m.getSchemaNode());
                case "type" -> problem(loc, "must be " + typeWords(args.length > 1 ? args[1] : "?")
                        + ", not " + typeWords(args.length > 0 ? args[0] : "?"));
                case "pattern" -> problem(loc, patternWords(args.length > 0 ? String.valueOf(args[0]) : "")
                        + " (found " + m.getInstanceNode() + ")");
                case "propertyNames" -> {
                    String key = args.length > 0 ? String.valueOf(args[0]) : m.getProperty();
                    problem(YamlLines.child(loc, key), "'" + key + "' is not a valid name: "
                            + patternWords(NAME_PATTERN));
                }
                case "minimum" -> problem(loc, "must be at least " + (args.length > 0 ? args[0] : "?"));
                case "minItems", "minLength" -> problem(loc, "must not be empty");
                case "minProperties" -> problem(loc, loc.endsWith("expected")
                        ? "must name at least one checker" : "must not be empty");
                case "uniqueItems" -> problem(loc, "must not list the same entry twice");
                default -> problem(loc, oneLine(m.getError()));
            }
        }

        private static String path(JsonNodePath p) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < p.getNameCount(); i++) {
                Object e = p.getElement(i);
                if (e instanceof Integer n) {
                    sb.append('[').append(n).append(']');
                } else {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(e);
                }
            }
            return sb.toString();
        }

        /** The keys the object's schema allows, read from the schema next to its additionalProperties. */
        private List<String> allowedKeys(ValidationMessage m) {
            try {
                JsonNodePath frag = m.getSchemaLocation().getFragment();
                JsonNode node = schemaNode;
                for (int i = 0; i < frag.getNameCount() - 1; i++) {
                    Object e = frag.getElement(i);
                    node = e instanceof Integer n ? node.path(n) : node.path(String.valueOf(e));
                }
                List<String> keys = new ArrayList<>();
                node.path("properties").fieldNames().forEachRemaining(keys::add);
                return keys;
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        private static String enumValues(ValidationMessage m) {
            JsonNode n = m.getSchemaNode();
            if (n != null && n.isArray()) {
                List<String> vs = new ArrayList<>();
                n.forEach(v -> vs.add(v.asText()));
                return String.join(", ", vs);
            }
            Object[] a = m.getArguments();
            return a != null && a.length > 0 ? String.valueOf(a[0]).replaceAll("[\\[\\]\"]", "") : "?";
        }

        private static String typeWords(Object t) {
            String s = String.valueOf(t).replaceAll("[\\[\\]]", "");
            List<String> words = new ArrayList<>();
            for (String part : s.split(",")) {
                words.add(switch (part.trim()) {
                    case "object" -> "a mapping";
                    case "array" -> "a list";
                    case "string" -> "a string";
                    case "integer" -> "an integer";
                    case "number" -> "a number";
                    case "boolean" -> "true or false";
                    case "null" -> "null";
                    default -> part.trim();
                });
            }
            if (words.size() == 1) {
                return words.get(0);
            }
            return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
        }

        private static String patternWords(String pattern) {
            return switch (pattern) {
                case NAME_PATTERN -> "must be lower-case letters, digits and _, starting with a letter";
                case IDENT_PATTERN -> "must be a TLA+ identifier (letters, digits and _)";
                case VERDICT_PATTERN -> "must be ok, deadlock, assert, invariant:<Name> or liveness:<Name>";
                default -> pattern.endsWith("\\.tla$")
                        ? "must be the path of a .tla file, relative to the repository root"
                        : "must match " + pattern;
            };
        }

        // ---- checks the schema cannot express, and the model ------------------------------------

        private Protocol build(JsonNode doc, Map<String, String> variantHomes) {
            String name = doc.get("protocol").asText();
            String fileName = file.getFileName().toString();
            String expectedName = fileName.substring(0, fileName.length() - ".yaml".length());
            if (!name.equals(expectedName)) {
                problem("protocol", "'" + name + "' must equal the file name '" + expectedName + "'");
            }

            Map<String, ParameterDecl> decls = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = doc.get("parameters").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                decls.put(e.getKey(), decl(e.getKey(), e.getValue()));
            }
            checkDecls(decls);

            Map<String, Object> defaults = new LinkedHashMap<>();
            JsonNode defaultsNode = doc.get("defaults");
            for (ParameterDecl d : decls.values()) {
                JsonNode v = defaultsNode.get(d.name());
                if (v == null) {
                    problem("defaults", "no value for parameter " + d.name()
                            + " (every declared parameter needs a default)");
                    continue;
                }
                Object value = value(v, d);
                String why = d.problem(value);
                if (why != null) {
                    problem("defaults." + d.name(), v + " is " + why);
                }
                defaults.put(d.name(), value);
            }
            defaultsNode.fieldNames().forEachRemaining(k -> {
                if (!decls.containsKey(k)) {
                    problem("defaults." + k, name + " has no parameter " + k + declaredList(decls));
                }
            });

            Checks checks = checks(Checks.DEFAULT, doc.get("checks"));
            SpecOperators ops = operators(doc);

            List<Variant> variants = new ArrayList<>();
            JsonNode vs = doc.get("variants");
            for (int i = 0; i < vs.size(); i++) {
                Variant v = variant(name, "variants[" + i + "]", vs.get(i), decls, defaults, checks, ops);
                String at = rel + ":" + lines.lineOf("variants[" + i + "].name");
                String home = variantHomes.putIfAbsent(v.name(), at);
                if (home != null) {
                    problem("variants[" + i + "].name", "duplicate variant name " + v.name()
                            + " (already defined at " + home + ")");
                }
                variants.add(v);
            }

            String spec = doc.get("spec").asText();
            Path specFile = root.resolve(spec).normalize();
            if (!Files.isRegularFile(specFile)) {
                specProblem = rel + ":" + lines.lineOf("spec") + ": spec: " + spec + " does not exist";
            } else {
                checkNamesDefined(doc, spec, specFile);
            }
            List<String> actions = new ArrayList<>();
            JsonNode an = doc.get("actions");
            if (an != null) {
                for (JsonNode a : an) {
                    actions.add(a.asText());
                }
            }
            for (ParameterDecl d : decls.values()) {
                // the coverage warning of check --set reads these counts: a misspelt action would never be taken
                for (String a : d.affects()) {
                    if (!actions.contains(a)) {
                        problem("parameters." + d.name() + ".affects", name + " declares no action " + a
                                + (actions.isEmpty() ? " (the file has no actions list)" : " (its actions: "
                                + String.join(", ", actions) + ")"));
                    }
                }
            }
            for (int i = 0; i < variants.size(); i++) {
                Variant v = variants.get(i);
                for (String key : List.of("uncovered", "redundant")) {
                    for (String a : (key.equals("uncovered") ? v.uncovered() : v.redundant()).keySet()) {
                        if (!actions.contains(a)) {
                            problem("variants[" + i + "]." + key + "." + a, name + " declares no action " + a
                                    + (actions.isEmpty() ? " (the file has no actions list)" : " (its actions: "
                                    + String.join(", ", actions) + ")"));
                        }
                    }
                }
            }
            JsonNode ref = doc.get("reference");
            return new Protocol(name, doc.get("title").asText(), ref == null ? null : ref.asText(), spec, specFile,
                    Path.of(rel), ops, decls, defaults, checks, variants, actions);
        }

        /**
         * Every invariant and property a check list or an expected verdict names must be an operator
         * of the spec: a misspelt one would load, and show only as a mismatch when the entry runs.
         */
        private void checkNamesDefined(JsonNode doc, String spec, Path specFile) {
            Set<String> defined;
            try {
                defined = SpecDefinitions.of(specFile);
            } catch (IOException e) {
                problem("spec", spec + " cannot be read: " + oneLine(e.getMessage()));
                return;
            }
            namesIn(doc.get("checks"), "checks", "the protocol", spec, defined);
            Iterator<Map.Entry<String, JsonNode>> ps = doc.get("parameters").fields();
            while (ps.hasNext()) {
                Map.Entry<String, JsonNode> p = ps.next();
                JsonNode affects = p.getValue().get("affects");
                for (int j = 0; affects != null && j < affects.size(); j++) {
                    String a = affects.get(j).asText();
                    if (!defined.contains(a)) {
                        problem("parameters." + p.getKey() + ".affects[" + j + "]", "parameter " + p.getKey()
                                + " affects action " + a + ", but " + spec + " defines no " + a);
                    }
                }
            }
            JsonNode vs = doc.get("variants");
            for (int i = 0; i < vs.size(); i++) {
                JsonNode v = vs.get(i);
                String at = "variants[" + i + "]";
                String who = "variant " + v.get("name").asText();
                namesIn(v.get("checks"), at + ".checks", who, spec, defined);
                Iterator<Map.Entry<String, JsonNode>> it = v.get("expected").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String verdict = e.getValue().get("verdict").asText();
                    int colon = verdict.indexOf(':');
                    if (colon > 0 && !defined.contains(verdict.substring(colon + 1))) {
                        problem(at + ".expected." + e.getKey() + ".verdict", who + " expects " + verdict
                                + ", but " + spec + " defines no " + verdict.substring(colon + 1));
                    }
                }
            }
        }

        private void namesIn(JsonNode checks, String at, String who, String spec, Set<String> defined) {
            if (checks == null) {
                return;
            }
            for (String key : List.of("invariants", "properties")) {
                JsonNode list = checks.get(key);
                for (int j = 0; list != null && j < list.size(); j++) {
                    String name = list.get(j).asText();
                    if (!defined.contains(name)) {
                        problem(at + "." + key + "[" + j + "]", who + " checks "
                                + (key.equals("invariants") ? "invariant " : "property ") + name + ", but " + spec + " defines no " + name);
                    }
                }
            }
        }

        /** An action-to-reason map ({@code uncovered}, {@code redundant}); empty when absent. */
        private static Map<String, String> reasons(JsonNode n) {
            Map<String, String> out = new LinkedHashMap<>();
            if (n != null) {
                Iterator<Map.Entry<String, JsonNode>> it = n.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
            return out;
        }

        private SpecOperators operators(JsonNode doc) {
            String spec = doc.has("specification") ? doc.get("specification").asText() : null;
            if (spec != null) {
                for (String k : List.of("init", "next")) {
                    if (doc.has(k)) {
                        problem(k, "give either specification (which names its own " + k
                                + ") or init and next, not both");
                    }
                }
            }
            return new SpecOperators(
                    doc.has("init") ? doc.get("init").asText() : SpecOperators.DEFAULT.init(),
                    doc.has("next") ? doc.get("next").asText() : SpecOperators.DEFAULT.next(),
                    spec);
        }

        private static String declaredList(Map<String, ParameterDecl> decls) {
            return decls.isEmpty() ? " (it declares none)" : " (declared: " + String.join(", ", decls.keySet()) + ")";
        }

        private static ParameterDecl decl(String name, JsonNode n) {
            ParamType type = ParamType.fromLabel(n.get("type").asText());
            List<String> values = new ArrayList<>();
            if (n.has("values")) {
                n.get("values").forEach(v -> values.add(v.asText()));
            }
            List<String> affects = new ArrayList<>();
            if (n.has("affects")) {
                n.get("affects").forEach(a -> affects.add(a.asText()));
            }
            return new ParameterDecl(name, type,
                    n.has("min") ? Integer.valueOf(n.get("min").asInt()) : null,
                    n.has("max") ? Integer.valueOf(n.get("max").asInt()) : null,
                    values,
                    n.has("prefix") ? n.get("prefix").asText() : null,
                    n.has("doc") ? n.get("doc").asText() : null,
                    affects,
                    n.has("policy_axis") && n.get("policy_axis").asBoolean());
        }

        private void checkDecls(Map<String, ParameterDecl> decls) {
            List<ParameterDecl> tasks = new ArrayList<>();
            for (ParameterDecl d : decls.values()) {
                if (d.min() != null && d.max() != null && d.min() > d.max()) {
                    problem("parameters." + d.name() + ".min", "min " + d.min() + " is above max " + d.max());
                }
                if (d.type() == ParamType.TASKS) {
                    tasks.add(d);
                }
            }
            // Model values are named prefix1, prefix2, ...: with prefixes p and p1, p11 would be
            // both the 11th p and the 1st p1.
            for (ParameterDecl a : tasks) {
                for (ParameterDecl b : tasks) {
                    if (a != b && b.prefix().startsWith(a.prefix())
                            && (a.prefix().length() < b.prefix().length() || a.name().compareTo(b.name()) < 0)) {
                        problem("parameters." + b.name() + ".prefix", "prefix " + b.prefix()
                                + " can give the same model value names as prefix " + a.prefix() + " of " + a.name());
                    }
                }
            }
        }

        /** A YAML value as the Java value of the parameter's type; a wrong one stays a node so the problem names it. */
        private static Object value(JsonNode v, ParameterDecl d) {
            switch (d.type()) {
                case INT, TASKS -> {
                    return v.isInt() ? Integer.valueOf(v.intValue()) : v;
                }
                case BOOL -> {
                    return v.isBoolean() ? Boolean.valueOf(v.booleanValue()) : v;
                }
                case ENUM -> {
                    // YAML reads 2001 unquoted as a number; the author meant the value "2001"
                    return v.isValueNode() && !v.isNull() ? v.asText() : v;
                }
                default -> throw new IllegalStateException(d.type().toString());
            }
        }

        private Checks checks(Checks base, JsonNode n) {
            if (n == null) {
                return base;
            }
            Checks c = base;
            if (n.has("invariants")) {
                c = c.withInvariants(strings(n.get("invariants")));
            }
            if (n.has("properties")) {
                c = c.withProperties(strings(n.get("properties")));
            }
            if (n.has("deadlock")) {
                c = c.withDeadlock(n.get("deadlock").asBoolean());
            }
            // present and null clears the protocol's setting
            if (n.has("symmetry")) {
                c = c.withSymmetry(n.get("symmetry").isNull() ? null : n.get("symmetry").asText());
            }
            if (n.has("constraint")) {
                c = c.withConstraint(n.get("constraint").isNull() ? null : n.get("constraint").asText());
            }
            return c;
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            array.forEach(x -> out.add(x.asText()));
            return out;
        }

        private Variant variant(String protocol, String at, JsonNode n, Map<String, ParameterDecl> decls,
                                Map<String, Object> defaults, Checks protocolChecks, SpecOperators ops) {
            Map<String, Object> params = new LinkedHashMap<>(defaults);
            JsonNode overrides = n.get("parameters");
            if (overrides != null) {
                Iterator<Map.Entry<String, JsonNode>> it = overrides.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = at + ".parameters." + e.getKey();
                    ParameterDecl d = decls.get(e.getKey());
                    if (d == null) {
                        problem(p, protocol + " has no parameter " + e.getKey() + declaredList(decls));
                        continue;
                    }
                    Object value = value(e.getValue(), d);
                    String why = d.problem(value);
                    if (why != null) {
                        problem(p, e.getValue() + " is " + why);
                    }
                    params.put(d.name(), value);
                }
            }
            Map<String, Expectation> expected = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.get("expected").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode ds = e.getValue().get("distinct_states");
                Map<String, Object> own = new LinkedHashMap<>();
                JsonNode pn = e.getValue().get("parameters");
                if (pn != null) {
                    String where = at + ".expected." + e.getKey() + ".parameters";
                    Iterator<Map.Entry<String, JsonNode>> pi = pn.fields();
                    while (pi.hasNext()) {
                        Map.Entry<String, JsonNode> pe = pi.next();
                        ParameterDecl d = decls.get(pe.getKey());
                        if (d == null) {
                            problem(where + "." + pe.getKey(), protocol + " has no parameter " + pe.getKey()
                                    + declaredList(decls));
                            continue;
                        }
                        Object value = value(pe.getValue(), d);
                        String why = d.problem(value);
                        if (why != null) {
                            problem(where + "." + pe.getKey(), pe.getValue() + " is " + why);
                        }
                        own.put(d.name(), value);
                    }
                }
                JsonNode note = e.getValue().get("parameters_note");
                JsonNode il = e.getValue().get("interleavings");
                JsonNode job = e.getValue().get("job");
                if (job != null && !e.getKey().equals("lincheck")) {
                    // only Lincheck's searches are split between make test and make lincheck-long
                    problem(at + ".expected." + e.getKey() + ".job", "only a lincheck expectation has a job");
                }
                expected.put(e.getKey(), new Expectation(e.getValue().get("verdict").asText(),
                        ds == null ? null : ds.asLong(), own, note == null ? null : note.asText(),
                        il == null ? null : il.asInt(), job == null ? null : job.asText()));
            }
            return new Variant(protocol, n.get("name").asText(), Kind.fromLabel(n.get("kind").asText()),
                    n.get("provenance").asText(), n.get("behaviour").asText(), decls, params,
                    checks(protocolChecks, n.get("checks")),
                    n.has("checks_note") ? n.get("checks_note").asText() : null,
                    expected,
                    n.has("not_modelled") ? n.get("not_modelled").asText() : null,
                    Map.of(), Path.of(rel), ops, reasons(n.get("uncovered")), reasons(n.get("redundant")));
        }
    }
}
