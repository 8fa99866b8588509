package reservecheck.impl.reserve_tree;

import static reservecheck.impl.reserve_tree.ReserveTree.ADJUST_WRITE;
import static reservecheck.impl.reserve_tree.ReserveTree.ATOMIC_ADD_RETURN;
import static reservecheck.impl.reserve_tree.ReserveTree.ATOMIC_READ;
import static reservecheck.impl.reserve_tree.ReserveTree.CLEAR_DONE;
import static reservecheck.impl.reserve_tree.ReserveTree.CLEAR_TEST;
import static reservecheck.impl.reserve_tree.ReserveTree.MEM_RESERVE_DISCONNECT;
import static reservecheck.impl.reserve_tree.ReserveTree.SK_ADJUST_MEMALLOC;
import static reservecheck.impl.reserve_tree.ReserveTree.SOCK_FLAG;
import static reservecheck.impl.reserve_tree.ReserveTree.SOCK_RESET_FLAG;
import static reservecheck.impl.reserve_tree.ReserveTree.SOCK_SET_FLAG;

import reservecheck.models.reserve_tree.Pending;
import reservecheck.models.reserve_tree.ReserveTreeParams;
import reservecheck.models.reserve_tree.Sv;
import reservecheck.models.reserve_tree.SwapPc;

/**
 * net/core/sock.c: sk_set_memalloc and sk_clear_memalloc (SOCK_MEMALLOC on the transport's
 * socket), sk_adjust_memalloc and the count of memalloc sockets (memalloc_socks, later
 * sk_memalloc_socks), whose first socket connects net to the reserve tree and whose last
 * disconnects it; and what SOCK_MEMALLOC entitles to, __GFP_MEMALLOC.
 *
 * <p>These are the steps of a swapfile's thread between swapon's or swapoff's section in
 * {@link XprtSwapper} and the end of its round: one step per kernel critical section, or, with
 * a policy flag that drops a lock, per unlocked atomic operation (atomic_read,
 * atomic_add_return, the flag's load and store, the deferred store of var_free_kbytes).  The
 * state is the kernel's ({@link ReserveTree}'s fields, as {@code k.}); every method runs
 * holding k's monitor.
 */
final class SockMemalloc {
    private final ReserveTree k;
    private final ReserveTreeParams p;
    private final Policy pol;

    SockMemalloc(ReserveTree k) {
        this.k = k;
        this.p = k.p;
        this.pol = k.pol;
    }

    /** ALLOC_NO_WATERMARKS via __GFP_MEMALLOC: transport 1's socket has SOCK_MEMALLOC. */
    boolean entitled() {
        return p.xprts >= 1 && k.sockMemalloc[0];
    }

    private int afterSet(boolean err) {
        return err ? SwapPc.SET_FAILED : pol.memallocFlagAtomic ? SwapPc.LIVE : SwapPc.SOCK_SET_FLAG;
    }

    private int afterClear() {
        return pol.memallocFlagAtomic ? SwapPc.CLEAR_DONE : SwapPc.SOCK_RESET_FLAG;
    }

    private int adjustStep(boolean set) {
        return pol.memallocCountLocked ? SwapPc.SK_ADJUST_MEMALLOC : set ? SwapPc.ATOMIC_READ : SwapPc.ATOMIC_ADD_RETURN;
    }

    /** After a tree operation in sk_adjust_memalloc: go on, or store var_free_kbytes first. */
    private void afterTreeOp(int f, int r, int next) {
        if (r == MemReserveTree.DEFER) {
            k.pending[f] = k.tree.deferred(next);
            k.swapper.gotoR(f, SwapPc.ADJUST_WRITE);
        } else {
            k.swapper.gotoR(f, next);
        }
    }

    private boolean memallocLockFree() {
        for (int f = 0; f < p.swapfileCount(); f++) {
            if (!k.pending[f].none()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Swapfile f's step at pc, one inside sk_set_memalloc or sk_clear_memalloc, on the socket
     * of transport x.  Sleeps in sk_adjust_memalloc while the memalloc lock is held across
     * another swapfile's deferred store.
     */
    void step(int f, int x, int pc, int thread, int actor) throws InterruptedException {
        XprtSwapper s = k.swapper;
        switch (pc) {
            case SwapPc.SOCK_FLAG:
                // sk_set_memalloc: sock_flag, or test_and_set_bit when memalloc_flag_atomic
                if (k.sockMemalloc[x]) {
                    s.gotoR(f, SwapPc.LIVE);
                } else {
                    if (pol.memallocFlagAtomic) {
                        k.sockMemalloc[x] = true;
                    }
                    s.gotoR(f, adjustStep(true));
                }
                k.end(SOCK_FLAG, actor);
                break;
            case SwapPc.SK_ADJUST_MEMALLOC:
                while (!memallocLockFree()) {
                    k.sleep(thread);
                }
                skAdjustMemalloc(f);
                k.end(SK_ADJUST_MEMALLOC, actor);
                break;
            case SwapPc.ATOMIC_READ: {
                // Feb 2008, unlocked: nr = atomic_read(&memalloc_socks); connect if it was 0
                if (k.memallocSocks == 0) {
                    int r = k.tree.connect();
                    k.svErr[f] = r == MemReserveTree.FAIL;
                    if (r == MemReserveTree.DEFER) {
                        k.pending[f] = k.tree.deferred(SwapPc.ATOMIC_ADD_RETURN);
                        k.spc[f] = SwapPc.ADJUST_WRITE;
                    } else {
                        k.spc[f] = SwapPc.ATOMIC_ADD_RETURN;
                    }
                } else {
                    k.spc[f] = SwapPc.ATOMIC_ADD_RETURN;
                }
                k.end(ATOMIC_READ, actor);
                break;
            }
            case SwapPc.ATOMIC_ADD_RETURN:
                // nr = atomic_add_return(socks, &memalloc_socks), done even when connect failed
                if (k.svOp[f] == Sv.OP_SET) {
                    k.memallocSocks++;
                    s.gotoR(f, afterSet(k.svErr[f]));
                } else {
                    int old = k.memallocSocks;
                    k.memallocSocks = old - 1;
                    s.gotoR(f, old == 1 ? SwapPc.MEM_RESERVE_DISCONNECT : afterClear());
                }
                k.end(ATOMIC_ADD_RETURN, actor);
                break;
            case SwapPc.MEM_RESERVE_DISCONNECT:
                afterTreeOp(f, k.tree.disconnect(), afterClear());
                k.end(MEM_RESERVE_DISCONNECT, actor);
                break;
            case SwapPc.ADJUST_WRITE: {
                Pending q = k.pending[f];
                k.tree.writeBack(q);
                k.pending[f] = Pending.NONE;
                s.gotoR(f, q.next);
                k.end(ADJUST_WRITE, actor);
                break;
            }
            case SwapPc.SOCK_SET_FLAG:
                k.sockMemalloc[x] = true;
                s.gotoR(f, SwapPc.LIVE);
                k.end(SOCK_SET_FLAG, actor);
                break;
            case SwapPc.CLEAR_TEST:
                if (!k.sockMemalloc[x]) {
                    s.endRound(f);
                } else {
                    if (pol.memallocFlagAtomic) {
                        k.sockMemalloc[x] = false;
                    }
                    s.gotoR(f, adjustStep(false));
                }
                k.end(CLEAR_TEST, actor);
                break;
            case SwapPc.SOCK_RESET_FLAG:
                k.sockMemalloc[x] = false;
                s.endRound(f);
                k.end(SOCK_RESET_FLAG, actor);
                break;
            case SwapPc.CLEAR_DONE:
                s.endRound(f);
                k.end(CLEAR_DONE, actor);
                break;
            default:
                throw new IllegalStateException("swapfile at pc " + pc);
        }
    }

    /** sk_adjust_memalloc(+-1) under its lock: the first socket connects, the last disconnects. */
    private void skAdjustMemalloc(int f) {
        if (k.svOp[f] == Sv.OP_SET) {
            if (k.memallocSocks == 0) {
                int r = k.tree.connect();
                if (r != MemReserveTree.FAIL) {
                    k.memallocSocks = 1;
                    afterTreeOp(f, r, afterSet(false));
                } else {
                    k.svErr[f] = true;
                    k.spc[f] = afterSet(true);
                }
            } else {
                k.memallocSocks++;
                k.swapper.gotoR(f, afterSet(false));
            }
        } else {
            int old = k.memallocSocks;
            k.memallocSocks = old - 1;
            if (old == 1) {
                afterTreeOp(f, k.tree.disconnect(), afterClear());
            } else {
                k.swapper.gotoR(f, afterClear());
            }
        }
    }
}
