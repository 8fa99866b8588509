package reservecheck.impl.alloc_policy;

import reservecheck.impl.common.LoopJudge;
import reservecheck.impl.common.ReplaySource;
import reservecheck.models.alloc_policy.AllocPolicyModel;
import reservecheck.models.alloc_policy.AllocPolicyParams;
import reservecheck.models.alloc_policy.AllocPolicyState;

/**
 * alloc_policy's loops judged on its model ({@link LoopJudge}): a weakly fair loop that leaves
 * a NOFAIL allocation without its page for good is a livelock (nofail_in_reclaim).
 */
final class AllocPolicyJudge extends LoopJudge<AllocPolicyState> {
    private final AllocPolicyParams params;

    AllocPolicyJudge(AllocPolicyParams params, String[] properties) {
        super(new AllocPolicyModel(params), "AllocPolicy.tla", properties);
        this.params = params;
    }

    @Override
    protected ReplaySource decode(int[] record) {
        return EventLog.decode(params, record);
    }
}
