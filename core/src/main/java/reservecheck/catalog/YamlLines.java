package reservecheck.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML document is, so that a problem found on the parsed tree (by the
 * schema validator, or by a check of ours) can be reported at its line.
 * Paths are written {@code variants[3].kind}; the document itself is the empty path.
 * A value under a key is placed on the key's line: for a nested block that is the line that
 * names it, which is where a reader looks.
 */
final class YamlLines {

    private final Map<String, Integer> lines = new HashMap<>();

    private static final class Frame {
        final String path;
        final boolean array;
        int index;
        String field;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }

    private YamlLines() {
    }

    /** Walks a document that has already parsed without error. */
    static YamlLines of(YAMLFactory factory, String text) throws IOException {
        YamlLines out = new YamlLines();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.FIELD_NAME) {
                    Frame f = stack.peek();
                    f.field = p.currentName();
                    out.lines.putIfAbsent(child(f.path, f.field), line);
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                String path;
                if (stack.isEmpty()) {
                    path = "";
                } else {
                    Frame f = stack.peek();
                    path = f.array ? f.path + "[" + (f.index++) + "]" : child(f.path, f.field);
                }
                out.lines.putIfAbsent(path, line);
                if (t == JsonToken.START_OBJECT) {
                    stack.push(new Frame(path, false));
                } else if (t == JsonToken.START_ARRAY) {
                    stack.push(new Frame(path, true));
                }
            }
        }
        return out;
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /**
     * The line of the value at {@code path}; for a path that is not in the document (a missing
     * key), the line of its nearest enclosing value.
     */
    int lineOf(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null && line > 0) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = parent(p);
        }
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
