package reservecheck.impl.reserve_tree;

import static reservecheck.impl.reserve_tree.ReserveTree.ALLOC_PAGES_RESERVE;
import static reservecheck.impl.reserve_tree.ReserveTree.FREE_PAGES_RESERVE;
import static reservecheck.impl.reserve_tree.ReserveTree.MEM_RESERVE_PAGES_SET;
import static reservecheck.impl.reserve_tree.ReserveTree.NO_TASK;
import static reservecheck.impl.reserve_tree.ReserveTree.RESERVE_REQUEST;
import static reservecheck.impl.reserve_tree.ReserveTree.SYSCTL_ADJUST;
import static reservecheck.impl.reserve_tree.ReserveTree.USER;
import static reservecheck.impl.reserve_tree.ReserveTree.WAKE_CHARGE;
import static reservecheck.impl.reserve_tree.ReserveTree.WAKE_MEM;

import reservecheck.models.reserve_tree.Pending;
import reservecheck.models.reserve_tree.ReserveTreeParams;
import reservecheck.models.reserve_tree.SwapPc;
import reservecheck.models.reserve_tree.UserPc;

/**
 * mm/reserve.c (tree_2008) on the live tree: __mem_reserve_add's sums from a node up to the
 * root, whose pages set the emergency watermark through adjust_memalloc_reserve
 * (var_free_kbytes); mem_reserve_connect and _disconnect of net under root;
 * mem_reserve_pages_set, as the ipfrag sysctl writer calls it on ipv4; mem_reserve_charge;
 * and the reserve users' __alloc_pages_reserve / __free_pages_reserve.
 *
 * <p>The state is the kernel's ({@link ReserveTree}'s fields, read and written as {@code k.}),
 * and every method runs holding k's monitor, inside one step of {@link ReserveTree}; the only
 * field of its own is what a deferred __mem_reserve_add leaves to store.
 */
final class MemReserveTree {
    // results of __mem_reserve_add
    static final int FAIL = 0;
    static final int DONE = 1;
    static final int DEFER = 2;

    private final ReserveTree k;
    private final ReserveTreeParams p;
    private final Policy pol;
    /** What the last deferred __mem_reserve_add left to store (unlocked adjust). */
    private Pending deferred;

    MemReserveTree(ReserveTree k) {
        this.k = k;
        this.p = k.p;
        this.pol = k.pol;
    }

    /** The node and its ancestors as far as the links go (the walk of __calc_reserve). */
    private static int path(MemReserve n) {
        int mask = 0;
        for (MemReserve r = n; r != null; r = r.parent) {
            mask |= r.bit();
        }
        return mask;
    }

    private void addPages(int path, int d) {
        for (int i = 0; i < 4; i++) {
            if ((path & 1 << i) != 0) {
                k.node(i).pages += d;
            }
        }
    }

    private void addLimit(int path, int d) {
        for (int i = 0; i < 4; i++) {
            if ((path & 1 << i) != 0) {
                k.node(i).limit += d;
            }
        }
    }

    /** Usage below 0 is clamped to 0, as __mem_reserve_charge does. */
    private void addUsage(int path, int d) {
        for (int i = 0; i < 4; i++) {
            if ((path & 1 << i) != 0) {
                MemReserve r = k.node(i);
                r.usage = Math.max(0, r.usage + d);
            }
        }
    }

    /**
     * __mem_reserve_add: pages up the path, the root's change to adjust_memalloc_reserve
     * (-ENOMEM past max_reserve_pages, nothing changed), then limit and usage.  Without
     * reserve_adjust_locked (Zupancic 2006) the read of var_free_kbytes happens now and the
     * store later: {@link #deferred} holds what the store will write.
     */
    private int add(MemReserve n, int dp, int dl, int du) {
        int path = path(n);
        int rd = (path & k.root.bit()) != 0 ? dp : 0;
        if (rd > 0 && k.varFreeKbytes + rd > p.maxReservePages) {
            return FAIL;
        }
        addPages(path, dp);
        if (pol.reserveAdjustLocked || rd == 0) {
            addLimit(path, dl);
            addUsage(path, du);
            k.varFreeKbytes += rd;
            return DONE;
        }
        deferred = new Pending(k.varFreeKbytes + rd, path, dl, du, SwapPc.NONE);
        return DEFER;
    }

    /** What the last DEFER result left to store, then going on at {@code next}. */
    Pending deferred(int next) {
        return deferred.withNext(next);
    }

    /** The deferred store of an unlocked adjust_memalloc_reserve, from its stale read. */
    void writeBack(Pending q) {
        k.varFreeKbytes = q.var;
        addLimit(q.path, q.dl);
        addUsage(q.path, q.du);
    }

    /**
     * mem_reserve_connect(net, root): -EEXIST if parented; link, add pages and limit, and,
     * unless connect_propagates_usage is off (NeilBrown's Aug 2008 bug), usage; unlink on error.
     */
    int connect() {
        MemReserve net = k.net;
        if (net.parent != null) {
            return FAIL;
        }
        net.parent = k.root;
        int r = add(k.root, net.pages, net.limit, pol.connectPropagatesUsage ? net.usage : 0);
        if (r == FAIL) {
            net.parent = null;
        }
        return r;
    }

    /**
     * mem_reserve_disconnect(net): subtract (cannot fail), then unlink, at once even when the
     * adjust's store is deferred: the unlink is the tree's own update, under mem_reserve_mutex.
     */
    int disconnect() {
        MemReserve net = k.net;
        if (net.parent == null) {
            return FAIL;
        }
        int r = add(k.root, -net.pages, -net.limit, pol.connectPropagatesUsage ? -net.usage : 0);
        net.parent = null;
        return r;
    }

    /** mem_reserve_charge(net, c): usage along net's connected ancestors. */
    private void charge(int c) {
        addUsage(path(k.net), c);
    }

    private boolean chargeOk(int c) {
        return k.net.usage + c <= k.net.limit;
    }

    // ======================================================================= ipfrag sysctl

    /**
     * The ipfrag sysctl writer's step, under k's monitor: mem_reserve_pages_set(ipv4,
     * sysctl_pages), then, when adjust_memalloc_reserve's store was deferred, the late store.
     */
    boolean sysctlStep() {
        k.begin();
        MemReserve ipv4 = k.ipv4;
        if (k.sysctlPc == SwapPc.IDLE) {
            int d = p.sysctlPages - ipv4.own;
            int r = add(ipv4, d, d, 0);
            if (r != FAIL) {
                ipv4.own = p.sysctlPages;
            }
            if (r == DEFER) {
                k.pending[p.sysctlSlot()] = deferred(SwapPc.DONE);
                k.sysctlPc = SwapPc.ADJUST_WRITE;
            } else {
                k.sysctlPc = SwapPc.DONE;               // -ENOMEM keeps the old size
            }
            k.end(MEM_RESERVE_PAGES_SET, NO_TASK);
            return true;
        }
        if (k.sysctlPc == SwapPc.ADJUST_WRITE) {
            writeBack(k.pending[p.sysctlSlot()]);
            k.pending[p.sysctlSlot()] = Pending.NONE;
            k.sysctlPc = SwapPc.DONE;
            k.end(SYSCTL_ADJUST, NO_TASK);
            return true;
        }
        return false;
    }

    // ============================================ tree_2008: reserve-backed allocation

    private boolean emergencyAvail() {
        int held = 0;
        for (int h : k.he) {
            held += h;
        }
        return held < k.varFreeKbytes;
    }

    private int remaining(int u) {
        return p.requestPages - k.hn[u] - k.he[u];
    }

    /** One page of the request taken: complete (hold) or go on. */
    private void took(int u) {
        k.upc[u] = k.hn[u] + k.he[u] + 1 == p.requestPages ? UserPc.HOLD : UserPc.ALLOC;
    }

    /** __free_pages_reserve, or a NULL return: give the memory back, then uncharge. */
    private void release(int u) {
        k.normalFree += k.hn[u];
        charge(-k.charged[u]);
        k.hn[u] = 0;
        k.he[u] = 0;
        k.charged[u] = 0;
        int r = k.urounds[u];
        k.urounds[u] = r - 1;
        k.upc[u] = r == 1 ? UserPc.DONE : UserPc.IDLE;
    }

    /** One step of reserve user u, under k's monitor; false when it is done. */
    boolean userStep(int u, int thread) throws InterruptedException {
        k.begin();
        int actor = USER << 8 | u;
        switch (k.upc[u]) {
            case UserPc.IDLE:
                k.upc[u] = UserPc.ALLOC;
                k.end(RESERVE_REQUEST, actor);
                return true;
            case UserPc.ALLOC:
                allocPagesReserve(u);
                k.end(ALLOC_PAGES_RESERVE, actor);
                return true;
            case UserPc.WAIT_CHARGE:
                // wait_event(res->waitqueue, mem_reserve_charge(res, c)): an uncharge wakes it
                while (!chargeOk(remaining(u))) {
                    k.sleep(thread);
                }
                int rem = remaining(u);
                charge(rem);
                k.charged[u] = rem;
                k.upc[u] = UserPc.ALLOC;
                k.end(WAKE_CHARGE, actor);
                return true;
            case UserPc.WAIT_MEM:
                // no accounting: loop in the allocator until emergency pages come back
                while (!emergencyAvail()) {
                    k.sleep(thread);
                }
                k.upc[u] = UserPc.ALLOC;
                k.end(WAKE_MEM, actor);
                return true;
            case UserPc.HOLD:
                release(u);
                k.end(FREE_PAGES_RESERVE, actor);
                return true;
            default:
                return false;
        }
    }

    /**
     * __alloc_pages_reserve, one page: normal memory first; else, if entitled, charge the
     * whole request (per_user_accounting) before the first emergency page; a failed charge
     * returns NULL or waits.  Without accounting (Gorman 2012) emergency pages are taken
     * unaccounted, and a blocking caller waits for one to come back.
     */
    private void allocPagesReserve(int u) {
        if (k.normalFree > 0 && k.charged[u] == 0) {
            took(u);
            k.normalFree--;
            k.hn[u]++;
        } else if (!k.sock.entitled()) {
            release(u);
        } else if (pol.perUserAccounting && k.charged[u] == 0) {
            int rem = remaining(u);
            if (chargeOk(rem)) {
                if (emergencyAvail()) {
                    charge(rem);
                    k.charged[u] = rem;
                    took(u);
                    k.he[u]++;
                } else {
                    release(u);                    // WARN_ON(!page): charged, reserve not there
                }
            } else if (p.blocking) {
                k.upc[u] = UserPc.WAIT_CHARGE;
            } else {
                release(u);
            }
        } else if (emergencyAvail()) {
            took(u);
            k.he[u]++;
        } else if (p.blocking && !pol.perUserAccounting) {
            k.upc[u] = UserPc.WAIT_MEM;
        } else {
            release(u);
        }
    }
}
