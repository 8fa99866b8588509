package reservecheck.models.reserve_tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.models.lts.SpecModel;
import reservecheck.models.lts.Transition;

/**
 * The reference model of specs/reserve_tree/ReserveTree.tla: the same variables, Init, actions
 * (named as in the spec), invariants, liveness properties and weak fairness, so its reachable
 * state graph is the spec's.  The design (tree_2008 or merged_2012) and every catalog bug are
 * chosen by {@link ReserveTreeParams}.
 *
 * <p>Tasks of transitions are the actions' parameters: users and allocators their model values
 * ("u1", "d1"), a swapfile &lt;&lt;x, k&gt;&gt; the identifier "fx_k" (see
 * {@link ReserveTreeParams}); the sysctl's actions, kswapd's and Terminated have no parameter
 * and no task.  Fairness groups are named as the spec writes them: SwapProgress(&lt;&lt;1,
 * 1&gt;&gt;), UserProgress(u1), ...
 */
public final class ReserveTreeModel extends SpecModel<ReserveTreeState, ReserveTreeParams> {
    public static final String PROTOCOL = "reserve_tree";

    private final SwapPath swap;
    private final SysctlPath sysctl;
    private final UserPath users;
    private final AllocPath alloc;
    private final ReserveTreePacking packing;

    public ReserveTreeModel(ReserveTreeParams p) {
        super(PROTOCOL, p, new ReserveTreeInvariants(p).table(), Waiting.table(), new ReserveTreeText(p));
        ReserveOps ops = new ReserveOps(p);
        this.swap = new SwapPath(p, ops);
        this.sysctl = new SysctlPath(p, ops);
        this.users = new UserPath(p);
        this.alloc = new AllocPath(p);
        this.packing = new ReserveTreePacking(p);
    }

    /** The explorer stores states in this encoding (see {@link ReserveTreePacking}). */
    @Override
    public ReserveTreePacking packing() {
        return packing;
    }

    /** A model from the catalog's parameter values (see {@link ReserveTreeParams}). */
    public static ReserveTreeModel fromParameters(Map<String, Object> params) {
        return new ReserveTreeModel(new ReserveTreeParams(params));
    }

    /**
     * The spec's Init: the tree with net disconnected unless tree_2008 starts swapping (then
     * net is connected and var_free_kbytes is its pages), every actor idle with all its rounds
     * to go, the sysctl idle only if it has something to raise.
     */
    @Override
    public List<ReserveTreeState> initialStates() {
        ReserveTreeState.Builder b = new ReserveTreeState.Builder(p);
        boolean linked = p.startLinked();
        b.own4 = p.ipv4Pages;
        b.pages[Node.IPV4] = p.ipv4Pages;
        b.pages[Node.IPV6] = p.ipv6Pages;
        b.pages[Node.NET] = p.netPages();
        b.pages[Node.ROOT] = linked ? p.netPages() : 0;
        b.limit = b.pages.clone();
        b.netLinked = linked;
        b.varFreeKbytes = linked ? p.netPages() : 0;
        for (int a = 0; a < p.adjusterCount(); a++) {
            b.pending[a] = Pending.NONE;
        }
        for (int x = 0; x < p.xprts; x++) {
            b.sockMemalloc[x] = p.swappingAtStart && x == 0;
            b.xprtSwapper[x] = p.swappingAtStart && x == 0 ? 1 : 0;
        }
        b.memallocSocks = p.swappingAtStart ? 1 : 0;
        for (int f = 0; f < p.swapfileCount(); f++) {
            b.spc[f] = p.swappingAtStart && p.isFirstSwapfile(f) ? SwapPc.LIVE : SwapPc.IDLE;
            b.srounds[f] = p.rounds;
            b.sv[f] = Sv.NONE;
        }
        b.sysctlPc = p.sysctl() ? SwapPc.IDLE : SwapPc.DONE;
        for (int u = 0; u < p.reserveUsers; u++) {
            b.upc[u] = UserPc.IDLE;
            b.urounds[u] = p.rounds;
        }
        b.normalFree = p.initNormalPages;
        b.freePages = p.initFreePages;
        b.swapLeft = p.swapPages;
        b.oomVictimAlive = p.oomVictimPages > 0;
        b.kswapdAwake = false;
        for (int d = 0; d < p.allocators; d++) {
            b.dpc[d] = AllocPc.IDLE;
            b.drounds[d] = p.rounds;
        }
        return only(b.build());
    }

    /**
     * The spec's Next in the order of its disjuncts: per swapfile (in Swapfiles' order) swapon
     * then SwapProgress(f)'s actions; the sysctl's two; per user reserve_request then
     * UserProgress(u)'s; per allocator alloc_pages, send_sigkill, then AllocProgress(d)'s;
     * kswapd's two; Terminated (a self-loop, so the end of the run is not a deadlock) last.
     */
    @Override
    public List<Transition<ReserveTreeState>> successors(ReserveTreeState s) {
        List<Transition<ReserveTreeState>> out = new ArrayList<Transition<ReserveTreeState>>();
        for (int f = 0; f < p.swapfileCount(); f++) {
            String task = p.swapfileName(f);
            add(out, Label.SWAPON, task, swap.swapon(s, f));
            add(out, Label.SWAPOFF, task, swap.swapoff(s, f));
            add(out, Label.SOCK_FLAG, task, swap.sockFlag(s, f));
            add(out, Label.SK_ADJUST_MEMALLOC, task, swap.skAdjustMemalloc(s, f));
            add(out, Label.ATOMIC_READ, task, swap.atomicRead(s, f));
            add(out, Label.ATOMIC_ADD_RETURN, task, swap.atomicAddReturn(s, f));
            add(out, Label.MEM_RESERVE_DISCONNECT, task, swap.memReserveDisconnect(s, f));
            add(out, Label.ADJUST_MEMALLOC_RESERVE_WRITE, task, swap.adjustMemallocReserveWrite(s, f));
            add(out, Label.SOCK_SET_FLAG, task, swap.sockSetFlag(s, f));
            add(out, Label.SET_FAILED, task, swap.setFailed(s, f));
            add(out, Label.CLEAR_TEST, task, swap.clearTest(s, f));
            add(out, Label.SOCK_RESET_FLAG, task, swap.sockResetFlag(s, f));
            add(out, Label.CLEAR_DONE, task, swap.clearDone(s, f));
        }
        add(out, Label.MEM_RESERVE_PAGES_SET, null, sysctl.memReservePagesSet(s));
        add(out, Label.SYSCTL_ADJUST_MEMALLOC_RESERVE, null, sysctl.sysctlAdjustMemallocReserve(s));
        for (int u = 0; u < p.reserveUsers; u++) {
            String task = p.userName(u);
            add(out, Label.RESERVE_REQUEST, task, users.reserveRequest(s, u));
            add(out, Label.ALLOC_PAGES_RESERVE, task, users.allocPagesReserve(s, u));
            add(out, Label.WAKE_CHARGE, task, users.wakeCharge(s, u));
            add(out, Label.WAKE_MEM, task, users.wakeMem(s, u));
            add(out, Label.FREE_PAGES_RESERVE, task, users.freePagesReserve(s, u));
        }
        for (int d = 0; d < p.allocators; d++) {
            String task = p.allocatorName(d);
            add(out, Label.ALLOC_PAGES, task, alloc.allocPages(s, d));
            add(out, Label.SEND_SIGKILL, task, alloc.sendSigkill(s, d));
            add(out, Label.GET_PAGE_FROM_FREELIST, task, alloc.getPageFromFreelist(s, d));
            add(out, Label.TRY_TO_FREE_PAGES, task, alloc.tryToFreePages(s, d));
            add(out, Label.THROTTLE_WAKE, task, alloc.throttleWake(s, d));
            add(out, Label.SHRINK_ZONES, task, alloc.shrinkZones(s, d));
            add(out, Label.OUT_OF_MEMORY, task, alloc.outOfMemory(s, d));
            add(out, Label.FREE_PAGE, task, alloc.freePage(s, d));
        }
        add(out, Label.KSWAPD_BALANCE, null, alloc.kswapdBalance(s));
        add(out, Label.KSWAPD_SLEEP, null, alloc.kswapdSleep(s));
        addTerminated(out, Label.TERMINATED, terminated(s), s);
        return out;
    }

    /**
     * Terminated's guard: every actor done; a swapfile that stays on (swap_stays_on) is done
     * when live.
     */
    private boolean terminated(ReserveTreeState s) {
        for (int f = 0; f < p.swapfileCount(); f++) {
            if (!(s.spc[f] == SwapPc.DONE || (p.swapStaysOn && s.spc[f] == SwapPc.LIVE))) {
                return false;
            }
        }
        if (s.sysctlPc != SwapPc.DONE) {
            return false;
        }
        for (int u = 0; u < p.reserveUsers; u++) {
            if (s.upc[u] != UserPc.DONE) {
                return false;
            }
        }
        for (int d = 0; d < p.allocators; d++) {
            if (s.dpc[d] != AllocPc.DONE) {
                return false;
            }
        }
        return true;
    }

    /**
     * The spec's WF conjuncts: SwapProgress(f) per swapfile, sysctl_adjust_memalloc_reserve,
     * UserProgress(u) per user, AllocProgress(d) per allocator, KswapdProgress.
     */
    @Override
    public String fairnessGroup(Transition<ReserveTreeState> step) {
        String label = step.label();
        String task = step.task();
        if (task != null && Label.isSwapProgress(label)) {
            int f = p.swapfileIndex(task);
            return f < 0 ? null : Label.swapProgress(p.swapfileKey(f));
        }
        if (task != null && Label.isUserProgress(label)) {
            return Label.userProgress(task);
        }
        if (task != null && Label.isAllocProgress(label)) {
            return Label.allocProgress(task);
        }
        if (Label.SYSCTL_ADJUST_MEMALLOC_RESERVE.equals(label)) {
            return Label.SYSCTL_GROUP;
        }
        if (Label.isKswapdProgress(label)) {
            return Label.KSWAPD_GROUP;
        }
        // not fair, as in the spec: swapon, reserve_request, alloc_pages and
        // mem_reserve_pages_set (an actor may stay idle), send_sigkill (it may never come),
        // Terminated
        return null;
    }

    @Override
    public List<String> fairnessGroups() {
        List<String> l = new ArrayList<String>();
        for (int f = 0; f < p.swapfileCount(); f++) {
            l.add(Label.swapProgress(p.swapfileKey(f)));
        }
        l.add(Label.SYSCTL_GROUP);
        for (int u = 0; u < p.reserveUsers; u++) {
            l.add(Label.userProgress(p.userName(u)));
        }
        for (int d = 0; d < p.allocators; d++) {
            l.add(Label.allocProgress(p.allocatorName(d)));
        }
        l.add(Label.KSWAPD_GROUP);
        return l;
    }

    /**
     * swapon, reserve_request, alloc_pages and the sysctl's mem_reserve_pages_set start new
     * work; send_sigkill is an event from outside, not work an actor starts.
     */
    @Override
    public boolean startsRequest(Transition<ReserveTreeState> step) {
        return Label.startsRequest(step.label());
    }

    @Override
    public ReserveTreeState canonical(ReserveTreeState s) {
        return Symmetry.canonical(s);
    }
}
