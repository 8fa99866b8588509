package reservecheck.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far each entry's verdict is known to hold: {@code catalog/bounds/<protocol>.yaml}, written
 * by {@code reservecheck frontier --record} ({@code make frontier}), never by hand except its
 * {@code grow} list.  Per design, the frontier (the bounds grown from the entry's own, the largest
 * checked with the entry's verdict, the smallest with another); per bug, the minimal bounds that
 * still show its verdict.  Kept beside the protocol files, not in them, so that regenerating the
 * records never rewrites the hand-written catalog (nor its comments).  The loader validates them
 * against the catalog: every name a declared integer parameter, every value within its bounds, a
 * frontier only on a design, a minimal configuration only on a bug and no larger than its bounds.
 */
public final class FrontierRecords {
    public static final String DIR = "catalog/bounds";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\.\\.(\\d+)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * A design's frontier.
     *
     * @param grow         each grown parameter's range, from the entry's own value
     * @param verdict      the verdict at the entry's own bounds
     * @param verifiedUpTo each grown bound's largest value checked with that verdict, the other bounds at
     *                     the entry's own (null: none in the budget); every combination when complete
     * @param points       how many models were checked with that verdict
     * @param complete     every model of the ranges was checked with that verdict
     * @param failsAt      the smallest bounds with another verdict, or null
     * @param failsWith    that verdict, or null
     */
    public record Frontier(Map<String, Range> grow, String verdict, Map<String, Integer> verifiedUpTo, int points,
                           boolean complete, Map<String, Integer> failsAt, String failsWith, long budgetS,
                           String checked) {
    }

    /** A bug's minimal configuration: the least bounds (of the grow list) that still show {@code verdict}. */
    public record Minimal(String verdict, Map<String, Integer> bounds, int points, long budgetS, String checked) {
    }

    public record Range(int from, int to) {
        @Override
        public String toString() {
            return from + ".." + to;
        }
    }

    /**
     * One protocol's records; {@code grow} and {@code shrink} are the hand-chosen lists of the
     * workload bounds a design's frontier grows and a bug's minimal configuration shrinks, and
     * {@code shrinkFloor}, also hand-written, the bounds a bug's shrink keeps (per bug entry): below
     * them the same verdict has another entry's cause (one dirty page fewer, and a writeback bug's
     * deadlock is the one of too small to fail with nothing to reclaim).
     */
    public record File(String protocol, List<String> grow, List<String> shrink,
                       Map<String, Map<String, Integer>> shrinkFloor, Map<String, Frontier> frontier,
                       Map<String, Minimal> minimal) {
        public File {
            shrinkFloor = shrinkFloor == null ? Map.of() : Map.copyOf(shrinkFloor);
        }

        /** The least value the shrink of {@code bug} may give each of its bounds (none: the declared minimum). */
        public Map<String, Integer> floorOf(String bug) {
            return shrinkFloor.getOrDefault(bug, Map.of());
        }
    }

    private FrontierRecords() {
    }

    public static Path file(Path root, String protocol) {
        return root.resolve(DIR).resolve(protocol + ".yaml");
    }

    /** Every protocol's records (a protocol without a file has none), validated against the catalog. */
    public static Map<String, File> load(Catalog catalog) throws CatalogException {
        Map<String, File> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Protocol p : catalog.protocols()) {
            Path f = file(catalog.root(), p.name());
            if (Files.isRegularFile(f)) {
                File r = read(p, f, problems);
                if (r != null) {
                    out.put(p.name(), r);
                }
            }
        }
        Path dir = catalog.root().resolve(DIR);
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                s.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().forEach(n -> {
                    if (catalog.protocol(n.substring(0, n.length() - 5)).isEmpty()) {
                        problems.add(DIR + "/" + n + ": no protocol of that name in the catalog");
                    }
                });
            } catch (IOException e) {
                problems.add(DIR + ": cannot be listed: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return out;
    }

    private static File read(Protocol p, Path f, List<String> problems) {
        String where = DIR + "/" + p.name() + ".yaml";
        JsonNode n;
        try {
            n = YAML.readTree(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(where + ": not YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return null;
        }
        int before = problems.size();
        Checker c = new Checker(p, where, problems);
        if (n == null || !n.isObject()) {
            c.problem("", "expected a mapping with protocol, grow, frontier and minimal");
            return null;
        }
        c.only(n, "", "protocol", "grow", "shrink", "shrink_floor", "frontier", "minimal");
        if (!p.name().equals(n.path("protocol").asText())) {
            c.problem("protocol", "must be " + p.name() + ", the file's name");
        }
        List<String> grow = c.names("grow", n.path("grow"));
        List<String> shrink = c.names("shrink", n.path("shrink"));
        Map<String, Map<String, Integer>> floors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("shrink_floor").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, Integer> floor = c.floor("shrink_floor." + e.getKey(), e.getKey(), e.getValue(), shrink);
            if (floor != null) {
                floors.put(e.getKey(), floor);
            }
        }
        Map<String, Frontier> frontier = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("frontier").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Frontier fr = c.frontier("frontier." + e.getKey(), e.getKey(), e.getValue());
            if (fr != null) {
                frontier.put(e.getKey(), fr);
            }
        }
        Map<String, Minimal> minimal = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("minimal").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Minimal m = c.minimal("minimal." + e.getKey(), e.getKey(), e.getValue(), floors.getOrDefault(e.getKey(), Map.of()));
            if (m != null) {
                minimal.put(e.getKey(), m);
            }
        }
        return problems.size() == before ? new File(p.name(), grow, shrink, floors, frontier, minimal) : null;
    }

    /** The validation of one file, each problem one line naming the key. */
    private static final class Checker {
        private final Protocol p;
        private final String where;
        private final List<String> problems;

        Checker(Protocol p, String where, List<String> problems) {
            this.p = p;
            this.where = where;
            this.problems = problems;
        }

        void problem(String key, String what) {
            problems.add(where + ": " + (key.isEmpty() ? "" : key + ": ") + what);
        }

        void only(JsonNode n, String key, String... allowed) {
            List<String> ok = List.of(allowed);
            n.fieldNames().forEachRemaining(k -> {
                if (!ok.contains(k)) {
                    problem(key.isEmpty() ? k : key + "." + k, "unknown key (expected one of " + String.join(", ", ok) + ")");
                }
            });
        }

        List<String> names(String key, JsonNode n) {
            List<String> out = new ArrayList<>();
            if (!n.isArray() || n.isEmpty()) {
                problem(key, "expected a list of the protocol's integer parameters");
                return out;
            }
            for (JsonNode g : n) {
                if (intParameter(key, g.asText()) != null) {
                    out.add(g.asText());
                }
            }
            return out;
        }

        ParameterDecl intParameter(String key, String name) {
            ParameterDecl d = p.parameters().get(name);
            if (d == null || d.type() != ParamType.INT && d.type() != ParamType.TASKS) {
                problem(key, name + " is not an integer parameter of " + p.name());
                return null;
            }
            return d;
        }

        Variant variant(String key, String name, Kind kind) {
            Variant v = p.variant(name).orElse(null);
            if (v == null) {
                problem(key, "no entry " + name + " in " + p.name());
            } else if (v.kind() != kind) {
                problem(key, name + " is a " + v.kind().label() + ", not a " + kind.label());
                return null;
            }
            return v;
        }

        /** Bounds: declared integer parameters, each within its declared range and {@code range}'s if given. */
        Map<String, Integer> bounds(String key, JsonNode n, Map<String, Range> ranges) {
            if (n == null || n.isNull()) {
                return null;
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            if (!n.isObject() || n.isEmpty()) {
                problem(key, "expected a mapping of parameters to values");
                return out;
            }
            n.fields().forEachRemaining(e -> {
                String k = key + "." + e.getKey();
                ParameterDecl d = intParameter(k, e.getKey());
                if (d == null) {
                    return;
                }
                if (!e.getValue().isInt()) {
                    problem(k, "expected an integer");
                    return;
                }
                int x = e.getValue().asInt();
                String bad = d.problem(x);
                Range r = ranges == null ? null : ranges.get(e.getKey());
                if (bad != null) {
                    problem(k, bad);
                } else if (ranges != null && r == null) {
                    problem(k, e.getKey() + " is not grown");
                } else if (r != null && (x < r.from() || x > r.to())) {
                    problem(k, x + " is outside the grown range " + r);
                } else {
                    out.put(e.getKey(), x);
                }
            });
            return out;
        }

        /** The entry a record is about, when it is of that kind and the record a mapping; else null. */
        Variant record(String key, String name, Kind kind, JsonNode n) {
            Variant v = variant(key, name, kind);
            if (v != null && !n.isObject()) {
                problem(key, "expected a mapping");
                return null;
            }
            return v;
        }

        String date(String key, JsonNode n) {
            if (!DATE.matcher(n.path("checked").asText()).matches()) {
                problem(key + ".checked", "expected the date of the run, YYYY-MM-DD");
            }
            if (n.path("budget_s").asLong() < 1) {
                problem(key + ".budget_s", "expected the run's budget in seconds, at least 1");
            }
            return n.path("checked").asText();
        }

        Frontier frontier(String key, String name, JsonNode n) {
            Variant v = record(key, name, Kind.DESIGN, n);
            if (v == null) {
                return null;
            }
            only(n, key, "grow", "verdict", "verified_up_to", "points", "complete", "fails_at", "fails_with",
                    "budget_s", "checked");
            Map<String, Range> grow = new LinkedHashMap<>();
            n.path("grow").fields().forEachRemaining(e -> {
                String k = key + ".grow." + e.getKey();
                ParameterDecl d = intParameter(k, e.getKey());
                Matcher m = RANGE.matcher(e.getValue().asText());
                if (d == null) {
                    return;
                }
                if (!m.matches()) {
                    problem(k, "expected A..B");
                    return;
                }
                Range r = new Range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                Object own = v.parameters().get(e.getKey());
                if (r.from() > r.to() || d.problem(r.to()) != null) {
                    problem(k, r + " is not a range within the parameter's bounds");
                } else if (!Integer.valueOf(r.from()).equals(own)) {
                    problem(k, "starts at " + r.from() + ", not at the entry's own " + own);
                } else {
                    grow.put(e.getKey(), r);
                }
            });
            if (grow.isEmpty()) {
                problem(key + ".grow", "expected the grown parameters and their ranges");
            }
            Map<String, Integer> verified = bounds(key + ".verified_up_to", n.get("verified_up_to"), grow);
            Map<String, Integer> failsAt = bounds(key + ".fails_at", n.get("fails_at"), grow);
            String failsWith = n.path("fails_with").isTextual() ? n.get("fails_with").asText() : null;
            boolean complete = n.path("complete").asBoolean(false);
            if (!n.path("verdict").isTextual()) {
                problem(key + ".verdict", "expected the verdict at the entry's own bounds");
            }
            if (!n.path("complete").isBoolean()) {
                problem(key + ".complete", "expected true or false");
            }
            if ((failsAt == null) != (failsWith == null)) {
                problem(key, "fails_at and fails_with go together");
            }
            if (complete && failsAt != null) {
                problem(key, "complete with a failing bound: the verdict did not hold over the whole range");
            }
            if (failsWith != null && failsWith.equals(n.path("verdict").asText())) {
                problem(key + ".fails_with", "is the verdict at the entry's own bounds");
            }
            if (!n.path("points").isInt() || n.get("points").asInt() < 0
                    || (verified == null) != (n.path("points").asInt() == 0)) {
                problem(key + ".points", "expected how many models were checked with the verdict (0 iff no verified_up_to)");
            }
            return new Frontier(grow, n.path("verdict").asText(), verified, n.path("points").asInt(), complete, failsAt,
                    failsWith, n.path("budget_s").asLong(), date(key, n));
        }

        /** A bug's shrink floor: bounds of the shrink list, each no larger than the entry's own. */
        Map<String, Integer> floor(String key, String name, JsonNode n, List<String> shrink) {
            Variant v = variant(key, name, Kind.BUG);
            if (v == null) {
                return null;
            }
            Map<String, Integer> floor = bounds(key, n, null);
            if (floor == null || floor.isEmpty()) {
                problem(key, "expected the bounds the shrink keeps, e.g. {dirty_pages: 1}");
                return null;
            }
            floor.forEach((k, x) -> {
                if (!shrink.contains(k)) {
                    problem(key + "." + k, "is not in the shrink list");
                } else if (v.parameters().get(k) instanceof Integer own && x > own) {
                    problem(key + "." + k, x + " is larger than the entry's own " + own);
                }
            });
            return floor;
        }

        Minimal minimal(String key, String name, JsonNode n, Map<String, Integer> floor) {
            Variant v = record(key, name, Kind.BUG, n);
            if (v == null) {
                return null;
            }
            only(n, key, "verdict", "bounds", "points", "budget_s", "checked");
            String verdict = n.path("verdict").asText();
            String expected = v.expectedVerdict("explorer").orElse(null);
            if (!verdict.equals(expected)) {
                problem(key + ".verdict", "'" + verdict + "' is not the entry's explorer verdict " + expected);
            }
            Map<String, Integer> bounds = bounds(key + ".bounds", n.get("bounds"), null);
            if (bounds == null) {
                problem(key + ".bounds", "expected the minimal bounds");
            } else {
                bounds.forEach((k, x) -> {
                    if (v.parameters().get(k) instanceof Integer own && x > own) {
                        problem(key + ".bounds." + k, x + " is larger than the entry's own " + own);
                    }
                    if (floor.containsKey(k) && x < floor.get(k)) {
                        problem(key + ".bounds." + k, x + " is below the entry's shrink_floor " + floor.get(k));
                    }
                });
            }
            if (!n.path("points").isInt() || n.get("points").asInt() < 1) {
                problem(key + ".points", "expected how many models the shrinking checked, at least 1");
            }
            return new Minimal(verdict, bounds, n.path("points").asInt(), n.path("budget_s").asLong(), date(key, n));
        }
    }

    /** The file's text, one line per record, in the catalog's order of entries. */
    public static String render(Protocol p, File f) {
        StringBuilder sb = new StringBuilder();
        sb.append("# How far each entry's verdict holds, written by `make frontier` (reservecheck frontier\n")
                .append("# --record); format in docs/CATALOG.md.  Only `grow`, `shrink` and `shrink_floor` are\n")
                .append("# hand-written: the workload bounds a design's frontier grows by one and a bug's shrink\n")
                .append("# lowers, and per bug the bounds its shrink keeps (below them the verdict has another cause).\n")
                .append("protocol: ").append(p.name()).append('\n')
                .append("grow: [").append(String.join(", ", f.grow())).append("]\n")
                .append("shrink: [").append(String.join(", ", f.shrink())).append("]\n");
        if (!f.shrinkFloor().isEmpty()) {
            sb.append("shrink_floor:\n");
            for (Variant v : p.variants()) {
                if (f.shrinkFloor().containsKey(v.name())) {
                    sb.append("  ").append(v.name()).append(": ").append(flow(f.shrinkFloor().get(v.name()))).append('\n');
                }
            }
        }
        sb.append("frontier:\n");
        for (Variant v : p.variants()) {
            Frontier r = f.frontier().get(v.name());
            if (r != null) {
                Map<String, String> grow = new LinkedHashMap<>();
                r.grow().forEach((k, x) -> grow.put(k, "\"" + x + "\""));
                sb.append("  ").append(v.name()).append(": {grow: ").append(flow(grow))
                        .append(", verdict: \"").append(r.verdict()).append('"')
                        .append(", verified_up_to: ").append(r.verifiedUpTo() == null ? "null" : flow(r.verifiedUpTo()))
                        .append(", points: ").append(r.points())
                        .append(", complete: ").append(r.complete());
                if (r.failsAt() != null) {
                    sb.append(", fails_at: ").append(flow(r.failsAt()))
                            .append(", fails_with: \"").append(r.failsWith()).append('"');
                }
                sb.append(", budget_s: ").append(r.budgetS()).append(", checked: \"").append(r.checked()).append("\"}\n");
            }
        }
        sb.append("minimal:\n");
        for (Variant v : p.variants()) {
            Minimal m = f.minimal().get(v.name());
            if (m != null) {
                sb.append("  ").append(v.name()).append(": {verdict: \"").append(m.verdict()).append('"')
                        .append(", bounds: ").append(flow(m.bounds()))
                        .append(", points: ").append(m.points())
                        .append(", budget_s: ").append(m.budgetS()).append(", checked: \"").append(m.checked()).append("\"}\n");
            }
        }
        return sb.toString();
    }

    private static String flow(Map<String, ?> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, x) -> sb.append(sb.length() == 1 ? "" : ", ").append(k).append(": ").append(x));
        return sb.append('}').toString();
    }
}
