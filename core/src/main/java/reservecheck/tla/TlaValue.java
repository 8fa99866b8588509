package reservecheck.tla;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A TLA+ value as TLC prints it in a counterexample, as a small immutable tree.
 *
 * <p>Values are normalised the way TLC itself treats them, so that two values TLC considers equal
 * are {@code equals} here and print the same {@link #toString()}:
 * <ul>
 *   <li>sets are sorted and free of duplicates;</li>
 *   <li>a function whose domain is {@code 1..n} is a sequence (TLC prints it as {@code <<...>>}), the
 *       empty function is the empty sequence;</li>
 *   <li>a function whose domain is a non-empty set of strings is a record (TLC prints it as
 *       {@code [f |-> v]});</li>
 *   <li>record fields and function entries are sorted by field name / key.</li>
 * </ul>
 * The sort order is {@link #compareTo}: first by {@link Kind} (in declaration order), then by content.
 * TLC's own print order of set elements and record fields depends on its internal string interning,
 * so the canonical order here is deliberately independent of it.
 *
 * <p>Java 17 has no pattern matching over sealed types in {@code switch}; use {@link #kind()} and
 * the {@code asXxx()} accessors, or {@code instanceof}.
 */
public sealed interface TlaValue extends Comparable<TlaValue>
        permits TlaValue.IntValue, TlaValue.StringValue, TlaValue.BoolValue, TlaValue.ModelValue,
                TlaValue.SetValue, TlaValue.SeqValue, TlaValue.RecordValue, TlaValue.FunctionValue {

    /** The kinds of values, in the order {@link #compareTo} sorts them. */
    enum Kind { BOOL, INT, STRING, MODEL_VALUE, SET, SEQ, RECORD, FUNCTION }

    Kind kind();

    /** The value in TLA+ syntax, canonical: equal values give equal text. */
    @Override
    String toString();

    /**
     * Parses TLA+ value text as TLC prints it ({@code 12}, {@code "s"}, {@code TRUE}, {@code p1},
     * {@code {..}}, {@code <<..>>}, {@code [f |-> v]}, {@code (k :> v @@ ..)}, {@code a..b}); line
     * breaks and indentation from TLC's pretty printer are allowed anywhere between tokens.
     *
     * @throws IllegalArgumentException when the text is not such a value
     */
    static TlaValue parse(String text) {
        return new TlaValueParser(text).parseAll();
    }

    // ---- factories ----------------------------------------------------------------------------

    static IntValue of(long n) {
        return new IntValue(BigInteger.valueOf(n));
    }

    static StringValue str(String s) {
        return new StringValue(s);
    }

    static BoolValue of(boolean b) {
        return b ? BoolValue.TRUE : BoolValue.FALSE;
    }

    static ModelValue modelValue(String name) {
        return new ModelValue(name);
    }

    static SetValue setOf(TlaValue... elements) {
        return SetValue.of(List.of(elements));
    }

    static SeqValue seqOf(TlaValue... elements) {
        return new SeqValue(List.of(elements));
    }

    /**
     * A function from its entries, normalised like TLC: domain {@code 1..n} gives a sequence, a
     * non-empty domain of strings that are identifiers gives a record, an empty one the empty sequence.
     */
    static TlaValue function(Map<TlaValue, TlaValue> entries) {
        if (entries.isEmpty()) {
            return new SeqValue(List.of());
        }
        TreeMap<TlaValue, TlaValue> sorted = new TreeMap<>(entries);
        boolean oneToN = true;
        long expect = 1;
        for (TlaValue k : sorted.keySet()) {
            if (!(k instanceof IntValue i) || !i.value().equals(BigInteger.valueOf(expect++))) {
                oneToN = false;
                break;
            }
        }
        if (oneToN) {
            return new SeqValue(new ArrayList<>(sorted.values()));
        }
        if (sorted.keySet().stream().allMatch(k -> k instanceof StringValue s && TlaValueParser.isIdentifier(s.value()))) {
            TreeMap<String, TlaValue> fields = new TreeMap<>();
            sorted.forEach((k, v) -> fields.put(((StringValue) k).value(), v));
            return new RecordValue(fields);
        }
        return new FunctionValue(sorted);
    }

    // ---- accessors that save a cast -----------------------------------------------------------

    default BigInteger asBigInteger() {
        return cast(IntValue.class).value();
    }

    /** @throws ArithmeticException if the integer does not fit a long */
    default long asLong() {
        return cast(IntValue.class).value().longValueExact();
    }

    default String asString() {
        return cast(StringValue.class).value();
    }

    default boolean asBoolean() {
        return cast(BoolValue.class).value();
    }

    default List<TlaValue> asSet() {
        return cast(SetValue.class).elements();
    }

    default List<TlaValue> asSeq() {
        return cast(SeqValue.class).elements();
    }

    default SortedMap<String, TlaValue> asRecord() {
        return cast(RecordValue.class).fields();
    }

    /**
     * This value seen as a function: a function's entries, a sequence as {@code i :> e_i}, a record
     * as {@code "f" :> v}.
     */
    default SortedMap<TlaValue, TlaValue> asFunction() {
        if (this instanceof FunctionValue f) {
            return f.entries();
        }
        TreeMap<TlaValue, TlaValue> m = new TreeMap<>();
        if (this instanceof SeqValue s) {
            for (int i = 0; i < s.elements().size(); i++) {
                m.put(of(i + 1), s.elements().get(i));
            }
        } else if (this instanceof RecordValue r) {
            r.fields().forEach((k, v) -> m.put(str(k), v));
        } else {
            throw new ClassCastException(kind() + " " + this + " is not a function");
        }
        return Collections.unmodifiableSortedMap(m);
    }

    private <T extends TlaValue> T cast(Class<T> type) {
        if (!type.isInstance(this)) {
            throw new ClassCastException(kind() + " " + this + " is not a " + type.getSimpleName());
        }
        return type.cast(this);
    }

    @Override
    default int compareTo(TlaValue o) {
        int c = kind().compareTo(o.kind());
        return c != 0 ? c : TlaValueParser.compareSameKind(this, o);
    }

    // ---- the node types -------------------------------------------------------------------------

    /** An integer. TLC's are 32-bit, but ITF and other checkers use arbitrary size. */
    record IntValue(BigInteger value) implements TlaValue {
        public IntValue {
            java.util.Objects.requireNonNull(value);
        }

        @Override
        public Kind kind() {
            return Kind.INT;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** A string (the value, without quotes or escapes). */
    record StringValue(String value) implements TlaValue {
        public StringValue {
            java.util.Objects.requireNonNull(value);
        }

        @Override
        public Kind kind() {
            return Kind.STRING;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("\"");
            for (char ch : value.toCharArray()) {
                switch (ch) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    case '\f' -> sb.append("\\f");
                    default -> sb.append(ch);
                }
            }
            return sb.append('"').toString();
        }
    }

    /** TRUE or FALSE. */
    record BoolValue(boolean value) implements TlaValue {
        public static final BoolValue TRUE = new BoolValue(true);
        public static final BoolValue FALSE = new BoolValue(false);

        @Override
        public Kind kind() {
            return Kind.BOOL;
        }

        @Override
        public String toString() {
            return value ? "TRUE" : "FALSE";
        }
    }

    /** A model value: a constant the cfg binds to itself, printed as a bare identifier ({@code p1}). */
    record ModelValue(String name) implements TlaValue {
        public ModelValue {
            if (!TlaValueParser.isIdentifier(name)) {
                throw new IllegalArgumentException("not an identifier: " + name);
            }
        }

        @Override
        public Kind kind() {
            return Kind.MODEL_VALUE;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A finite set; {@link #elements()} are sorted and distinct. */
    record SetValue(List<TlaValue> elements) implements TlaValue {
        public SetValue {
            elements = List.copyOf(new TreeSet<>(elements));
        }

        static SetValue of(List<TlaValue> elements) {
            return new SetValue(elements);
        }

        public int size() {
            return elements.size();
        }

        public boolean contains(TlaValue v) {
            return Collections.binarySearch(elements, v) >= 0;
        }

        @Override
        public Kind kind() {
            return Kind.SET;
        }

        @Override
        public String toString() {
            return TlaValueParser.join("{", elements, "}");
        }
    }

    /** A sequence or tuple {@code <<a, b>>}: a function with domain {@code 1..n}. */
    record SeqValue(List<TlaValue> elements) implements TlaValue {
        public SeqValue {
            elements = List.copyOf(elements);
        }

        public int size() {
            return elements.size();
        }

        /** TLA+'s 1-based indexing. */
        public TlaValue at(int index) {
            return elements.get(index - 1);
        }

        @Override
        public Kind kind() {
            return Kind.SEQ;
        }

        @Override
        public String toString() {
            return TlaValueParser.join("<<", elements, ">>");
        }
    }

    /** A record {@code [f |-> v, ...]}, fields sorted by name. */
    record RecordValue(SortedMap<String, TlaValue> fields) implements TlaValue {
        public RecordValue {
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a record has at least one field");
            }
            for (String f : fields.keySet()) {
                if (!TlaValueParser.isIdentifier(f)) {
                    throw new IllegalArgumentException("not a field name: " + f);
                }
            }
            fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        }

        public TlaValue get(String field) {
            TlaValue v = fields.get(field);
            if (v == null) {
                throw new IllegalArgumentException("no field " + field + " in " + this);
            }
            return v;
        }

        @Override
        public Kind kind() {
            return Kind.RECORD;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            Iterator<Map.Entry<String, TlaValue>> it = fields.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, TlaValue> e = it.next();
                sb.append(e.getKey()).append(" |-> ").append(e.getValue());
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append(']').toString();
        }
    }

    /**
     * Any other function {@code (k1 :> v1 @@ k2 :> v2)}, entries sorted by key. Build through
     * {@link TlaValue#function} so that sequence- and record-shaped functions are normalised.
     */
    record FunctionValue(SortedMap<TlaValue, TlaValue> entries) implements TlaValue {
        public FunctionValue {
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("the empty function is the empty sequence <<>>");
            }
            entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        }

        public TlaValue apply(TlaValue arg) {
            TlaValue v = entries.get(arg);
            if (v == null) {
                throw new IllegalArgumentException(arg + " is not in the domain of " + this);
            }
            return v;
        }

        @Override
        public Kind kind() {
            return Kind.FUNCTION;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(");
            Iterator<Map.Entry<TlaValue, TlaValue>> it = entries.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<TlaValue, TlaValue> e = it.next();
                sb.append(e.getKey()).append(" :> ").append(e.getValue());
                if (it.hasNext()) {
                    sb.append(" @@ ");
                }
            }
            return sb.append(')').toString();
        }
    }
}
