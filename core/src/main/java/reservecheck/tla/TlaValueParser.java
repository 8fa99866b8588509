package reservecheck.tla;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for the value text TLC prints in states ({@link TlaValue#parse}), plus the
 * ordering and printing helpers the value types share.
 */
public final class TlaValueParser {

    /** {@code a..b} is expanded into a set; refuse absurd sizes rather than exhaust memory. */
    private static final int MAX_INTERVAL = 1_000_000;

    private final String text;
    private int pos;

    TlaValueParser(String text) {
        this.text = text;
    }

    TlaValue parseAll() {
        TlaValue v = value();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected text after the value");
        }
        return v;
    }

    private TlaValue value() {
        TlaValue v = primary();
        if (peek("..")) {
            pos += 2;
            TlaValue hi = primary();
            if (!(v instanceof TlaValue.IntValue a) || !(hi instanceof TlaValue.IntValue b)) {
                throw error("an interval needs integer bounds");
            }
            BigInteger size = b.value().subtract(a.value()).add(BigInteger.ONE);
            if (size.compareTo(BigInteger.valueOf(MAX_INTERVAL)) > 0) {
                throw error("interval " + a + ".." + b + " is too large to expand");
            }
            List<TlaValue> elems = new ArrayList<>();
            for (BigInteger i = a.value(); i.compareTo(b.value()) <= 0; i = i.add(BigInteger.ONE)) {
                elems.add(new TlaValue.IntValue(i));
            }
            return new TlaValue.SetValue(elems);
        }
        return v;
    }

    private TlaValue primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("value expected but the text ended");
        }
        char c = text.charAt(pos);
        if (c == '"') {
            return new TlaValue.StringValue(string());
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            if (c == '-') {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            boolean identifierGoesOn = pos < text.length() && isIdentChar(text.charAt(pos));
            if (pos > digits && !identifierGoesOn) {
                return new TlaValue.IntValue(new BigInteger(text.substring(start, pos)));
            }
            pos = start;
            if (c == '-') {
                throw error("number expected after '-'");
            }
            // an identifier starting with digits, e.g. a model value 1a: fall through
        }
        if (peek("{")) {
            pos++;
            return new TlaValue.SetValue(list("}"));
        }
        if (peek("<<")) {
            pos += 2;
            return new TlaValue.SeqValue(list(">>"));
        }
        if (peek("[")) {
            pos++;
            return record();
        }
        if (peek("(")) {
            pos++;
            return parenthesised();
        }
        if (isIdentChar(c)) {
            String id = identifier();
            return switch (id) {
                case "TRUE" -> TlaValue.BoolValue.TRUE;
                case "FALSE" -> TlaValue.BoolValue.FALSE;
                default -> new TlaValue.ModelValue(id);
            };
        }
        throw error("value expected");
    }

    /** Elements separated by commas up to {@code close}; the opening bracket is consumed. */
    private List<TlaValue> list(String close) {
        List<TlaValue> elems = new ArrayList<>();
        skipSpace();
        if (peek(close)) {
            pos += close.length();
            return elems;
        }
        while (true) {
            elems.add(value());
            skipSpace();
            if (peek(",")) {
                pos++;
            } else if (peek(close)) {
                pos += close.length();
                return elems;
            } else {
                throw error("',' or '" + close + "' expected");
            }
        }
    }

    private TlaValue record() {
        Map<TlaValue, TlaValue> fields = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (pos >= text.length() || !isIdentChar(text.charAt(pos))) {
                throw error("record field name expected (function sets [S -> T] are not supported)");
            }
            String name = identifier();
            expect("|->");
            TlaValue v = value();
            if (fields.put(new TlaValue.StringValue(name), v) != null) {
                throw error("field " + name + " appears twice");
            }
            skipSpace();
            if (peek(",")) {
                pos++;
            } else if (peek("]")) {
                pos++;
                return TlaValue.function(fields);
            } else {
                throw error("',' or ']' expected in record");
            }
        }
    }

    /** {@code (k :> v @@ ...)} or a value in parentheses. */
    private TlaValue parenthesised() {
        TlaValue first = value();
        skipSpace();
        if (peek(")")) {
            pos++;
            return first;
        }
        Map<TlaValue, TlaValue> entries = new LinkedHashMap<>();
        TlaValue key = first;
        while (true) {
            expect(":>");
            TlaValue v = value();
            // f @@ g takes f's value where the domains overlap
            entries.putIfAbsent(key, v);
            skipSpace();
            if (peek("@@")) {
                pos += 2;
                key = value();
            } else if (peek(")")) {
                pos++;
                return TlaValue.function(entries);
            } else {
                throw error("'@@' or ')' expected in function");
            }
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char ch = text.charAt(pos++);
            if (ch == '"') {
                return sb.toString();
            }
            if (ch == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'f' -> sb.append('\f');
                    default -> sb.append(e); // \" and \\
                }
            } else {
                sb.append(ch);
            }
        }
        throw error("unterminated string");
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && isIdentChar(text.charAt(pos))) {
            pos++;
        }
        String id = text.substring(start, pos);
        if (!isIdentifier(id)) {
            pos = start;
            throw error("identifier expected");
        }
        return id;
    }

    private void expect(String token) {
        skipSpace();
        if (!peek(token)) {
            throw error("'" + token + "' expected");
        }
        pos += token.length();
    }

    private boolean peek(String token) {
        skipSpace();
        return text.startsWith(token, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        int from = Math.max(0, pos - 20);
        int to = Math.min(text.length(), pos + 20);
        String context = text.substring(from, to).replace('\n', ' ');
        return new IllegalArgumentException("Cannot parse TLA+ value at offset " + pos + ": " + what
                + " near '" + context + "'");
    }

    private static boolean isIdentChar(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    /** A TLA+ identifier: letters, digits and underscores with at least one letter. */
    public static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        boolean letter = false;
        for (char c : s.toCharArray()) {
            if (!isIdentChar(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    // ---- shared by the value types ----------------------------------------------------------------

    static String join(String open, List<TlaValue> elems, String close) {
        StringBuilder sb = new StringBuilder(open);
        for (int i = 0; i < elems.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(elems.get(i));
        }
        return sb.append(close).toString();
    }

    static int compareSameKind(TlaValue a, TlaValue b) {
        if (a instanceof TlaValue.IntValue x) {
            return x.value().compareTo(((TlaValue.IntValue) b).value());
        }
        if (a instanceof TlaValue.StringValue x) {
            return x.value().compareTo(((TlaValue.StringValue) b).value());
        }
        if (a instanceof TlaValue.BoolValue x) {
            return Boolean.compare(x.value(), ((TlaValue.BoolValue) b).value());
        }
        if (a instanceof TlaValue.ModelValue x) {
            return x.name().compareTo(((TlaValue.ModelValue) b).name());
        }
        if (a instanceof TlaValue.SetValue x) {
            return compareLists(x.elements(), ((TlaValue.SetValue) b).elements());
        }
        if (a instanceof TlaValue.SeqValue x) {
            return compareLists(x.elements(), ((TlaValue.SeqValue) b).elements());
        }
        if (a instanceof TlaValue.RecordValue x) {
            return compareEntries(x.fields().entrySet().iterator(),
                    ((TlaValue.RecordValue) b).fields().entrySet().iterator());
        }
        TlaValue.FunctionValue x = (TlaValue.FunctionValue) a;
        return compareEntries(x.entries().entrySet().iterator(),
                ((TlaValue.FunctionValue) b).entries().entrySet().iterator());
    }

    private static int compareLists(List<TlaValue> a, List<TlaValue> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static <K extends Comparable<? super K>> int compareEntries(
            Iterator<? extends Map.Entry<K, TlaValue>> a, Iterator<? extends Map.Entry<K, TlaValue>> b) {
        while (a.hasNext() && b.hasNext()) {
            Map.Entry<K, TlaValue> x = a.next();
            Map.Entry<K, TlaValue> y = b.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c == 0) {
                c = x.getValue().compareTo(y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }
}
