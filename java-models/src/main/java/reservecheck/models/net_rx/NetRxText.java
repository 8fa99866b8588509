package reservecheck.models.net_rx;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.SpecText;
import reservecheck.models.lts.TlaText;

/** The spec's variables as canonical TLA+ text: skbs as records, queue a function over 0..N. */
final class NetRxText extends SpecText<NetRxState> {
    private static final String[] VARIABLES = {
        "wire", "ring", "cur", "pf_memalloc", "queue", "free", "reserve_used", "cache_pfm",
        "swap_state", "wb_reserve", "swapped"
    };
    private static final String[] SWAP_STATES = {"idle", "sent", "replied"};

    NetRxText() {
        super("NetRx.tla", VARIABLES);
    }

    @Override
    protected String value(NetRxState s, String name) {
        if ("wire".equals(name)) {
            return TlaText.sequence(TlaText.integers(s.wire));
        } else if ("ring".equals(name)) {
            return skbs(s.ring);
        } else if ("cur".equals(name)) {
            List<String> f = new ArrayList<String>();
            f.add("dst");
            f.add("pfm");
            f.add("res");
            List<String> v = new ArrayList<String>();
            int k = NetRxState.curSkb(s.cur);
            v.add(TlaText.integer(s.cur == NetRxState.NO_SKB ? -1 : NetRxState.curDst(s.cur)));
            v.add(TlaText.bool((k & NetRxState.PFM) != 0));
            v.add(TlaText.bool((k & NetRxState.RES) != 0));
            return TlaText.record(f, v);
        } else if ("pf_memalloc".equals(name)) {
            return TlaText.bool(s.pfMemalloc);
        } else if ("queue".equals(name)) {
            List<String> keys = new ArrayList<String>();
            List<String> vals = new ArrayList<String>();
            for (int i = 0; i < s.queue.length; i++) {
                keys.add(TlaText.integer(i));
                vals.add(skbs(s.queue[i]));
            }
            return TlaText.function(keys, vals);
        } else if ("free".equals(name)) {
            return TlaText.integer(s.free);
        } else if ("reserve_used".equals(name)) {
            return TlaText.integer(s.reserveUsed);
        } else if ("cache_pfm".equals(name)) {
            return TlaText.bool(s.cachePfm);
        } else if ("swap_state".equals(name)) {
            return TlaText.string(SWAP_STATES[s.swapState]);
        } else if ("wb_reserve".equals(name)) {
            return TlaText.integer(s.wbReserve);
        } else if ("swapped".equals(name)) {
            return TlaText.integer(s.swapped);
        }
        return null;
    }

    static String skb(int k) {
        List<String> f = new ArrayList<String>();
        f.add("pfm");
        f.add("res");
        List<String> v = new ArrayList<String>();
        v.add(TlaText.bool((k & NetRxState.PFM) != 0));
        v.add(TlaText.bool((k & NetRxState.RES) != 0));
        return TlaText.record(f, v);
    }

    private static String skbs(int[] a) {
        List<String> items = new ArrayList<String>();
        for (int k : a) {
            items.add(skb(k));
        }
        return TlaText.sequence(items);
    }
}
