package reservecheck.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import reservecheck.tla.TlaValue;

/** Each kind of TLA+ value has one ITF form, and reads back equal. */
class ItfValuesTest {

    private static String json(String tla) {
        return ItfValues.toJson(TlaValue.parse(tla)).toString();
    }

    private static TlaValue read(String json) throws Exception {
        JsonNode n = ItfJson.MAPPER.readTree(json);
        return ItfValues.fromJson(n, "$");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", value = {
        "-12 ~ {\"#bigint\":\"-12\"}",
        "123456789012345678901234567890 ~ {\"#bigint\":\"123456789012345678901234567890\"}",
        "TRUE ~ true",
        "\"idle\" ~ \"idle\"",
        "p1 ~ \"p1_OF_TASK\"",
        "{2, 1} ~ {\"#set\":[{\"#bigint\":\"1\"},{\"#bigint\":\"2\"}]}",
        "<<p2, p1>> ~ [\"p2_OF_TASK\",\"p1_OF_TASK\"]",
        "<<>> ~ []",
        "[b |-> 1, a |-> \"x\"] ~ {\"a\":\"x\",\"b\":{\"#bigint\":\"1\"}}",
        "(p1 :> 0 @@ p2 :> 1) ~ {\"#map\":[[\"p1_OF_TASK\",{\"#bigint\":\"0\"}],[\"p2_OF_TASK\",{\"#bigint\":\"1\"}]]}",
        "(1 :> TRUE @@ 2 :> FALSE) ~ [true,false]",
        "(\"a\" :> 1) ~ {\"a\":{\"#bigint\":\"1\"}}",
        "(2 :> 1 @@ 3 :> 1) ~ {\"#map\":[[{\"#bigint\":\"2\"},{\"#bigint\":\"1\"}],[{\"#bigint\":\"3\"},{\"#bigint\":\"1\"}]]}",
        "{<<1, {p1}>>} ~ {\"#set\":[[{\"#bigint\":\"1\"},{\"#set\":[\"p1_OF_TASK\"]}]]}"
    })
    void hasOneFormAndReadsBack(String tla, String itf) throws Exception {
        assertEquals(itf, json(tla));
        assertEquals(TlaValue.parse(tla), read(itf));
    }

    @Test
    void tuplesAndMapsOverOneToNReadAsSequences() throws Exception {
        assertEquals(TlaValue.parse("<<1, \"a\">>"), read("{\"#tup\":[{\"#bigint\":\"1\"},\"a\"]}"));
        assertEquals(TlaValue.parse("<<TRUE>>"), read("{\"#map\":[[{\"#bigint\":\"1\"},true]]}"));
        assertEquals(TlaValue.parse("{1}"), read("{\"#set\":[{\"#bigint\":\"1\"},{\"#bigint\":\"1\"}]}"));
    }

    @Test
    void aStringThatWouldReadAsAModelValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ItfValues.toJson(TlaValue.str("p1_OF_TASK")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "null", "{}", "{\"#bigint\":\"+1\"}", "{\"#bigint\":1}", "{\"#set\":1}",
        "{\"#bag\":[]}", "{\"#map\":[[1]]}", "{\"#unserializable\":\"x\"}", "{\"1 x\":true}"})
    void badValuesAreRefused(String json) {
        assertThrows(ItfValues.BadValue.class, () -> read(json));
    }
}
