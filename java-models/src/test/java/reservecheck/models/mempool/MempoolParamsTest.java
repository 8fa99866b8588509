package reservecheck.models.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import reservecheck.models.TestCatalog;
import org.junit.jupiter.api.Test;

import reservecheck.models.Models;
import reservecheck.models.lts.Model;

class MempoolParamsTest {

    private static Map<String, Object> defaults() {
        return TestCatalog.mempool().parameters("mempool_modern");
    }

    @Test
    void everyConstantOfTheSpecIsRequired() {
        assertEquals(21, MempoolParams.constantNames().size());
        for (String c : MempoolParams.constantNames()) {
            Map<String, Object> m = defaults();
            m.remove(c);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MempoolParams(m));
            assertTrue(e.getMessage().contains(c), e.getMessage());
        }
    }

    @Test
    void unknownOrMistypedValuesAreRejected() {
        Map<String, Object> extra = defaults();
        extra.put("min_nr_typo", 1);
        assertThrows(IllegalArgumentException.class, () -> new MempoolParams(extra));
        Map<String, Object> text = defaults();
        text.put("min_nr", "2");
        assertThrows(IllegalArgumentException.class, () -> new MempoolParams(text));
        Map<String, Object> flag = defaults();
        flag.put("bulk", "false");
        assertThrows(IllegalArgumentException.class, () -> new MempoolParams(flag));
        Map<String, Object> negative = defaults();
        negative.put("init_free_pages", -1);
        assertThrows(IllegalArgumentException.class, () -> new MempoolParams(negative));
    }

    @Test
    void theSpecsAssumptionsAreChecked() {
        Map<String, Object> design = defaults();
        design.put("design", "1999");
        assertThrows(IllegalArgumentException.class, () -> new MempoolParams(design));
        Map<String, Object> noTasks = defaults();
        noTasks.put("procs", 0);
        noTasks.put("irqs", 0);
        assertThrows(IllegalArgumentException.class, () -> new MempoolParams(noTasks));
        Map<String, Object> noRounds = defaults();
        noRounds.put("rounds", 0);
        assertThrows(IllegalArgumentException.class, () -> new MempoolParams(noRounds));
        Map<String, Object> bigBulk = defaults();  // min_nr 2
        bigBulk.put("bulk", Boolean.TRUE);
        bigBulk.put("request_elements", 3);
        assertThrows(IllegalArgumentException.class, () -> new MempoolParams(bigBulk));
    }

    @Test
    void tasksAreNamedWithTheCatalogsPrefixes() {
        MempoolParams p = new MempoolParams(defaults());  // procs 3, irqs 1
        assertEquals(Arrays.asList("p1", "p2", "p3", "i1"), p.taskNames());
        assertTrue(p.isProc(2) && p.isIrq(3));
        assertEquals(3, p.taskIndex("i1"));
        assertEquals(-1, p.taskIndex("i2"));
    }

    @Test
    void poolCapacityIsOneForAZeroMinimumSince2025() {
        Map<String, Object> m = defaults();
        m.put("min_nr", 0);
        assertEquals(1, new MempoolParams(m).poolCapacity());
        m.put("zero_min_refill", Boolean.FALSE);
        assertEquals(0, new MempoolParams(m).poolCapacity());
        m.put("min_nr", 2);
        assertEquals(2, new MempoolParams(m).poolCapacity());
    }

    @Test
    void theRegistryBuildsTheMempoolModel() {
        Model<?> model = Models.create("mempool", defaults());
        assertInstanceOf(MempoolModel.class, model);
        assertEquals("mempool", model.protocol());
        assertTrue(Models.protocols().contains("mempool"));
        assertThrows(IllegalArgumentException.class, () -> Models.create("reserve_tree", defaults()));
        Map<String, Object> missing = defaults();
        missing.remove("zero_min_refill");
        assertThrows(IllegalArgumentException.class, () -> Models.create("mempool", missing));
    }
}
