package reservecheck.results;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Fixtures;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultRecordTest {

    @TempDir
    Path tmp;

    Catalog catalog;

    @BeforeEach
    void load() throws Exception {
        catalog = CatalogLoader.load(Fixtures.goodRoot(tmp));
    }

    @Test
    void verdictAndStateCount() throws Exception {
        var wrap = catalog.variant("counter_wrap").orElseThrow();
        ResultRecord ok = ResultRecord.compare(wrap, "tlc", "ok", 4, 3, 1.0, null, null);
        assertTrue(ok.match());
        assertEquals(Outcome.MATCH, ok.outcome());
        assertEquals(4L, ok.expectedDistinctStates());

        ResultRecord count = ResultRecord.compare(wrap, "tlc", "ok", 5, 3, 1.0, null, null);
        assertEquals(Outcome.MISMATCH, count.outcome());
        assertTrue(count.message().startsWith("5 distinct states, the catalog records 4"), count.message());

        ResultRecord other = ResultRecord.compare(wrap, "tlc", "deadlock", 4, 3, 1.0, "stuck", null);
        assertEquals(Outcome.MISMATCH, other.outcome());
        assertEquals("stuck", other.message());

        ResultRecord timeout = ResultRecord.compare(wrap, "tlc", "inconclusive:timeout", 100, 3, 1.0, null, null);
        assertEquals(Outcome.INCONCLUSIVE, timeout.outcome());

        // with bounds overridden, the state count is not compared
        ResultRecord overridden = ResultRecord.compare(wrap.withOverrides(Map.of("limit", "5")), "tlc", "ok", 6, 5,
                1.0, null, null);
        assertTrue(overridden.match());
        assertNull(overridden.expectedDistinctStates());
        assertEquals(Map.of("limit", "5"), overridden.overrides());
    }

    @Test
    void noExpectationNeverMatches() {
        ResultRecord r = ResultRecord.compare(catalog.variant("counter_wrap").orElseThrow(), "jpf", "ok", 4, 3, 1.0,
                null, null);
        assertFalse(r.match());
        assertNull(r.expected());
        assertTrue(r.message().startsWith("the catalog records no jpf verdict"), r.message());
    }
}
