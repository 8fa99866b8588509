package reservecheck.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlaValueTest {

    @Test
    void scalars() {
        assertEquals(TlaValue.of(42), TlaValue.parse("42"));
        assertEquals(TlaValue.of(-2000000001), TlaValue.parse("-2000000001"));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                TlaValue.parse("123456789012345678901234567890").asBigInteger());
        assertEquals(TlaValue.of(true), TlaValue.parse("TRUE"));
        assertEquals(TlaValue.of(false), TlaValue.parse(" FALSE\n"));
        assertEquals(TlaValue.str("idle"), TlaValue.parse("\"idle\""));
        assertEquals(TlaValue.modelValue("p1"), TlaValue.parse("p1"));
        assertEquals(TlaValue.Kind.MODEL_VALUE, TlaValue.parse("p1").kind());
        assertEquals(7L, TlaValue.parse("7").asLong());
    }

    @Test
    void stringEscapesRoundTrip() {
        TlaValue v = TlaValue.parse("\"alloc \\\"quoted\\\" \\\\ tab\\t nl\\n\"");
        assertEquals("alloc \"quoted\" \\ tab\t nl\n", v.asString());
        assertEquals("\"alloc \\\"quoted\\\" \\\\ tab\\t nl\\n\"", v.toString());
        assertEquals(v, TlaValue.parse(v.toString()));
    }

    @Test
    void setsAreSortedAndDistinct() {
        TlaValue s = TlaValue.parse("{3, 1, 2, 1}");
        assertEquals("{1, 2, 3}", s.toString());
        assertEquals(List.of(TlaValue.of(1), TlaValue.of(2), TlaValue.of(3)), s.asSet());
        assertEquals(TlaValue.parse("{1, 2, 3}"), s);
        assertEquals("{}", TlaValue.parse("{ }").toString());
        assertTrue(((TlaValue.SetValue) s).contains(TlaValue.of(2)));
        assertFalse(((TlaValue.SetValue) s).contains(TlaValue.of(4)));
        // kinds sort in a fixed order: booleans, integers, strings, model values, ...
        assertEquals("{FALSE, TRUE, 1, \"a\", p1, {}, <<>>}",
                TlaValue.parse("{<<>>, {}, p1, \"a\", 1, TRUE, FALSE}").toString());
    }

    @Test
    void sequencesAndTuples() {
        TlaValue s = TlaValue.parse("<<1, <<2, {}>>>>");
        assertInstanceOf(TlaValue.SeqValue.class, s);
        assertEquals("<<1, <<2, {}>>>>", s.toString());
        assertEquals(TlaValue.of(1), ((TlaValue.SeqValue) s).at(1));
        assertEquals(TlaValue.seqOf(TlaValue.of(2), TlaValue.setOf()), s.asSeq().get(1));
        assertEquals("<<>>", TlaValue.parse("<< >>").toString());
    }

    @Test
    void recordsHaveSortedFields() {
        TlaValue r = TlaValue.parse("[curr_nr |-> 2, min_nr |-> 2, elements |-> <<\"e1\", \"e2\">>, owners |-> {}]");
        assertInstanceOf(TlaValue.RecordValue.class, r);
        assertEquals("[curr_nr |-> 2, elements |-> <<\"e1\", \"e2\">>, min_nr |-> 2, owners |-> {}]", r.toString());
        assertEquals(TlaValue.of(2), ((TlaValue.RecordValue) r).get("curr_nr"));
        assertEquals(List.of("curr_nr", "elements", "min_nr", "owners"), List.copyOf(r.asRecord().keySet()));
        // field order does not matter for equality
        assertEquals(TlaValue.parse("[b |-> 1, a |-> 2]"), TlaValue.parse("[a |-> 2, b |-> 1]"));
        assertThrows(IllegalArgumentException.class, () -> TlaValue.parse("[a |-> 1, a |-> 2]"));
    }

    @Test
    void functions() {
        TlaValue f = TlaValue.parse("(p2 :> 0 @@ p1 :> 1 @@ p3 :> 0)");
        assertInstanceOf(TlaValue.FunctionValue.class, f);
        assertEquals("(p1 :> 1 @@ p2 :> 0 @@ p3 :> 0)", f.toString());
        assertEquals(TlaValue.of(1), ((TlaValue.FunctionValue) f).apply(TlaValue.modelValue("p1")));
        assertEquals(3, f.asFunction().size());
        assertEquals("(p1 :> 0)", TlaValue.parse("(p1 :> 0)").toString());
        // f @@ g: f wins where domains overlap
        assertEquals("(p1 :> 1)", TlaValue.parse("(p1 :> 1 @@ p1 :> 2)").toString());
        assertEquals("({1} :> \"set key\")", TlaValue.parse("({1} :> \"set key\")").toString());
    }

    @Test
    void functionsNormaliseLikeTlc() {
        // domain 1..n is a sequence, a domain of strings a record, the empty function <<>>
        assertEquals(TlaValue.parse("<<\"a\", \"b\">>"), TlaValue.parse("(2 :> \"b\" @@ 1 :> \"a\")"));
        assertEquals(TlaValue.parse("[x |-> 1]"), TlaValue.parse("(\"x\" :> 1)"));
        assertEquals(TlaValue.parse("<<>>"), TlaValue.function(Map.of()));
        Map<TlaValue, TlaValue> m = new LinkedHashMap<>();
        m.put(TlaValue.of(0), TlaValue.of(true));
        m.put(TlaValue.of(1), TlaValue.of(false));
        assertEquals("(0 :> TRUE @@ 1 :> FALSE)", TlaValue.function(m).toString());
        // and every value can be seen as a function
        assertEquals(TlaValue.str("a"), TlaValue.parse("<<\"a\">>").asFunction().get(TlaValue.of(1)));
        assertEquals(TlaValue.of(1), TlaValue.parse("[x |-> 1]").asFunction().get(TlaValue.str("x")));
    }

    @Test
    void intervalsExpand() {
        assertEquals(TlaValue.parse("{0, 1, 2}"), TlaValue.parse("0..2"));
        assertEquals("{}", TlaValue.parse("3..2").toString());
        assertThrows(IllegalArgumentException.class, () -> TlaValue.parse("0..100000000"));
    }

    @Test
    void multiLineValueAsTlcBreaksIt() {
        String text = """
                { <<1, "abcdefghijklmnop">>,
                  <<2, "abcdefghijklmnop">>,
                  <<3, "abcdefghijklmnop">> }""";
        TlaValue v = TlaValue.parse(text);
        assertEquals(3, v.asSet().size());
        assertEquals("{<<1, \"abcdefghijklmnop\">>, <<2, \"abcdefghijklmnop\">>, <<3, \"abcdefghijklmnop\">>}",
                v.toString());
    }

    @Test
    void canonicalTextParsesBackToTheSameValue() {
        String[] samples = {
            "<<[who |-> p1, what |-> \"alloc\", seq |-> <<1, <<2, {}>>>>]>>",
            "(p1 :> [a |-> {1, 2}] @@ p2 :> [a |-> {}])",
            "{[a |-> 1], [a |-> 0], [b |-> 0]}",
            "{{1, 2}, {1}, {}, {2}}",
            "[x |-> -3, y |-> TRUE, z |-> \"s\"]",
        };
        for (String s : samples) {
            TlaValue v = TlaValue.parse(s);
            assertEquals(v, TlaValue.parse(v.toString()), s);
            assertEquals(v.toString(), TlaValue.parse(v.toString()).toString(), s);
            assertEquals(v.hashCode(), TlaValue.parse(v.toString()).hashCode(), s);
        }
    }

    @Test
    void orderIsConsistentWithEquals() {
        TlaValue a = TlaValue.parse("{1, 2}");
        TlaValue b = TlaValue.parse("{2, 1}");
        assertEquals(0, a.compareTo(b));
        assertTrue(TlaValue.parse("{1}").compareTo(TlaValue.parse("{1, 2}")) < 0);
        assertTrue(TlaValue.parse("<<1, 3>>").compareTo(TlaValue.parse("<<2>>")) < 0);
        assertTrue(TlaValue.parse("[a |-> 1]").compareTo(TlaValue.parse("[a |-> 2]")) < 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{1, 2", "<<1,, 2>>", "[a = 1]", "[S -> T]", "(1 :> 2", "\"open", "1 2",
                            "-", "{1} junk", "(1 :> 2 @ 3 :> 4)"})
    void malformedTextIsRejectedWithItsPosition(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlaValue.parse(text));
        assertTrue(e.getMessage().startsWith("Cannot parse TLA+ value at offset"), e.getMessage());
    }

    @Test
    void accessorsRefuseTheWrongKind() {
        assertThrows(ClassCastException.class, () -> TlaValue.parse("\"1\"").asLong());
        assertThrows(ClassCastException.class, () -> TlaValue.parse("{1}").asSeq());
        assertThrows(ClassCastException.class, () -> TlaValue.parse("1").asFunction());
    }
}
