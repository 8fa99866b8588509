package reservecheck.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PackedStateSetTest {
    /** Random states with many duplicates: ids must agree with a HashMap's, through rehashes. */
    @Test
    void idsAgreeWithAHashMapThroughGrowth() {
        Random random = new Random(14);
        PackedStateSet set = new PackedStateSet(3, 4);
        HashMap<List<Long>, Integer> expected = new HashMap<>();
        long[] key = new long[3];
        for (int n = 0; n < 50_000; n++) {
            for (int k = 0; k < 3; k++) {
                key[k] = random.nextInt(40) - 20 + (k == 2 ? Long.MIN_VALUE : 0);
            }
            List<Long> boxed = List.of(key[0], key[1], key[2]);
            Integer before = expected.get(boxed);
            int id = set.addOrGet(key, 0);
            if (before == null) {
                assertEquals(expected.size(), id, "a new state gets the next id");
                assertTrue(set.isNew(id));
                expected.put(boxed, id);
            } else {
                assertEquals(before.intValue(), id);
                assertFalse(set.isNew(id) && id != expected.size() - 1, "an old state is not new unless it is the last one");
            }
        }
        assertEquals(expected.size(), set.size());
        long[] out = new long[3];
        for (var e : expected.entrySet()) {
            set.get(e.getValue(), out, 0);
            assertArrayEquals(new long[] {e.getKey().get(0), e.getKey().get(1), e.getKey().get(2)}, out);
        }
    }
}
