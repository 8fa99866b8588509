package reservecheck.models.reserve_tree;

import reservecheck.models.lts.SpecActions;

/**
 * The ipfrag sysctl writer: mem_reserve_pages_set(ipv4, sysctl_pages) once, and, when
 * adjust_memalloc_reserve is unlocked, the deferred store of var_free_kbytes as a step of its
 * own (the spec's mem_reserve_pages_set and sysctl_adjust_memalloc_reserve).
 */
final class SysctlPath extends SpecActions<ReserveTreeParams> {
    private final ReserveOps ops;

    SysctlPath(ReserveTreeParams p, ReserveOps ops) {
        super(p);
        this.ops = ops;
    }

    /**
     * mem_reserve_pages_set: the ipfrag sysctl sets ipv4 to sysctl_pages once; -ENOMEM keeps
     * the old size.  Unlocked, its write is deferred to sysctl_adjust_memalloc_reserve, where it
     * can overwrite a swapon's connect (Zupancic's lost update, Aug 2006).
     */
    ReserveTreeState memReservePagesSet(ReserveTreeState s) {
        if (s.sysctlPc != SwapPc.IDLE) {
            return null;
        }
        TreeResult r = ops.pagesSet(TreeValue.of(s), p.sysctlPages);
        ReserveTreeState.Builder b = s.edit();
        if (!r.ok) {
            b.sysctlPc = SwapPc.DONE;
        } else {
            b.setTree(r.t);
            if (r.pend.none()) {
                b.sysctlPc = SwapPc.DONE;
            } else {
                b.pending[p.sysctlSlot()] = r.pend.withNext(SwapPc.DONE);
                b.sysctlPc = SwapPc.ADJUST_WRITE;
            }
        }
        return b.build();
    }

    ReserveTreeState sysctlAdjustMemallocReserve(ReserveTreeState s) {
        if (s.sysctlPc != SwapPc.ADJUST_WRITE) {
            return null;
        }
        ReserveTreeState.Builder b = s.edit();
        b.setTree(ReserveOps.writeBack(TreeValue.of(s), s.pending[p.sysctlSlot()]));
        b.pending[p.sysctlSlot()] = Pending.NONE;
        b.sysctlPc = SwapPc.DONE;
        return b.build();
    }
}
