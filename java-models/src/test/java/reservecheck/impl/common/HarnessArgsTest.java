package reservecheck.impl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The harnesses' one argument reader: options taken by name, then the spec constants, then nothing left. */
class HarnessArgsTest {
    private static final List<String> CONSTANTS = List.of("design", "min_nr", "bulk");
    private static final String[] STRINGS = {"design"};

    @Test
    void optionsAndConstantsAreTakenOnceAndTyped() {
        HarnessArgs a = new HarnessArgs(new String[] {"min_nr=1", "record=true", "design=\"modern\"", "min_nr=2",
            "bulk=false", "invariants=A+B"});
        assertTrue(a.flag("record", false));
        assertFalse(a.flag("record", false), "taken already: the default");
        assertNull(a.take("seed"));
        assertEquals("A+B", a.take("invariants"));
        Map<String, Object> c = a.constants(CONSTANTS, STRINGS);
        assertEquals(List.of("min_nr", "design", "bulk"), List.copyOf(c.keySet()), "in the order given");
        assertEquals(2, c.get("min_nr"), "given twice: the last value");
        assertEquals("modern", c.get("design"));
        assertEquals(Boolean.FALSE, c.get("bulk"));
        a.noOthers("nothing is left");
    }

    @Test
    void whatIsLeftIsAnUnknownArgument() {
        HarnessArgs a = new HarnessArgs(new String[] {"min_nr=1", "colour=red", "size=3"});
        a.constants(CONSTANTS, STRINGS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.noOthers("min_nr"));
        assertEquals("unknown argument colour (min_nr)", e.getMessage());
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("not name=value: =3",
                assertThrows(IllegalArgumentException.class, () -> new HarnessArgs(new String[] {"=3"})).getMessage());
        HarnessArgs a = new HarnessArgs(new String[] {"min_nr=many"});
        assertEquals("min_nr=many: not an integer or boolean",
                assertThrows(IllegalArgumentException.class, () -> a.constants(CONSTANTS, STRINGS)).getMessage());
    }
}
