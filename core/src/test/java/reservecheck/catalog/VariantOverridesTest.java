package reservecheck.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantOverridesTest {

    @TempDir
    Path tmp;

    Variant wrap;

    @BeforeEach
    void load() throws Exception {
        wrap = CatalogLoader.load(Fixtures.goodRoot(tmp)).variant("counter_wrap").orElseThrow();
    }

    private String bad(String name, String value) {
        return assertThrows(BadParameterException.class, () -> wrap.withOverrides(Map.of(name, value))).getMessage();
    }

    @Test
    void parsesEachType() throws Exception {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("limit", "5");
        set.put("procs", "0");
        set.put("mode", "2001");
        set.put("wrap", "FALSE");
        Variant v = wrap.withOverrides(set);
        assertEquals(Map.of("limit", 5, "procs", 0, "mode", "2001", "wrap", false), v.parameters());
        assertTrue(v.isOverridden());
        assertEquals(Map.of("limit", "5", "procs", "0", "mode", "2001", "wrap", "false"), v.overrides());
        // the catalog's variant is unchanged
        assertEquals(3, wrap.parameters().get("limit"));
        assertFalse(wrap.isOverridden());
    }

    @Test
    void quotedEnumValue() throws Exception {
        assertEquals("broken", wrap.withOverrides(Map.of("mode", "\"broken\"")).parameters().get("mode"));
    }

    @Test
    void overridesAccumulate() throws Exception {
        Variant v = wrap.withOverrides(Map.of("limit", "4")).withOverrides(Map.of("procs", "1"));
        assertEquals(Map.of("limit", "4", "procs", "1"), v.overrides());
    }

    @Test
    void badValues() {
        assertEquals("--set limit=0: below the minimum 1 of limit", bad("limit", "0"));
        assertEquals("--set limit=6: above the maximum 5 of limit", bad("limit", "6"));
        assertEquals("--set procs=-1: below the minimum 0 of procs", bad("procs", "-1"));
        assertEquals("--set limit=two: not an integer (limit is an int)", bad("limit", "two"));
        assertEquals("--set procs=1.5: not a whole number of tasks (procs is a count of tasks)", bad("procs", "1.5"));
        assertEquals("--set wrap=yes: not true or false (wrap is a bool)", bad("wrap", "yes"));
        assertEquals("--set mode=fast: not one of safe, broken, 2001 (the values of mode)", bad("mode", "fast"));
        assertEquals("--set foo=1: counter has no parameter foo (it has limit, procs, mode, wrap)", bad("foo", "1"));
    }

    @Test
    void parsesSetOptions() throws Exception {
        assertEquals(Map.of("limit", "3", "mode", "a=b"), Overrides.parse(List.of("limit = 3", "mode=a=b")));
        assertEquals("--set limit is given twice (limit=2 and limit=3)",
                assertThrows(BadParameterException.class, () -> Overrides.parse(List.of("limit=2", "limit = 3"))).getMessage());
        assertEquals("--set limit: expected NAME=VALUE",
                assertThrows(BadParameterException.class, () -> Overrides.parse(List.of("limit"))).getMessage());
        assertEquals("--set =3: expected NAME=VALUE",
                assertThrows(BadParameterException.class, () -> Overrides.parse(List.of("=3"))).getMessage());
    }
}
