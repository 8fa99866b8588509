package reservecheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TlcConfigTest {

    @Test
    void namesUnderEachKeywordUntilTheNextKeyword() {
        TlcConfig c = TlcConfig.parse("""
                CONSTANTS
                  min_nr = 2
                  procs = {p1, p2}
                SPECIFICATION Spec
                INVARIANT TypeOK
                INVARIANTS CurrNrBounds
                  NoLostElement
                PROPERTY AllocReturns
                SYMMETRY TaskSymmetry
                """);
        assertEquals(List.of("TypeOK", "CurrNrBounds", "NoLostElement"), c.invariants());
        assertEquals(List.of("AllocReturns"), c.properties());
    }

    @Test
    void commentsAreIgnored() {
        TlcConfig c = TlcConfig.parse("""
                \\* INVARIANT Commented
                PROPERTIES
                  Bounded \\* always true
                  (* Hidden *) Done
                CHECK_DEADLOCK FALSE
                """);
        assertEquals(List.of(), c.invariants());
        assertEquals(List.of("Bounded", "Done"), c.properties());
    }

    @Test
    void noChecks() {
        TlcConfig c = TlcConfig.parse("INIT Init\nNEXT Next\n");
        assertEquals(List.of(), c.invariants());
        assertEquals(List.of(), c.properties());
    }
}
