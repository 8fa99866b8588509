package reservecheck.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frontier records of catalog/bounds/ (written by make frontier): every design has its
 * frontier and every bug its minimal bounds, and the loader refuses records that do not fit the
 * catalog.  Reads the records only; the searches themselves are make frontier's.
 */
class FrontierRecordsTest {

    @TempDir
    Path tmp;

    @Test
    void everyDesignHasAFrontierAndEveryBugItsMinimalBounds() throws Exception {
        Catalog c = CatalogLoader.loadAllowingMissingSpecs(Fixtures.repositoryRoot());
        Map<String, FrontierRecords.File> records = FrontierRecords.load(c);
        List<String> missing = new ArrayList<>();
        for (Variant v : c.variants()) {
            FrontierRecords.File f = records.get(v.protocol());
            if (v.kind() == Kind.DESIGN && (f == null || !f.frontier().containsKey(v.name()))) {
                missing.add("frontier of " + v.name());
            }
            if (v.kind() == Kind.BUG && v.expectedVerdict("explorer").isPresent()
                    && (f == null || !f.minimal().containsKey(v.name()))) {
                missing.add("minimal bounds of " + v.name());
            }
        }
        assertEquals(List.of(), missing, "run make frontier (ci/frontier.sh) and commit catalog/bounds/");
        for (FrontierRecords.File f : records.values()) {
            for (Map.Entry<String, FrontierRecords.Frontier> e : f.frontier().entrySet()) {
                FrontierRecords.Frontier r = e.getValue();
                // a design is believed correct at its own bounds: the frontier starts from ok
                assertEquals("ok", r.verdict(), e.getKey());
                assertTrue(r.complete() == (r.failsAt() == null && r.verifiedUpTo() != null && r.points()
                        == r.grow().values().stream().mapToInt(x -> x.to() - x.from() + 1).reduce(1, (a, b) -> a * b)),
                        e.getKey() + ": complete means every model of the ranges was checked: " + r);
            }
        }
    }

    private Path copy() throws Exception {
        Path real = Fixtures.repositoryRoot();
        Fixtures.copyTree(real.resolve("catalog"), tmp.resolve("catalog"));
        Fixtures.copyTree(real.resolve("specs"), tmp.resolve("specs"));
        return tmp;
    }

    @Test
    void recordsThatDoNotFitTheCatalogAreRefused() throws Exception {
        Path root = copy();
        Catalog c = CatalogLoader.loadAllowingMissingSpecs(root);
        int procs = (Integer) c.variant("mempool_modern").orElseThrow().parameters().get("procs");
        int old = (Integer) c.variant("mempool_2001").orElseThrow().parameters().get("procs");
        String tail = ", points: 1, complete: false, budget_s: 10, checked: \"2026-01-01\"}";
        String minimalTail = ", points: 1, budget_s: 5, checked: \"2026-01-01\"}";
        // one file, one load: every problem is reported, each naming its key
        Files.writeString(root.resolve(FrontierRecords.DIR).resolve("mempool.yaml"), String.join("\n",
                "protocol: mempool", "grow: [procs]", "shrink: [procs]",
                "shrink_floor:", "  mempool_modern: {procs: 1}", "  zero_min_lost_wakeup: {min_nr: 0}",
                "  free_stale_curr_nr: {procs: 1}", "frontier:",
                "  mempool_modern: {grow: {procs: \"" + procs + ".." + (procs + 1) + "\"}, verdict: \"ok\", "
                        + "verified_up_to: {procs: " + (procs + 2) + "}" + tail,
                "  mempool_2001: {grow: {procs: \"" + (old + 1) + ".." + (old + 1) + "\"}, verdict: \"ok\", "
                        + "verified_up_to: {procs: " + (old + 1) + "}" + tail,
                "  first_round_sleeps: {grow: {procs: \"2..2\"}, verdict: \"ok\", verified_up_to: {procs: 2}" + tail,
                "minimal:",
                "  free_stale_curr_nr: {verdict: \"ok\", bounds: {procs: 0}" + minimalTail,
                "  first_round_sleeps: {verdict: \"liveness:AllocReturns\", bounds: {procs: 5, no_such: 1}" + minimalTail,
                ""), StandardCharsets.UTF_8);
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.loadAllowingMissingSpecs(root));
        String m = String.join("\n", e.problems());
        assertTrue(m.contains("frontier.mempool_modern.verified_up_to.procs: " + (procs + 2) + " is outside"), m);
        assertTrue(m.contains("frontier.mempool_2001.grow.procs: starts at " + (old + 1) + ", not at the entry's own " + old), m);
        assertTrue(m.contains("first_round_sleeps is a bug, not a design"), m);
        assertTrue(m.contains("minimal.free_stale_curr_nr.verdict: 'ok' is not the entry's explorer verdict"), m);
        assertTrue(m.contains("minimal.first_round_sleeps.bounds.procs: 5 is larger than the entry's own"), m);
        assertTrue(m.contains("no_such is not an integer parameter of mempool"), m);
        assertTrue(m.contains("shrink_floor.mempool_modern: mempool_modern is a design, not a bug"), m);
        assertTrue(m.contains("shrink_floor.zero_min_lost_wakeup.min_nr: is not in the shrink list"), m);
        assertTrue(m.contains("minimal.free_stale_curr_nr.bounds.procs: 0 is below the entry's shrink_floor 1"), m);
        assertTrue(e.problems().size() >= 9, m);
    }
}
