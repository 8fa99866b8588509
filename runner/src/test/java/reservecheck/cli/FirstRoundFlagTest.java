package reservecheck.cli;

import org.junit.jupiter.api.Test;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.Variant;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * first_round_sleeps is Tejun Heo's 2012 first-round bug, first_round_full_mask=false: the waiter
 * sleeps on the pool before the allocator was ever tried with the full mask.  At the entry's own
 * bounds (one clean page, two stacked two-element requests) AllocReturns fails with the flag set
 * back too: the one page the full-mask retry reclaims answers one waiter, the other sleeps until
 * the unfair timeout, so those bounds do not show the flag's effect.  With a second clean page the
 * retry answers both: the flag alone decides, which is what this test holds (explorer, 164-state
 * models, well under a second each).
 */
class FirstRoundFlagTest {

    private static final String BUG = "first_round_sleeps";
    private static final String FLAG = "first_round_full_mask";
    private static final String PAGES = "init_clean_pages";

    private static String explorer(Variant bug, Map<String, Integer> at) {
        Variant v = FrontierSearch.at(bug, at);
        return FrontierSearch.explore(v, FrontierSearch.model(v, "test"), 60).verdict();
    }

    @Test
    void withTwoCleanPagesTheFlagAloneDecidesAllocReturns() throws Exception {
        Variant bug = CatalogLoader.loadAllowingMissingSpecs(CliHarness.repositoryRoot()).variant(BUG).orElseThrow();
        String verdict = bug.expectedVerdict("explorer").orElseThrow();
        assertEquals(Boolean.FALSE, bug.parameters().get(FLAG), "the entry is the flag's bug");
        int pages = Math.max(2, (Integer) bug.parameters().get(PAGES));
        Map<String, Integer> more = new LinkedHashMap<>(Map.of(PAGES, pages));
        assertEquals(verdict, explorer(bug, more), "the bug at " + PAGES + "=" + pages);
        Variant fixed;
        try {
            fixed = bug.withOverrides(Map.of(FLAG, "true"));
        } catch (reservecheck.catalog.BadParameterException e) {
            throw new AssertionError(e);
        }
        assertEquals("ok", explorer(fixed, more), "the flag set back at " + PAGES + "=" + pages + " mends it");
    }
}
