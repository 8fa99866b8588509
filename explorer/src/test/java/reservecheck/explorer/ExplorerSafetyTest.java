package reservecheck.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Safety verdicts and statistics.  The expected numbers are TLC 2.18's (-workers 1) on the
 * models' TLA+ twins quoted in the model classes.
 */
class ExplorerSafetyTest {

    @Test
    void invariantViolationHasTheShortestTraceAndTlcStatistics() {
        CounterModel m = new CounterModel(true);
        ExplorerResult<Integer> r = Explorer.check(m, ExplorerOptions.defaults().withInvariants("TypeOK", "NotFour"));
        assertEquals("invariant:NotFour", r.verdict());
        // 0 -> 2 -> 4 by Inc2, not the five-state Inc1 path
        assertEquals(3, r.counterexample().length());
        assertEquals(List.of("Initial predicate", "Inc2", "Inc2"), Traces.actions(r.counterexample()));
        assertEquals(List.of(0, 2, 4), r.counterexample().steps().stream().map(Step::state).toList());
        Traces.assertPath(m, r.counterexample());
        assertFalse(r.counterexample().isLasso());
        // TLC: 7 states generated, 5 distinct states found, 1 states left on queue, depth 3
        assertEquals(7, r.statesGenerated());
        assertEquals(5, r.distinctStates());
        assertEquals(1, r.statesLeftOnQueue());
        assertEquals(3, r.depth());
    }

    @Test
    void theFirstFailingInvariantInTheConfiguredOrderIsReported() {
        CounterModel m = new CounterModel(true);
        assertEquals("invariant:NotFour",
                Explorer.check(m, ExplorerOptions.defaults().withInvariants("NotFour", "BelowFour")).verdict());
        assertEquals("invariant:BelowFour",
                Explorer.check(m, ExplorerOptions.defaults().withInvariants("BelowFour", "NotFour")).verdict());
    }

    @Test
    void violationInAnInitialState() {
        ExplorerResult<Integer> r = Explorer.check(new CounterModel(true),
                ExplorerOptions.defaults().withInvariants("TypeOK", "Positive"));
        assertEquals("invariant:Positive", r.verdict());
        assertEquals(1, r.counterexample().length());
        assertNull(r.counterexample().steps().get(0).action());
        assertEquals(1, r.depth());
    }

    @Test
    void passingRunHasTlcStatistics() {
        ExplorerResult<Integer> r = Explorer.check(new CounterModel(true), ExplorerOptions.defaults().withInvariants("TypeOK"));
        assertTrue(r.isOk(), r.toString());
        assertNull(r.counterexample());
        // TLC: 17 states generated, 9 distinct states found, 0 states left on queue, depth 5
        assertEquals(17, r.statesGenerated());
        assertEquals(9, r.distinctStates());
        assertEquals(0, r.statesLeftOnQueue());
        assertEquals(5, r.depth());
        assertTrue(r.seconds() >= 0);
    }

    /** Coverage counts the edges of each action over the reachable graph: Inc1 from 0..7, Inc2 from 0..6. */
    @Test
    void coverageCountsTheEdgesOfEveryAction() {
        ExplorerResult<Integer> r = Explorer.check(new CounterModel(true), ExplorerOptions.defaults());
        assertEquals(java.util.Map.of("Inc1", 8L, "Inc2", 7L, "Done", 1L), r.coverage());
        assertEquals(java.util.Set.of("Done", "Inc1", "Inc2"), r.actionsTaken());
        ExplorerResult<Integer> stuck = Explorer.check(new CounterModel(false), ExplorerOptions.defaults().withDeadlock(false));
        assertFalse(stuck.actionsTaken().contains("Done"), "an action never enabled is never covered");
    }

    @Test
    void aTerminalSelfLoopIsNotADeadlockButNoSuccessorIs() {
        assertTrue(Explorer.check(new CounterModel(true), ExplorerOptions.defaults()).isOk());

        CounterModel stuck = new CounterModel(false);
        ExplorerResult<Integer> r = Explorer.check(stuck, ExplorerOptions.defaults().withInvariants("TypeOK"));
        assertEquals("deadlock", r.verdict());
        assertEquals(List.of(0, 2, 4, 6, 8), r.counterexample().steps().stream().map(Step::state).toList());
        Traces.assertPath(stuck, r.counterexample());
        // TLC: 16 states generated, 9 distinct states found, 0 states left on queue, depth 5
        assertEquals(16, r.statesGenerated());
        assertEquals(9, r.distinctStates());
        assertEquals(0, r.statesLeftOnQueue());
        assertEquals(5, r.depth());

        assertTrue(Explorer.check(stuck, ExplorerOptions.defaults().withDeadlock(false)).isOk());
    }

    @Test
    void twoTasksTakingLocksInOppositeOrderDeadlock() {
        LocksModel m = new LocksModel();
        ExplorerResult<LocksModel.State> r = Explorer.check(m, ExplorerOptions.everything(m));
        assertEquals("deadlock", r.verdict());
        assertEquals(List.of("Initial predicate", "take_first(a)", "take_first(b)"), Traces.actions(r.counterexample()));
        assertEquals(new LocksModel.State(List.of("second", "second"), "a", "b"), r.counterexample().lastState());
        Traces.assertPath(m, r.counterexample());
        // TLC: 8 states generated, 7 distinct states found, 2 states left on queue, depth 4
        assertEquals(8, r.statesGenerated());
        assertEquals(7, r.distinctStates());
        assertEquals(2, r.statesLeftOnQueue());
        assertEquals(4, r.depth());
        assertTrue(r.message().contains("Deadlock"));
    }

    @Test
    void unknownNamesAreRefused() {
        CounterModel m = new CounterModel(true);
        assertThrows(IllegalArgumentException.class,
                () -> new Explorer<>(m, ExplorerOptions.defaults().withInvariants("NoSuch")));
        assertThrows(IllegalArgumentException.class,
                () -> new Explorer<>(m, ExplorerOptions.defaults().withProperties("NoSuch")));
    }

    @Test
    void stateLimitIsInconclusiveNeverOk() {
        ExplorerResult<Integer> r = Explorer.check(new CounterModel(true),
                ExplorerOptions.defaults().withInvariants("TypeOK").withStateLimit(3));
        assertEquals(Verdicts.STATE_LIMIT, r.verdict());
        assertTrue(r.isInconclusive());
        assertFalse(r.isOk());
        assertNull(r.counterexample());
        // exactly at the limit is still a complete search
        assertTrue(Explorer.check(new CounterModel(true), ExplorerOptions.defaults().withStateLimit(9)).isOk());
    }

    @Test
    void timeLimitIsInconclusive() {
        ExplorerResult<Long> r = Explorer.check(new EndlessModel(),
                ExplorerOptions.defaults().withInvariants("Nonnegative").withTimeLimit(Duration.ofMillis(200)));
        assertEquals(Verdicts.TIMEOUT, r.verdict());
        assertFalse(r.isOk());
        assertTrue(r.distinctStates() > 1);
    }

    @Test
    void progressIsReported() {
        List<Progress> seen = new ArrayList<>();
        ExplorerResult<Long> r = Explorer.check(new EndlessModel(), ExplorerOptions.defaults()
                .withStateLimit(200_000).withProgress(seen::add, Duration.ofMillis(1)));
        assertEquals(Verdicts.STATE_LIMIT, r.verdict());
        assertFalse(seen.isEmpty());
        assertEquals("safety", seen.get(0).phase());

        seen.clear();
        Explorer.check(new CounterModel(true), ExplorerOptions.defaults().withProgress(seen::add, Duration.ofHours(1)));
        // the final report of a completed search
        assertEquals(1, seen.size());
        assertEquals(9, seen.get(0).distinctStates());
        assertEquals(0, seen.get(0).queued());
    }
}
