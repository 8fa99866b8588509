package reservecheck.models.reserve_tree;

import reservecheck.models.lts.SpecActions;

/**
 * tree_2008's reserve users: __alloc_pages_reserve (normal memory first, then, if entitled by
 * SOCK_MEMALLOC, a charge of the whole request followed by emergency pages one by one) and
 * __free_pages_reserve, one method per action of the spec (null: not enabled).
 */
final class UserPath extends SpecActions<ReserveTreeParams> {
    UserPath(ReserveTreeParams p) {
        super(p);
    }

    /** Entitled: ALLOC_NO_WATERMARKS via __GFP_MEMALLOC of transport 1's SOCK_MEMALLOC socket. */
    private boolean entitled(ReserveTreeState s) {
        return p.xprts >= 1 && s.sockMemalloc[0];
    }

    /** EmergencyAvail: fewer emergency pages held than var_free_kbytes sets aside. */
    static boolean emergencyAvail(ReserveTreeState s) {
        int held = 0;
        for (int u = 0; u < s.he.length; u++) {
            held += s.he[u];
        }
        return held < s.varFreeKbytes;
    }

    private int remaining(ReserveTreeState s, int u) {
        return p.requestPages - s.hn[u] - s.he[u];
    }

    /** ChargeOk(c): mem_reserve_charge(net, c) succeeds iff usage + c <= limit (c >= 0 here). */
    private static boolean chargeOk(ReserveTreeState s, int c) {
        return s.usage[Node.NET] + c <= s.limit[Node.NET];
    }

    /** mem_reserve_charge(c): usage propagates from net to its connected ancestors, clamped at 0. */
    private static void charge(ReserveTreeState s, ReserveTreeState.Builder b, int c) {
        b.usage = ReserveOps.usageAlong(s.usage, ReserveOps.path(TreeValue.of(s), Node.NET), c);
    }

    /** Took(u): the request is complete, or goes on to its next page. */
    private void took(ReserveTreeState s, ReserveTreeState.Builder b, int u) {
        b.upc[u] = s.hn[u] + s.he[u] + 1 == p.requestPages ? UserPc.HOLD : UserPc.ALLOC;
    }

    /**
     * Release(u): free the memory, then uncharge (which wakes the waiters); a NULL return gives
     * back what the request had got.  Either ends the round.
     */
    private static void release(ReserveTreeState s, ReserveTreeState.Builder b, int u) {
        b.normalFree = s.normalFree + s.hn[u];
        charge(s, b, -s.charged[u]);
        b.hn[u] = 0;
        b.he[u] = 0;
        b.charged[u] = 0;
        b.urounds[u] = s.urounds[u] - 1;
        b.upc[u] = s.urounds[u] == 1 ? UserPc.DONE : UserPc.IDLE;
    }

    ReserveTreeState reserveRequest(ReserveTreeState s, int u) {
        if (s.upc[u] != UserPc.IDLE) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.upc[u] = UserPc.ALLOC;
        return b.build();
    }

    /**
     * alloc_pages_reserve(u), one page: normal memory first (__GFP_NOMEMALLOC); else, if
     * entitled, charge the request (per_user_accounting) and take an emergency page.  A failed
     * charge returns NULL or, blocking, waits; a charge that succeeds where the reserve is not
     * there (the WARN_ON path) returns NULL.  Without accounting a blocking caller waits for
     * emergency pages while holding the ones it has: Gorman's 2012 depletion deadlock.
     */
    ReserveTreeState allocPagesReserve(ReserveTreeState s, int u) {
        if (s.upc[u] != UserPc.ALLOC) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        if (s.normalFree > 0 && s.charged[u] == 0) {
            b.normalFree = s.normalFree - 1;
            b.hn[u] = s.hn[u] + 1;
            took(s, b, u);
        } else if (!entitled(s)) {
            release(s, b, u);
        } else if (p.perUserAccounting && s.charged[u] == 0) {
            int c = remaining(s, u);
            if (chargeOk(s, c)) {
                if (emergencyAvail(s)) {
                    charge(s, b, c);
                    b.charged[u] = c;
                    b.he[u] = s.he[u] + 1;
                    took(s, b, u);
                } else {
                    release(s, b, u);
                }
            } else if (p.blocking) {
                b.upc[u] = UserPc.WAIT_CHARGE;
            } else {
                release(s, b, u);
            }
        } else if (emergencyAvail(s)) {
            b.he[u] = s.he[u] + 1;
            took(s, b, u);
        } else if (p.blocking && !p.perUserAccounting) {
            b.upc[u] = UserPc.WAIT_MEM;
        } else {
            release(s, b, u);
        }
        return b.build();
    }

    /**
     * wake_charge(u): wait_event(res->waitqueue, mem_reserve_charge(res, c)) proceeds once the
     * charge succeeds.  The gfp mask was fixed when the call began: the wait does not look at
     * SOCK_MEMALLOC again; the next page's allocation does.
     */
    ReserveTreeState wakeCharge(ReserveTreeState s, int u) {
        if (s.upc[u] != UserPc.WAIT_CHARGE) {
            return null;
        }
        int c = remaining(s, u);
        if (!chargeOk(s, c)) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        charge(s, b, c);
        b.charged[u] = c;
        b.upc[u] = UserPc.ALLOC;
        return b.build();
    }

    /** wake_mem(u): without accounting, a blocking caller loops until emergency pages are free. */
    ReserveTreeState wakeMem(ReserveTreeState s, int u) {
        if (s.upc[u] != UserPc.WAIT_MEM || !emergencyAvail(s)) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.upc[u] = UserPc.ALLOC;
        return b.build();
    }

    /** free_pages_reserve(u), __free_pages_reserve: free the request's pages, then uncharge. */
    ReserveTreeState freePagesReserve(ReserveTreeState s, int u) {
        if (s.upc[u] != UserPc.HOLD) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        release(s, b, u);
        return b.build();
    }
}
