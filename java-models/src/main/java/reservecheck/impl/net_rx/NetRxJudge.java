package reservecheck.impl.net_rx;

import reservecheck.impl.common.LoopJudge;
import reservecheck.impl.common.ReplaySource;
import reservecheck.models.net_rx.NetRxModel;
import reservecheck.models.net_rx.NetRxParams;
import reservecheck.models.net_rx.NetRxState;

/**
 * net_rx's loops judged on its model ({@link LoopJudge}): a weakly fair loop that leaves a
 * swap-out incomplete or ordinary traffic in flight for good is a livelock (page_index_alias:
 * every ordinary packet dropped and sent again).
 */
final class NetRxJudge extends LoopJudge<NetRxState> {
    private final NetRxParams params;

    NetRxJudge(NetRxParams params, String[] properties) {
        super(new NetRxModel(params), "NetRx.tla", properties);
        this.params = params;
    }

    @Override
    protected ReplaySource decode(int[] record) {
        return EventLog.decode(params, record);
    }
}
