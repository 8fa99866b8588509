package reservecheck.models.reserve_tree;

import reservecheck.models.lts.SpecActions;

/**
 * NFS swapfiles: swapon and swapoff, xs_swapper, and sk_set/clear_memalloc with
 * sk_adjust_memalloc, one method per action of the spec (null: not enabled).  With every lock
 * flag on (AtomicMemalloc) swapon and swapoff are single steps; each flag that drops a lock
 * splits them into the kernel's unlocked steps, so a race exists only where a flag allows it.
 */
final class SwapPath extends SpecActions<ReserveTreeParams> {
    private final ReserveOps ops;

    SwapPath(ReserveTreeParams p, ReserveOps ops) {
        super(p);
        this.ops = ops;
    }

    /** GotoR(f, where): go to a step, forgetting the operation's scratch state when it ends. */
    static void gotoR(ReserveTreeState.Builder b, int f, int where) {
        b.spc[f] = where;
        if (SwapPc.quiet(where)) {
            b.sv[f] = Sv.NONE;
        }
    }

    /** EndRound(f): one swapon/swapoff round less; the last one ends in "done". */
    static void endRound(ReserveTreeState s, ReserveTreeState.Builder b, int f) {
        b.srounds[f] = s.srounds[f] - 1;
        gotoR(b, f, s.srounds[f] == 1 ? SwapPc.DONE : SwapPc.IDLE);
    }

    /** AfterSet(err): a failed set undoes the swapon; a non-atomic set still has to set the flag. */
    private int afterSet(boolean err) {
        if (err) {
            return SwapPc.SET_FAILED;
        }
        return p.memallocFlagAtomic ? SwapPc.LIVE : SwapPc.SOCK_SET_FLAG;
    }

    private int afterClear() {
        return p.memallocFlagAtomic ? SwapPc.CLEAR_DONE : SwapPc.SOCK_RESET_FLAG;
    }

    private int adjustStep(int op) {
        if (p.memallocCountLocked) {
            return SwapPc.SK_ADJUST_MEMALLOC;
        }
        return op == Sv.OP_SET ? SwapPc.ATOMIC_READ : SwapPc.ATOMIC_ADD_RETURN;
    }

    /** AfterTreeOp(f, p, next): store var_free_kbytes now, or later in adjust_memalloc_reserve_write. */
    private static void afterTreeOp(ReserveTreeState.Builder b, int f, Pending pend, int next) {
        if (pend.none()) {
            gotoR(b, f, next);
        } else {
            b.pending[f] = pend.withNext(next);
            gotoR(b, f, SwapPc.ADJUST_WRITE);
        }
    }

    /**
     * MemallocLockFree: the lock of a locked sk_adjust_memalloc is held until the swapfile's
     * deferred write is done (the sysctl's adjust does not hold it).
     */
    private boolean memallocLockFree(ReserveTreeState s) {
        for (int g = 0; g < p.swapfileCount(); g++) {
            if (!s.pending[g].none()) {
                return false;
            }
        }
        return true;
    }

    /**
     * swapon(f): xprt->swapper goes up; sk_set_memalloc on the transport's socket (tree_2008's
     * xs_swapper calls it on every swapon; merged_2012's only on the first, unless
     * swapper_clear_on_last is false).  An -ENOMEM from adjust_memalloc_reserve fails the swapon.
     */
    ReserveTreeState swapon(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.IDLE) {
            return null;
        }
        int x = p.xprtOf(f);
        int old = s.xprtSwapper[x];
        int nw = p.swapperCounted ? old + 1 : 1;
        boolean call = p.tree() || !p.swapperClearOnLast || old == 0;
        ReserveTreeState.Builder b = s.edit();
        if (!call) {
            b.xprtSwapper[x] = nw;
            gotoR(b, f, SwapPc.LIVE);
        } else if (p.atomicMemalloc()) {
            TreeResult r = ops.setMemalloc(s, x);
            if (r.ok) {
                b.xprtSwapper[x] = nw;
                b.setTree(r.t);
                b.sockMemalloc[x] = true;
                b.memallocSocks = r.count;
                gotoR(b, f, SwapPc.LIVE);
            } else {
                endRound(s, b, f);
            }
        } else {
            b.xprtSwapper[x] = nw;
            b.sv[f] = new Sv(Sv.OP_SET, old, false);
            b.spc[f] = SwapPc.SOCK_FLAG;
        }
        return b.build();
    }

    /**
     * swapoff(f): xprt->swapper goes down (a single bit is simply cleared, seed 003's bug);
     * sk_clear_memalloc on the 1->0 transition, or, without swapper_clear_on_last, on every
     * swapoff that finds swapper set.  Never with swap_stays_on.
     */
    ReserveTreeState swapoff(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.LIVE || p.swapStaysOn) {
            return null;
        }
        int x = p.xprtOf(f);
        int old = s.xprtSwapper[x];
        int nw = p.swapperCounted ? old - 1 : 0;
        boolean call = p.swapperClearOnLast ? old > 0 && nw == 0 : old > 0;
        ReserveTreeState.Builder b = s.edit();
        if (!call) {
            b.xprtSwapper[x] = nw;
            endRound(s, b, f);
        } else if (p.atomicMemalloc()) {
            TreeResult r = ops.clearMemalloc(s, x);
            b.xprtSwapper[x] = nw;
            b.setTree(r.t);
            b.sockMemalloc[x] = false;
            b.memallocSocks = r.count;
            endRound(s, b, f);
        } else {
            b.xprtSwapper[x] = nw;
            b.sv[f] = new Sv(Sv.OP_CLEAR, old, false);
            b.spc[f] = SwapPc.CLEAR_TEST;
        }
        return b.build();
    }

    /**
     * sock_flag(f), sk_set_memalloc's first step: with memalloc_flag_atomic a test_and_set_bit;
     * without, only the test, so two swapons can both see the flag clear (Morton, Feb 2008).
     */
    ReserveTreeState sockFlag(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.SOCK_FLAG) {
            return null;
        }
        int x = p.xprtOf(f);
        ReserveTreeState.Builder b = s.edit();
        if (s.sockMemalloc[x]) {
            gotoR(b, f, SwapPc.LIVE);
        } else {
            if (p.memallocFlagAtomic) {
                b.sockMemalloc[x] = true;
            }
            gotoR(b, f, adjustStep(Sv.OP_SET));
        }
        return b.build();
    }

    /**
     * sk_adjust_memalloc(f) under one lock: the first socket connects net, the last one
     * disconnects it; a failed connect leaves the count alone.
     */
    ReserveTreeState skAdjustMemalloc(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.SK_ADJUST_MEMALLOC || !memallocLockFree(s)) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        if (s.sv[f].op == Sv.OP_SET) {
            if (s.memallocSocks == 0) {
                TreeResult c = ops.connect(TreeValue.of(s));
                if (c.ok) {
                    b.setTree(c.t);
                    b.memallocSocks = 1;
                    afterTreeOp(b, f, c.pend, afterSet(false));
                } else {
                    b.sv[f] = s.sv[f].withErr(true);
                    b.spc[f] = afterSet(true);
                }
            } else {
                b.memallocSocks = s.memallocSocks + 1;
                gotoR(b, f, afterSet(false));
            }
        } else {
            b.memallocSocks = s.memallocSocks - 1;
            if (s.memallocSocks == 1) {
                TreeResult d = ops.disconnect(TreeValue.of(s));
                b.setTree(d.t);
                afterTreeOp(b, f, d.pend, afterClear());
            } else {
                gotoR(b, f, afterClear());
            }
        }
        return b.build();
    }

    /**
     * atomic_read(f), unlocked sk_adjust_memalloc (Feb 2008): nr = atomic_read(&amp;memalloc_socks);
     * if it was 0, mem_reserve_connect (an error, e.g. -EEXIST, is remembered and returned later).
     */
    ReserveTreeState atomicRead(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.ATOMIC_READ) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        if (s.memallocSocks == 0) {
            TreeResult c = ops.connect(TreeValue.of(s));
            b.setTree(c.t);
            b.sv[f] = s.sv[f].withErr(!c.ok);
            if (c.pend.none()) {
                b.spc[f] = SwapPc.ATOMIC_ADD_RETURN;
            } else {
                b.pending[f] = c.pend.withNext(SwapPc.ATOMIC_ADD_RETURN);
                b.spc[f] = SwapPc.ADJUST_WRITE;
            }
        } else {
            b.spc[f] = SwapPc.ATOMIC_ADD_RETURN;
        }
        return b.build();
    }

    /**
     * atomic_add_return(f): nr = atomic_add_return(socks, &amp;memalloc_socks), done even when the
     * connect failed; a remove that brings it to 0 goes on to disconnect.  Between the read and
     * this add another swapfile's remove can disconnect: the race of socket_count_connect_race.
     */
    ReserveTreeState atomicAddReturn(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.ATOMIC_ADD_RETURN) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        if (s.sv[f].op == Sv.OP_SET) {
            b.memallocSocks = s.memallocSocks + 1;
            gotoR(b, f, afterSet(s.sv[f].err));
        } else {
            b.memallocSocks = s.memallocSocks - 1;
            gotoR(b, f, s.memallocSocks == 1 ? SwapPc.MEM_RESERVE_DISCONNECT : afterClear());
        }
        return b.build();
    }

    ReserveTreeState memReserveDisconnect(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.MEM_RESERVE_DISCONNECT) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        TreeResult d = ops.disconnect(TreeValue.of(s));
        b.setTree(d.t);
        afterTreeOp(b, f, d.pend, afterClear());
        return b.build();
    }

    /** adjust_memalloc_reserve_write(f): the unlocked adjust stores var_free_kbytes from its old read. */
    ReserveTreeState adjustMemallocReserveWrite(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.ADJUST_WRITE) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.setTree(ReserveOps.writeBack(TreeValue.of(s), s.pending[f]));
        b.pending[f] = Pending.NONE;
        gotoR(b, f, s.pending[f].next);
        return b.build();
    }

    /** sock_set_flag(f): non-atomic sk_set_memalloc sets the flag after the reserve was adjusted. */
    ReserveTreeState sockSetFlag(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.SOCK_SET_FLAG) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.sockMemalloc[p.xprtOf(f)] = true;
        gotoR(b, f, SwapPc.LIVE);
        return b.build();
    }

    /** set_failed(f): sk_set_memalloc returned an error: swapon fails, xprt->swapper is restored. */
    ReserveTreeState setFailed(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.SET_FAILED) {
            return null;
        }
        int x = p.xprtOf(f);
        ReserveTreeState.Builder b = s.edit();
        if (p.memallocFlagAtomic) {
            b.sockMemalloc[x] = false;
        }
        int cur = s.xprtSwapper[x];
        b.xprtSwapper[x] = p.swapperCounted ? cur - 1 : (s.sv[f].old == 0 ? 0 : cur);
        endRound(s, b, f);
        return b.build();
    }

    /** clear_test(f), sk_clear_memalloc's first step: sock_flag (test_and_clear_bit when atomic). */
    ReserveTreeState clearTest(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.CLEAR_TEST) {
            return null;
        }
        int x = p.xprtOf(f);
        ReserveTreeState.Builder b = s.edit();
        if (!s.sockMemalloc[x]) {
            endRound(s, b, f);
        } else {
            if (p.memallocFlagAtomic) {
                b.sockMemalloc[x] = false;
            }
            gotoR(b, f, adjustStep(Sv.OP_CLEAR));
        }
        return b.build();
    }

    ReserveTreeState sockResetFlag(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.SOCK_RESET_FLAG) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.sockMemalloc[p.xprtOf(f)] = false;
        endRound(s, b, f);
        return b.build();
    }

    ReserveTreeState clearDone(ReserveTreeState s, int f) {
        if (s.spc[f] != SwapPc.CLEAR_DONE) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        endRound(s, b, f);
        return b.build();
    }
}
