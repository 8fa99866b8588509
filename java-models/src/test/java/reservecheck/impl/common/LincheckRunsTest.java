package reservecheck.impl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a run is repeated when Lincheck itself fails, and only then. */
class LincheckRunsTest {
    private static LincheckItselfFailed internal() {
        return new LincheckItselfFailed("e", 2, new IllegalStateException("GPMC trace is expected"));
    }

    @Test
    void aRunThatLincheckItselfFailedOnceIsRepeatedAndTheRepeatNamed() {
        int[] calls = {0};
        List<String> retried = new ArrayList<>();
        String r = LincheckRuns.repeated("e", () -> {
            if (calls[0]++ == 0) {
                throw internal();
            }
            return "deadlock";
        }, retried);
        assertEquals("deadlock", r);
        assertEquals(2, calls[0]);
        assertEquals(1, retried.size());
        assertTrue(retried.get(0).contains("GPMC trace is expected"), retried.get(0));
    }

    @Test
    void aRunThatLincheckItselfAlwaysFailsEndsInItsFailureAfterTheLastAttempt() {
        int[] calls = {0};
        LincheckItselfFailed last = internal();
        LincheckItselfFailed thrown = assertThrows(LincheckItselfFailed.class, () -> LincheckRuns.repeated("e", () -> {
            calls[0]++;
            throw last;
        }, new ArrayList<>()));
        assertSame(last, thrown);
        assertEquals(LincheckRuns.ATTEMPTS, calls[0]);
    }

    @Test
    void aRunThatFoundNothingIsNotRepeated() {
        int[] calls = {0};
        assertThrows(AssertionError.class, () -> LincheckRuns.repeated("e", () -> {
            calls[0]++;
            throw new AssertionError("e: Lincheck found nothing in 300 interleavings");
        }, new ArrayList<>()));
        assertEquals(1, calls[0]);
    }

    @Test
    void lincheckItselfFailedIsInconclusiveAndKeepsWhatLincheckSaid() {
        LincheckItselfFailed e = internal();
        assertTrue(LincheckItselfFailed.VERDICT.startsWith("inconclusive:"));
        assertTrue(e.getMessage().contains("after 2 interleavings: GPMC trace is expected"), e.getMessage());
    }
}
