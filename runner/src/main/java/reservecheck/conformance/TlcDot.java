package reservecheck.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reservecheck.tla.TlaValue;

/**
 * Reads the state graph TLC writes with {@code -dump dot,actionlabels}: a node line
 * {@code ID [label="/\\ x = 1\n/\\ y = 2"(,style = filled)]} per state (filled = initial), an
 * edge line {@code A -> B [label="action",...]} per step, and dashed unlabelled self-loops for
 * stuttering, which are skipped.
 */
final class TlcDot {
    private static final Pattern NODE = Pattern.compile("^(-?\\d+) \\[label=\"(.*)\"(,style = filled)?\\];?$");
    private static final Pattern EDGE = Pattern.compile("^(-?\\d+) -> (-?\\d+) \\[label=\"([^\"]*)\".*$");

    private TlcDot() {
    }

    static LabelledGraph read(Path dot, List<String> variables) throws IOException {
        Map<String, String> stateOfId = new HashMap<>();
        Map<String, Boolean> initialOfId = new HashMap<>();
        List<String[]> edgeLines = new java.util.ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(dot, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher n = NODE.matcher(line);
                if (n.matches()) {
                    stateOfId.put(n.group(1), canonical(unescape(n.group(2)), variables));
                    initialOfId.put(n.group(1), n.group(3) != null);
                    continue;
                }
                Matcher e = EDGE.matcher(line);
                if (e.matches()) {
                    edgeLines.add(new String[] {e.group(1), e.group(2), e.group(3)});
                }
            }
        }
        LabelledGraph g = new LabelledGraph();
        stateOfId.forEach((id, state) -> g.addState(state, initialOfId.get(id)));
        for (String[] e : edgeLines) {
            String from = stateOfId.get(e[0]);
            String to = stateOfId.get(e[1]);
            if (from == null || to == null) {
                throw new IOException(dot + ": edge " + e[0] + " -> " + e[1] + " names a state the dump lacks");
            }
            g.addEdge(from, to, e[2]);
        }
        return g;
    }

    /** DOT label escapes: \\ is a backslash, \" a quote, \n a line break. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                b.append(d == 'n' ? '\n' : d);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** "/\ x = v" conjuncts (a value may span lines) to the canonical state text. */
    static String canonical(String conjunction, List<String> variables) throws IOException {
        Map<String, String> values = new HashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : conjunction.split("\n")) {
            if (line.startsWith("/\\ ")) {
                if (name != null) {
                    values.put(name, value.toString());
                }
                int eq = line.indexOf(" = ");
                name = line.substring(3, eq).strip();
                value.setLength(0);
                value.append(line.substring(eq + 3));
            } else {
                value.append(' ').append(line.strip());
            }
        }
        if (name != null) {
            values.put(name, value.toString());
        }
        StringBuilder b = new StringBuilder();
        for (String v : variables) {
            String text = values.get(v);
            if (text == null) {
                throw new IOException("TLC's state lacks variable " + v + ": check the variable mapping");
            }
            b.append(v).append(" = ").append(TlaValue.parse(text)).append('\n');
        }
        return b.toString();
    }
}
