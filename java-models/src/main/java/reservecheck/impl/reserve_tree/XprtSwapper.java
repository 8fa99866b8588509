package reservecheck.impl.reserve_tree;

import static reservecheck.impl.reserve_tree.ReserveTree.SET_FAILED;
import static reservecheck.impl.reserve_tree.ReserveTree.SWAPFILE;
import static reservecheck.impl.reserve_tree.ReserveTree.SWAPOFF;
import static reservecheck.impl.reserve_tree.ReserveTree.SWAPON;

import reservecheck.models.reserve_tree.ReserveTreeParams;
import reservecheck.models.reserve_tree.Sv;
import reservecheck.models.reserve_tree.SwapPc;

/**
 * net/sunrpc/xprtsock.c: xs_swapper and the transport's xprt->swapper (a bit, or a count with
 * swapper_counted), which swapon and swapoff of a swapfile over NFS (mm/swapfile.c, through
 * nfs_swap_activate) set and clear, calling sk_set_memalloc or sk_clear_memalloc on the
 * transport's socket; and the swapfile thread's rounds, each a swapon then a swapoff.
 *
 * <p>A swapfile's steps inside sk_set/clear_memalloc are {@link SockMemalloc}'s.  The state is
 * the kernel's ({@link ReserveTree}'s fields, as {@code k.}); every method runs holding k's
 * monitor.
 */
final class XprtSwapper {
    private final ReserveTree k;
    private final ReserveTreeParams p;
    private final Policy pol;

    XprtSwapper(ReserveTree k) {
        this.k = k;
        this.p = k.p;
        this.pol = k.pol;
    }

    /** Swapfile f at pc {@code where}; back at a quiet pc, the call in flight is forgotten. */
    void gotoR(int f, int where) {
        k.spc[f] = where;
        if (SwapPc.quiet(where)) {
            k.svOp[f] = Sv.OP_NONE;
            k.svOld[f] = 0;
            k.svErr[f] = false;
        }
    }

    void endRound(int f) {
        int r = k.srounds[f];
        k.srounds[f] = r - 1;
        gotoR(f, r == 1 ? SwapPc.DONE : SwapPc.IDLE);
    }

    /**
     * One step of swapfile f's thread, by its pc, under k's monitor.  Returns false when the
     * swapfile is done (or stays live for good).
     */
    boolean step(int f, int thread) throws InterruptedException {
        k.begin();
        int pc = k.spc[f];
        if (pc == SwapPc.DONE || (pc == SwapPc.LIVE && p.swapStaysOn)) {
            return false;
        }
        int x = p.xprtOf(f);
        int actor = SWAPFILE << 8 | f;
        switch (pc) {
            case SwapPc.IDLE: swapon(f, x); k.end(SWAPON, actor); break;
            case SwapPc.LIVE: swapoff(f, x); k.end(SWAPOFF, actor); break;
            case SwapPc.SET_FAILED:
                // sk_set_memalloc failed: swapon fails and gives xprt->swapper back
                if (pol.memallocFlagAtomic) {
                    k.sockMemalloc[x] = false;
                }
                k.xprtSwapper[x] = pol.swapperCounted ? k.xprtSwapper[x] - 1 : k.svOld[f] == 0 ? 0 : k.xprtSwapper[x];
                endRound(f);
                k.end(SET_FAILED, actor);
                break;
            default:
                k.sock.step(f, x, pc, thread, actor);
                break;
        }
        return true;
    }

    /**
     * swapon: xprt->swapper up (a bit, unless swapper_counted); sk_set_memalloc on every
     * swapon in tree_2008, on the 0->1 transition only in merged_2012 with
     * swapper_clear_on_last (Layton 2015).  With every lock held it is one section.
     */
    private void swapon(int f, int x) {
        int old = k.xprtSwapper[x];
        int nw = pol.swapperCounted ? old + 1 : 1;
        boolean call = p.tree() || !pol.swapperClearOnLast || old == 0;
        if (!call) {
            k.xprtSwapper[x] = nw;
            gotoR(f, SwapPc.LIVE);
        } else if (pol.atomicMemalloc) {
            boolean ok = true;
            int count;
            if (!p.tree()) {
                count = k.memallocSocks + 1;        // static_key_slow_inc, unconditionally
            } else if (k.sockMemalloc[x]) {
                count = k.memallocSocks;
            } else if (k.memallocSocks == 0) {
                ok = k.tree.connect() != MemReserveTree.FAIL; // the first memalloc socket connects net
                count = ok ? 1 : 0;
            } else {
                count = k.memallocSocks + 1;
            }
            if (ok) {
                k.xprtSwapper[x] = nw;
                k.sockMemalloc[x] = true;
                k.memallocSocks = count;
                gotoR(f, SwapPc.LIVE);
            } else {
                endRound(f);                        // -ENOMEM: swapon fails
            }
        } else {
            k.xprtSwapper[x] = nw;
            k.svOp[f] = Sv.OP_SET;
            k.svOld[f] = old;
            k.svErr[f] = false;
            k.spc[f] = SwapPc.SOCK_FLAG;
        }
    }

    /** swapoff: xprt->swapper down; sk_clear_memalloc on 1->0 (or on every swapoff). */
    private void swapoff(int f, int x) {
        int old = k.xprtSwapper[x];
        int nw = pol.swapperCounted ? old - 1 : 0;
        boolean call = pol.swapperClearOnLast ? old > 0 && nw == 0 : old > 0;
        if (!call) {
            k.xprtSwapper[x] = nw;
            endRound(f);
        } else if (pol.atomicMemalloc) {
            int count;
            if (!p.tree()) {
                count = k.memallocSocks - 1;
            } else if (!k.sockMemalloc[x]) {
                count = k.memallocSocks;
            } else if (k.memallocSocks == 1) {
                k.tree.disconnect();                // the last memalloc socket disconnects net
                count = 0;
            } else {
                count = k.memallocSocks - 1;
            }
            k.xprtSwapper[x] = nw;
            k.sockMemalloc[x] = false;
            k.memallocSocks = count;
            endRound(f);
        } else {
            k.xprtSwapper[x] = nw;
            k.svOp[f] = Sv.OP_CLEAR;
            k.svOld[f] = old;
            k.svErr[f] = false;
            k.spc[f] = SwapPc.CLEAR_TEST;
        }
    }
}
