package reservecheck.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator names a TLA+ module defines ({@code Name == ...}, {@code Name(a, b) == ...},
 * {@code Name[x \in S] == ...}), with those of the modules it EXTENDS that sit next to it. A
 * catalog entry naming an invariant or property the spec does not define would otherwise load and
 * fail only when TLC runs (or, for the Java checkers, never: they look invariants up by name).
 */
final class SpecDefinitions {

    private static final Pattern DEFINITION = Pattern.compile(
            "^[ \\t]*(?:LOCAL[ \\t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \\t]*(?:\\([^)]*\\)|\\[[^\\]]*\\])?\\s*==",
            Pattern.MULTILINE);
    private static final Pattern EXTENDS = Pattern.compile("^[ \\t]*EXTENDS[ \\t]+([^\\n]+)", Pattern.MULTILINE);

    private SpecDefinitions() {
    }

    /** The names defined by the module in {@code spec}; throws when it cannot be read. */
    static Set<String> of(Path spec) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        todo.add(spec.toAbsolutePath().normalize());
        while (!todo.isEmpty()) {
            Path f = todo.poll();
            if (!seen.add(f)) {
                continue;
            }
            String text = withoutComments(Files.readString(f, StandardCharsets.UTF_8));
            Matcher m = DEFINITION.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
            Matcher e = EXTENDS.matcher(text);
            while (e.find()) {
                for (String module : e.group(1).split(",")) {
                    // standard modules (Naturals, TLC, ...) are not next to the spec and define no invariants
                    Path local = f.resolveSibling(module.strip() + ".tla");
                    if (!module.isBlank() && Files.isRegularFile(local)) {
                        todo.add(local.normalize());
                    }
                }
            }
        }
        return names;
    }

    /** The text with {@code \* ...} and nested {@code (* ... *)} comments blanked, newlines kept. */
    static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            char n = i + 1 < s.length() ? s.charAt(i + 1) : '\0';
            if (c == '(' && n == '*') {
                depth++;
                i += 2;
            } else if (depth > 0 && c == '*' && n == ')') {
                depth--;
                i += 2;
            } else if (depth == 0 && c == '\\' && n == '*') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else {
                out.append(depth > 0 && c != '\n' ? ' ' : c);
                i++;
            }
        }
        return out.toString();
    }
}
