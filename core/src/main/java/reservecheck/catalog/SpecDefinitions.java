package reservecheck.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator names a TLA+ module defines ({@code Name == ...}, {@code Name(a, b) == ...},
 * {@code Name[x \in S] == ...}), with those of the modules it EXTENDS that sit next to it. A
 * catalog entry naming an invariant or property the spec does not define would otherwise load and
 * fail only when TLC runs (or, for the Java checkers, never: they look invariants up by name).
 * The same reading gives an operator's text, for a trace page to show what a violated invariant
 * says, and the fairness conjuncts of the temporal formula a liveness verdict assumed.
 */
public final class SpecDefinitions {

    /**
     * One operator's definition as the module writes it.
     *
     * @param name    the operator
     * @param file    the module that defines it
     * @param line    the line of its header, from 1
     * @param text    the definition, header to last line of its body, comments in it kept
     * @param comment the comment lines right above the header (what the spec says it means), or ""
     */
    public record Definition(String name, Path file, int line, String text, String comment) {
    }

    // What the lookup knows of a definition: the text as written and with its comments blanked.
    private record Found(Definition definition, String code) {
    }

    private record Module(Path file, String text, String code) {
    }

    private static final Pattern DEFINITION = Pattern.compile(
            "^[ \\t]*(?:LOCAL[ \\t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \\t]*(?:\\([^)]*\\)|\\[[^\\]]*\\])?\\s*==",
            Pattern.MULTILINE);
    private static final Pattern EXTENDS = Pattern.compile("^[ \\t]*EXTENDS[ \\t]+([^\\n]+)", Pattern.MULTILINE);

    private SpecDefinitions() {
    }

    /** The names defined by the module in {@code spec}; throws when it cannot be read. */
    static Set<String> of(Path spec) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Module mod : modules(spec)) {
            Matcher m = DEFINITION.matcher(mod.code());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The definition of {@code name} in the module or the modules it EXTENDS beside it: from its
     * header to the line before the next line that starts in the first column (the next
     * definition, a separator, the module's end), without the comment lines that lead into what
     * follows.  A definition at the first column is preferred to a LET's of the same name.
     */
    public static Optional<Definition> definition(Path spec, String name) throws IOException {
        return find(modules(spec), name).map(Found::definition);
    }

    /**
     * The fairness conjuncts of the temporal formula {@code specOperator} (e.g. {@code Spec}):
     * every conjunct with a {@code WF_} or {@code SF_}, whitespace collapsed, in the order
     * written; a conjunct that names another operator (a {@code Fairness == ...}) is replaced by
     * that operator's.  Empty when the formula assumes no fairness or is not defined.
     */
    public static List<String> fairness(Path spec, String specOperator) throws IOException {
        List<Module> mods = modules(spec);
        List<String> out = new ArrayList<>();
        fairness(mods, specOperator, out, 0);
        return out;
    }

    private static void fairness(List<Module> mods, String op, List<String> out, int depth) {
        Optional<Found> f = find(mods, op);
        if (f.isEmpty() || depth > 4) {
            return;
        }
        String code = f.get().code();
        int eq = code.indexOf("==");
        for (String c : conjuncts(code, eq + 2, code.length())) {
            if (c.contains("WF_") || c.contains("SF_")) {
                out.add(c);
            } else if (c.matches("[A-Za-z_][A-Za-z0-9_]*") && !c.equals(op)) {
                fairness(mods, c, out, depth + 1);
            }
        }
    }

    /**
     * The conjuncts of {@code code[from, to)}: a bulleted list ({@code /\} items aligned in one
     * column) item by item, each split again; else the {@code /\} outside brackets, where a
     * conjunct that starts with a quantifier extends to the end (its scope does).
     */
    static List<String> conjuncts(String code, int from, int to) {
        int start = skipSpace(code, from, to);
        List<String> out = new ArrayList<>();
        if (code.startsWith("/\\", start) && start + 2 <= to) {
            int col = column(code, start);
            int item = start + 2;
            for (int i = item; i < to - 1; i++) {
                if (code.startsWith("/\\", i) && column(code, i) == col && firstOnLine(code, i)) {
                    out.addAll(conjuncts(code, item, i));
                    item = i + 2;
                }
            }
            out.addAll(conjuncts(code, item, to));
            return out;
        }
        int depth = 0;
        int part = start;
        for (int i = start; i < to; i++) {
            char c = code.charAt(i);
            char n = i + 1 < to ? code.charAt(i + 1) : '\0';
            if (c == '(' || c == '[' || c == '{' || (c == '<' && n == '<')) {
                depth++;
            } else if (c == ')' || c == ']' || c == '}' || (c == '>' && n == '>')) {
                depth--;
            } else if (depth == 0 && c == '/' && n == '\\' && (i == 0 || code.charAt(i - 1) != '\\')) {
                String head = code.substring(part, i).strip();
                if (head.startsWith("\\A") || head.startsWith("\\E")) {
                    break; // a quantifier's body runs to the end of the formula
                }
                add(out, head);
                part = i + 2;
            }
            if ((c == '<' && n == '<') || (c == '>' && n == '>')) {
                i++;
            }
        }
        add(out, code.substring(part, to));
        return out;
    }

    private static void add(List<String> out, String conjunct) {
        String c = conjunct.strip().replaceAll("\\s+", " ");
        if (!c.isEmpty()) {
            out.add(c);
        }
    }

    private static int skipSpace(String s, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int column(String s, int pos) {
        return pos - (s.lastIndexOf('\n', pos - 1) + 1);
    }

    private static boolean firstOnLine(String s, int pos) {
        return s.substring(s.lastIndexOf('\n', pos - 1) + 1, pos).isBlank();
    }

    private static Optional<Found> find(List<Module> mods, String name) {
        Found indented = null;
        for (Module mod : mods) {
            Matcher m = DEFINITION.matcher(mod.code());
            while (m.find()) {
                if (!m.group(1).equals(name)) {
                    continue;
                }
                Found f = found(mod, name, m.start(1));
                // DEFINITION matches at a line's start: a top-level definition has no indent
                if (!Character.isWhitespace(mod.code().charAt(m.start()))) {
                    return Optional.of(f);
                }
                if (indented == null) {
                    indented = f;
                }
            }
        }
        return Optional.ofNullable(indented);
    }

    private static Found found(Module mod, String name, int at) {
        String[] code = mod.code().split("\n", -1);
        String[] text = mod.text().split("\n", -1);
        int first = 0;
        for (int i = 0; i < at; i++) {
            if (mod.code().charAt(i) == '\n') {
                first++;
            }
        }
        int end = first + 1;
        while (end < code.length && (code[end].isEmpty() || Character.isWhitespace(code[end].charAt(0)))) {
            end++;
        }
        while (end > first + 1 && code[end - 1].isBlank()) {
            end--; // blank or comment only: leads into what follows
        }
        int lead = first;
        while (lead > 0 && code[lead - 1].isBlank() && !text[lead - 1].isBlank()) {
            lead--;
        }
        StringBuilder def = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = first; i < end; i++) {
            def.append(text[i].stripTrailing()).append(i + 1 < end ? "\n" : "");
            body.append(code[i]).append('\n');
        }
        StringBuilder comment = new StringBuilder();
        for (int i = lead; i < first; i++) {
            comment.append(text[i].strip()).append(i + 1 < first ? "\n" : "");
        }
        return new Found(new Definition(name, mod.file(), first + 1, def.toString(), comment.toString()),
                body.toString());
    }

    /** The module and the modules it EXTENDS that sit next to it, each once, the module first. */
    private static List<Module> modules(Path spec) throws IOException {
        List<Module> out = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        todo.add(spec.toAbsolutePath().normalize());
        while (!todo.isEmpty()) {
            Path f = todo.poll();
            if (!seen.add(f)) {
                continue;
            }
            String raw = Files.readString(f, StandardCharsets.UTF_8).replace("\r\n", "\n");
            String text = withoutComments(raw);
            out.add(new Module(f, raw, text));
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
        return out;
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
