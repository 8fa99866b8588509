package reservecheck.models.reserve_tree;

/**
 * mm/reserve.c on a value of the tree, as the spec's operators: Path, AddAlong, UsageAlong,
 * Add (__mem_reserve_add), WriteBack, Connect, Disconnect, PagesSet, and sk_set/clear_memalloc
 * as single critical sections (SetMemalloc, ClearMemalloc).  Each returns the new tree rather
 * than changing one, so a failure returns the tree it was given.
 */
final class ReserveOps {
    private final ReserveTreeParams p;

    ReserveOps(ReserveTreeParams p) {
        this.p = p;
    }

    /** Path(t, n): the node and its ancestors as far as the links go (__calc_reserve's walk). */
    static int path(TreeValue t, int n) {
        if (n == Node.ROOT) {
            return Node.bit(Node.ROOT);
        }
        int up = t.linked ? Node.bit(Node.NET) | Node.bit(Node.ROOT) : Node.bit(Node.NET);
        return n == Node.NET ? up : Node.bit(n) | up;
    }

    static int[] addAlong(int[] f, int path, int d) {
        int[] g = f.clone();
        for (int n = 0; n < Node.COUNT; n++) {
            if (Node.in(path, n)) {
                g[n] = f[n] + d;
            }
        }
        return g;
    }

    /** UsageAlong: usage below 0 is clamped to 0, as __mem_reserve_charge does. */
    static int[] usageAlong(int[] f, int path, int d) {
        int[] g = f.clone();
        for (int n = 0; n < Node.COUNT; n++) {
            if (Node.in(path, n)) {
                g[n] = Math.max(0, f[n] + d);
            }
        }
        return g;
    }

    /**
     * Add(t, n, dp, dl, du), __mem_reserve_add: the pages go up the path, the root's change goes
     * to adjust_memalloc_reserve, which fails beyond max_reserve_pages (the pages are then
     * rolled back: the tree is returned as given), then the limits (and the usage a connecting
     * child brings).  Unlocked (reserve_adjust_locked false) and with a root change, only the
     * read and the pages happen now; the write, limits and usage are the returned pend.
     */
    TreeResult add(TreeValue t, int n, int dp, int dl, int du) {
        int path = path(t, n);
        int rd = Node.in(path, Node.ROOT) ? dp : 0;
        boolean ok = rd <= 0 || t.var + rd <= p.maxReservePages;
        if (!ok) {
            return new TreeResult(false, t, Pending.NONE);
        }
        TreeValue t1 = t.withPages(addAlong(t.pages, path, dp));
        if (p.reserveAdjustLocked || rd == 0) {
            TreeValue full = t1.with(addAlong(t.limit, path, dl), usageAlong(t.usage, path, du), t.var + rd);
            return new TreeResult(true, full, Pending.NONE);
        }
        return new TreeResult(true, t1, new Pending(t.var + rd, path, dl, du, SwapPc.WRITE));
    }

    /** WriteBack(t, p): the deferred half of an unlocked adjust stores what the old read computed. */
    static TreeValue writeBack(TreeValue t, Pending pend) {
        return t.with(addAlong(t.limit, pend.path, pend.dl), usageAlong(t.usage, pend.path, pend.du), pend.var);
    }

    /**
     * Connect(t), mem_reserve_connect(net, &amp;mem_reserve_root): -EEXIST if already parented;
     * link, then add the child's pages and limit (and its usage only with
     * connect_propagates_usage: NeilBrown's Aug 2008 point); unlink on error.
     */
    TreeResult connect(TreeValue t) {
        if (t.linked) {
            return new TreeResult(false, t, Pending.NONE);
        }
        TreeResult r = add(t.withLinked(true), Node.ROOT, t.pages[Node.NET], t.limit[Node.NET],
                p.connectPropagatesUsage ? t.usage[Node.NET] : 0);
        return r.ok ? r : new TreeResult(r.ok, t, r.pend);
    }

    /**
     * Disconnect(t), mem_reserve_disconnect(net): subtract pages, limit (and usage), then
     * unlink, at once even when the adjust's store is deferred: the unlink is the tree's own
     * update, under mem_reserve_mutex (so PagesSumChildren holds at every step).  Shrinking
     * cannot fail; -ENOENT if not parented.
     */
    TreeResult disconnect(TreeValue t) {
        if (!t.linked) {
            return new TreeResult(false, t, Pending.NONE);
        }
        TreeResult r = add(t, Node.ROOT, -t.pages[Node.NET], -t.limit[Node.NET],
                p.connectPropagatesUsage ? -t.usage[Node.NET] : 0);
        return new TreeResult(r.ok, r.t.withLinked(false), r.pend);
    }

    /** PagesSet(t, v), mem_reserve_pages_set(ipv4, v): add v - old pages and as much limit. */
    TreeResult pagesSet(TreeValue t, int v) {
        int d = v - t.own4;
        TreeResult r = add(t, Node.IPV4, d, d, 0);
        return r.ok ? new TreeResult(true, r.t.withOwn4(v), r.pend) : r;
    }

    /**
     * SetMemalloc(x), sk_set_memalloc under every lock: tree_2008 tests SOCK_MEMALLOC and
     * adjusts only for a new memalloc socket (the first one connects net); merged_2012 counts
     * the socket unconditionally (static_key_slow_inc), which is what makes Layton's 2015
     * double count possible.  Called only with AtomicMemalloc, so reserve_adjust_locked holds
     * and no write is deferred.
     */
    TreeResult setMemalloc(ReserveTreeState s, int x) {
        TreeValue t = TreeValue.of(s);
        if (!p.tree()) {
            return new TreeResult(true, t, Pending.NONE, s.memallocSocks + 1);
        }
        if (s.sockMemalloc[x]) {
            return new TreeResult(true, t, Pending.NONE, s.memallocSocks);
        }
        if (s.memallocSocks == 0) {
            TreeResult c = connect(t);
            return new TreeResult(c.ok, c.t, Pending.NONE, c.ok ? 1 : 0);
        }
        return new TreeResult(true, t, Pending.NONE, s.memallocSocks + 1);
    }

    /** ClearMemalloc(x), sk_clear_memalloc: the last memalloc socket disconnects net (tree_2008). */
    TreeResult clearMemalloc(ReserveTreeState s, int x) {
        TreeValue t = TreeValue.of(s);
        if (!p.tree()) {
            return new TreeResult(true, t, Pending.NONE, s.memallocSocks - 1);
        }
        if (!s.sockMemalloc[x]) {
            return new TreeResult(true, t, Pending.NONE, s.memallocSocks);
        }
        if (s.memallocSocks == 1) {
            return new TreeResult(true, disconnect(t).t, Pending.NONE, 0);
        }
        return new TreeResult(true, t, Pending.NONE, s.memallocSocks - 1);
    }
}
