package reservecheck.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Leads-to under weak fairness, with stuttering.  Verdicts and statistics are TLC 2.18's on
 * FlagModel's TLA+ twin (SPECIFICATION Spec, PROPERTY WaitEnds, CHECK_DEADLOCK FALSE).
 */
class ExplorerLivenessTest {

    private static ExplorerResult<FlagModel.State> check(FlagModel m, String property) {
        return Explorer.check(m, ExplorerOptions.defaults().withInvariants("BitOK").withProperties(property)
                .withDeadlock(false));
    }

    @Test
    void aWaiterStarvedOnlyWithoutFairnessIsOk() {
        // l may spin forever, but the setter is weakly fair: it is enabled in every state of
        // the spinning cycle and never taken inside it, so that cycle is not a fair behaviour
        ExplorerResult<FlagModel.State> r = check(new FlagModel(true, true, true), "WaitEnds");
        assertTrue(r.isOk(), r.toString());
        // TLC: 13 states generated, 6 distinct states found, depth 4
        assertEquals(13, r.statesGenerated());
        assertEquals(6, r.distinctStates());
        assertEquals(4, r.depth());
    }

    @Test
    void theSameModelWithAnUnfairSetterStarvesTheWaiter() {
        FlagModel m = new FlagModel(true, false, true);
        ExplorerResult<FlagModel.State> r = check(m, "WaitEnds");
        assertEquals("liveness:WaitEnds", r.verdict());
        Traces.assertFairViolation(m, "WaitEnds", r.counterexample());
        assertFalse(r.counterexample().stuttering());
        assertEquals(13, r.statesGenerated());
        assertEquals(6, r.distinctStates());
    }

    @Test
    void aWaiterOnAFlagNobodySetsWhileAnotherTaskLoops() {
        FlagModel m = new FlagModel(false, false, true);
        ExplorerResult<FlagModel.State> r = check(m, "WaitEnds");
        assertEquals("liveness:WaitEnds", r.verdict());
        Counterexample<FlagModel.State> ce = r.counterexample();
        Traces.assertFairViolation(m, "WaitEnds", ce);
        assertEquals("w", ce.task());
        // TLC: state 1, state 2 by spin, back to state 1 by spin
        assertEquals(List.of("Initial predicate", "spin(l)"), Traces.actions(ce));
        assertEquals(1, ce.loopStart());
        assertEquals("spin", ce.loopAction());
        assertEquals("l", ce.loopTask());
        assertTrue(ce.prefix().isEmpty());
        assertEquals(2, ce.loop().size());
        // TLC: 3 states generated, 2 distinct states found
        assertEquals(3, r.statesGenerated());
        assertEquals(2, r.distinctStates());
        assertTrue(ce.render(m).contains("Back to state 1: <spin(l)>"));
    }

    @Test
    void stutteringWhileOnlyAnUnfairStepIsEnabled() {
        FlagModel m = new FlagModel(true, false, false);
        ExplorerResult<FlagModel.State> r = check(m, "WaitEnds");
        assertEquals("liveness:WaitEnds", r.verdict());
        Counterexample<FlagModel.State> ce = r.counterexample();
        Traces.assertFairViolation(m, "WaitEnds", ce);
        // TLC: state 1, then "State 2: Stuttering"
        assertTrue(ce.stuttering());
        assertEquals(1, ce.length());
        assertEquals(1, ce.loopStart());
        assertTrue(ce.steps().get(0).stutters());
        assertTrue(ce.render(m).contains("State 2: Stuttering"));
        // TLC: 4 states generated, 3 distinct states found
        assertEquals(4, r.statesGenerated());
        assertEquals(3, r.distinctStates());
    }

    @Test
    void theLassoPassesThroughAStateWhereTheTriggerHolds() {
        // the spinning cycle contains the initial state, but P (bit = 1) first holds one step later
        FlagModel m = new FlagModel(false, false, true);
        ExplorerResult<FlagModel.State> r = check(m, "NeverAfterOne");
        assertEquals("liveness:NeverAfterOne", r.verdict());
        Counterexample<FlagModel.State> ce = r.counterexample();
        Traces.assertFairViolation(m, "NeverAfterOne", ce);
        assertEquals(2, ce.loopStart());
        assertEquals(1, ce.steps().get(1).state().bit());
    }

    @Test
    void safetyIsCheckedBeforeLiveness() {
        FlagModel m = new FlagModel(false, false, false);
        // no task can move: a deadlock in the initial state, reported instead of the starvation
        ExplorerResult<FlagModel.State> r = Explorer.check(m, ExplorerOptions.defaults().withProperties("WaitEnds"));
        assertEquals("deadlock", r.verdict());
        r = check(m, "WaitEnds");
        assertEquals("liveness:WaitEnds", r.verdict());
        assertTrue(r.counterexample().stuttering());
    }

    @Test
    void propertiesAreCheckedInTheConfiguredOrder() {
        FlagModel m = new FlagModel(false, false, true);
        ExplorerOptions o = ExplorerOptions.defaults().withDeadlock(false);
        assertEquals("liveness:NeverAfterOne",
                Explorer.check(m, o.withProperties("NeverAfterOne", "WaitEnds")).verdict());
        assertEquals("liveness:WaitEnds",
                Explorer.check(m, o.withProperties("WaitEnds", "NeverAfterOne")).verdict());
    }

    @Test
    void symmetryIsRefusedWithProperties() {
        FlagModel m = new FlagModel(true, true, true);
        assertThrows(IllegalArgumentException.class,
                () -> Explorer.check(m, ExplorerOptions.defaults().withProperties("WaitEnds").withSymmetry(true)));
    }

    @Test
    void aFairStepThatChangesNothingIsStuttering() {
        // a ring of one position: the fair step leads back to the same state, so in TLA+ it is
        // a stuttering step; WF of an action with only stuttering steps is vacuous.  TLC on
        // x = 0, retry == x = 0 /\ x' = x, WF_x(retry), x = 0 ~> x = 1: "State 2: Stuttering"
        RingModel m = new RingModel(1);
        ExplorerResult<Integer> r = Explorer.check(m, ExplorerOptions.defaults().withProperties("NeverStops"));
        assertEquals("liveness:NeverStops", r.verdict());
        assertTrue(r.counterexample().stuttering());
        assertEquals(1, r.counterexample().length());
        Traces.assertFairViolation(m, "NeverStops", r.counterexample());
        // TLC: 2 states generated, 1 distinct state found
        assertEquals(2, r.statesGenerated());
        assertEquals(1, r.distinctStates());
    }

    @Test
    void longGraphsNeedNoRecursion() {
        int n = 300_000;
        RingModel m = new RingModel(n);
        ExplorerResult<Integer> ok = Explorer.check(m, ExplorerOptions.defaults().withProperties("ReachesLast"));
        assertTrue(ok.isOk(), ok.toString());
        assertEquals(n, ok.distinctStates());
        assertEquals(n, ok.depth());

        ExplorerResult<Integer> bad = Explorer.check(m, ExplorerOptions.defaults().withProperties("NeverStops"));
        assertEquals("liveness:NeverStops", bad.verdict());
        Counterexample<Integer> ce = bad.counterexample();
        assertEquals(n, ce.length());
        assertEquals(1, ce.loopStart());
        assertEquals("step", ce.loopAction());
        assertEquals(n - 1, ce.lastState());
    }
}
