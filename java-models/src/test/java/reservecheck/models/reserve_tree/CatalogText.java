package reservecheck.models.reserve_tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trivial text reader of catalog/reserve_tree.yaml for the tests: the defaults block, each
 * variant's one-line {@code parameters: {...}} and {@code checks: {...}}, and its expected TLC
 * verdict and state count.  The real loader lives in core, which java-models must
 * not depend on; this reads only the lines the tests need and fails loudly on anything else.
 */
final class CatalogText {
    private static CatalogText instance;

    private final List<String> lines;

    private CatalogText(List<String> lines) {
        this.lines = lines;
    }

    static synchronized CatalogText reserveTree() {
        if (instance == null) {
            try {
                instance = new CatalogText(Files.readAllLines(file(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the reserve_tree catalog", e);
            }
        }
        return instance;
    }

    private static Path file() {
        String root = System.getProperty("reservecheck.root");
        if (root != null && !root.isEmpty()) {
            Path p = Paths.get(root, "catalog", "reserve_tree.yaml");
            if (Files.exists(p)) {
                return p;
            }
        }
        // run from the module directory
        return Paths.get("..", "catalog", "reserve_tree.yaml");
    }

    /** The variants' names, in catalog order. */
    List<String> variantNames() {
        List<String> names = new ArrayList<String>();
        for (String l : lines) {
            String t = l.trim();
            if (t.startsWith("- name:")) {
                names.add(t.substring("- name:".length()).trim());
            }
        }
        return names;
    }

    /** The defaults overridden by the variant's parameters. */
    Map<String, Object> parameters(String variant) {
        Map<String, Object> m = defaults();
        String flow = variantField(variant, "parameters:");
        if (flow != null) {
            m.putAll(flowMap(flow));
        }
        return m;
    }

    /** The invariants TLC checks for the variant: its own checks, else the defaults'. */
    List<String> invariants(String variant) {
        String own = variantField(variant, "checks:");
        if (own != null && own.contains("invariants:")) {
            return list(own.substring(own.indexOf("invariants:")));
        }
        for (String l : lines) {
            if (l.startsWith("  invariants:")) {
                return list(l);
            }
        }
        throw new IllegalStateException("no default invariants in the catalog");
    }

    /** The liveness properties TLC checks for the variant: its own checks, else the defaults'. */
    List<String> properties(String variant) {
        String own = variantField(variant, "checks:");
        if (own != null && own.contains("properties:")) {
            return list(own.substring(own.indexOf("properties:")));
        }
        for (String l : lines) {
            if (l.startsWith("  properties:")) {
                return list(l);
            }
        }
        throw new IllegalStateException("no default properties in the catalog");
    }

    /** The expected TLC verdict, e.g. ok, deadlock, invariant:UsageWithinLimit, liveness:AllocReturns. */
    String verdict(String variant) {
        Matcher m = Pattern.compile("verdict:\\s*\"?([A-Za-z:]+)\"?").matcher(tlcLine(variant));
        if (!m.find()) {
            throw new IllegalStateException("no verdict for " + variant);
        }
        return m.group(1);
    }

    /** TLC's distinct-state count for the variant, or -1 if the catalog gives none. */
    int distinctStates(String variant) {
        Matcher m = Pattern.compile("distinct_states:\\s*(\\d+)").matcher(tlcLine(variant));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The variant's "tlc: {...}" line under expected (other checkers have lines of their own). */
    private String tlcLine(String variant) {
        String l = variantField(variant, "tlc:");
        if (l == null) {
            throw new IllegalStateException("no expected tlc result for " + variant);
        }
        return l;
    }

    private Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        boolean in = false;
        for (String l : lines) {
            if (l.startsWith("defaults:")) {
                in = true;
            } else if (in) {
                if (l.trim().isEmpty() || l.trim().startsWith("#")) {
                    continue;
                }
                if (!l.startsWith("  ")) {
                    break;
                }
                int colon = l.indexOf(':');
                m.put(l.substring(0, colon).trim(), scalar(l.substring(colon + 1)));
            }
        }
        if (m.isEmpty()) {
            throw new IllegalStateException("no defaults in the catalog");
        }
        return m;
    }

    /** The variant's lines, from its "- name:" to the next one. */
    private String block(String variant) {
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (String l : lines) {
            String t = l.trim();
            if (t.startsWith("- name:")) {
                in = t.substring("- name:".length()).trim().equals(variant);
            } else if (in) {
                b.append(l).append('\n');
            }
        }
        if (b.length() == 0) {
            throw new IllegalStateException("no variant " + variant + " in the catalog");
        }
        return b.toString();
    }

    private String variantField(String variant, String key) {
        for (String l : block(variant).split("\n")) {
            String t = l.trim();
            if (t.startsWith(key)) {
                return t.substring(key.length()).trim();
            }
        }
        return null;
    }

    private static Map<String, Object> flowMap(String flow) {
        String body = flow.trim();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalStateException("not a one-line flow map: " + flow);
        }
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        for (String kv : body.substring(1, body.length() - 1).split(",")) {
            int colon = kv.indexOf(':');
            m.put(kv.substring(0, colon).trim(), scalar(kv.substring(colon + 1)));
        }
        return m;
    }

    private static List<String> list(String text) {
        String body = text.substring(text.indexOf('[') + 1, text.indexOf(']'));
        List<String> l = new ArrayList<String>();
        for (String s : body.split(",")) {
            l.add(s.trim());
        }
        return l;
    }

    private static Object scalar(String text) {
        String v = text.trim();
        if (v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.equals("true")) {
            return Boolean.TRUE;
        }
        if (v.equals("false")) {
            return Boolean.FALSE;
        }
        return Integer.valueOf(v);
    }
}
