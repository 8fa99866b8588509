package reservecheck.impl.reserve_tree;

import reservecheck.impl.common.LoopJudge;
import reservecheck.impl.common.ReplaySource;
import reservecheck.models.reserve_tree.ReserveTreeModel;
import reservecheck.models.reserve_tree.ReserveTreeParams;
import reservecheck.models.reserve_tree.ReserveTreeState;

/**
 * The reserve tree's loops judged on its model ({@link LoopJudge}): a weakly fair loop on which
 * some allocator's request stays unanswered is a livelock (throttled_killed_no_oom: a killed
 * task whose try_to_free_pages reports progress loops in the allocator without ever reaching
 * out_of_memory).
 */
final class CycleJudge extends LoopJudge<ReserveTreeState> {
    private final ReserveTreeParams params;

    CycleJudge(ReserveTreeParams params, String[] properties) {
        super(new ReserveTreeModel(params), "ReserveTree.tla", properties);
        this.params = params;
    }

    @Override
    protected ReplaySource decode(int[] record) {
        return EventLog.decode(params, record);
    }
}
