package reservecheck.models.mempool;

import reservecheck.models.lts.Invariant;
import reservecheck.models.lts.SpecInvariants;

/** The spec's invariants (PROTOCOLS.md section 1), under the spec's names. */
final class MempoolInvariants extends SpecInvariants<MempoolState, MempoolParams> {
    MempoolInvariants(MempoolParams p) {
        super("Mempool.tla", p);
        add("TypeOK", new Invariant<MempoolState>() {
            /**
             * TypeOK: every variable in its type; curr_nr may leave 0..capacity by one
             * either way (CurrNrBounds catches that: a free past the capacity, a removal past
             * the last element).
             */
            @Override
            public boolean holds(MempoolState s) {
                if (s.currNr < -1 || s.currNr > p.poolCapacity() + 1) {
                    return false;
                }
                if (s.freePages < 0 || s.cleanPages < 0 || s.dirtyPages < 0) {
                    return false;
                }
                for (int x : s.waitq) {
                    if (!p.isProc(x)) {
                        return false;  // irq tasks never sleep
                    }
                }
                for (int t = 0; t < p.taskCount(); t++) {
                    if (!Pc.valid(s.pc[t])
                            || s.held[t] < 0 || s.held[t] > p.requestElements
                            || s.roundsLeft[t] < 0 || s.roundsLeft[t] > p.rounds
                            || s.plugged[t] < 0 || s.plugged[t] > 1
                            || s.snap[t] < 0
                            || s.tstate[t] != TaskState.RUNNING && s.tstate[t] != TaskState.UNINTERRUPTIBLE) {
                        return false;
                    }
                }
                return true;
            }
        });
        add("CurrNrBounds", new Invariant<MempoolState>() {
            /** 0 <= curr_nr <= min_nr (max(1, min_nr) with the 2025 refill). */
            @Override
            public boolean holds(MempoolState s) {
                return s.currNr >= 0 && s.currNr <= p.poolCapacity();
            }
        });
        add("Conservation", new Invariant<MempoolState>() {
            /**
             * Conservation: the pool's elements are in the pool or in users' hands (a plugged bio is a
             * user too), so the pool can always be refilled to min_nr.  Broken by free_reads_stale.
             */
            @Override
            public boolean holds(MempoolState s) {
                int sum = s.currNr;
                for (int t = 0; t < p.taskCount(); t++) {
                    sum += s.held[t] + s.plugged[t];
                }
                return sum >= p.poolCapacity();
            }
        });
        add("AtomicNullOnlyIfEmpty", new Invariant<MempoolState>() {
            /** An atomic caller gets NULL only if it saw curr_nr = 0 under the lock (broken before D1). */
            @Override
            public boolean holds(MempoolState s) {
                for (int t = 0; t < p.taskCount(); t++) {
                    if (s.pc[t] == Pc.GOT_NULL && !s.sawEmpty[t]) {
                        return false;
                    }
                }
                return true;
            }
        });
        add("BlockingNeverNull", new Invariant<MempoolState>() {
            /** A caller that may block never gets NULL: the point of a mempool. */
            @Override
            public boolean holds(MempoolState s) {
                for (int t = 0; t < p.procs; t++) {
                    if (s.pc[t] == Pc.GOT_NULL) {
                        return false;
                    }
                }
                return true;
            }
        });
        add("NoReserveDip", new Invariant<MempoolState>() {
            /**
             * Pool users never dip into the system's emergency reserve (the only allocations in the
             * model are the pool's).  Broken by nomemalloc_only_if_free (f9054c70d28b).
             */
            @Override
            public boolean holds(MempoolState s) {
                return s.freePages >= p.emergencyPages;
            }
        });
        add("NoHoldAndWait", new Invariant<MempoolState>() {
            /**
             * No task sleeps on the pool while holding an element of that same pool (bulk requests
             * wait holding none): the rule whose breaking gives the md and dm-crypt deadlocks.
             */
            @Override
            public boolean holds(MempoolState s) {
                for (int t = 0; t < p.taskCount(); t++) {
                    if (Pc.sleeping(s.pc[t]) && s.held[t] + s.plugged[t] != 0) {
                        return false;
                    }
                }
                return true;
            }
        });
    }
}
