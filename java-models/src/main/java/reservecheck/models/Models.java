package reservecheck.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.models.alloc_policy.AllocPolicyModel;
import reservecheck.models.lts.Model;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.models.net_rx.NetRxModel;
import reservecheck.models.reserve_tree.ReserveTreeModel;

/** The reference models by catalog protocol name, built from a variant's parameter values. */
public final class Models {
    private Models() {
    }

    /** The protocols that have a reference model. */
    public static List<String> protocols() {
        List<String> l = new ArrayList<String>();
        l.add(MempoolModel.PROTOCOL);
        l.add(ReserveTreeModel.PROTOCOL);
        l.add(NetRxModel.PROTOCOL);
        l.add(AllocPolicyModel.PROTOCOL);
        return l;
    }

    /**
     * The model of a protocol at the given parameter values (the catalog's types: Integer for
     * int and tasks counts, Boolean for bool, String for enum).
     *
     * @throws IllegalArgumentException for an unknown protocol or bad parameters
     */
    public static Model<?> create(String protocol, Map<String, Object> params) {
        if (MempoolModel.PROTOCOL.equals(protocol)) {
            return MempoolModel.fromParameters(params);
        }
        if (ReserveTreeModel.PROTOCOL.equals(protocol)) {
            return ReserveTreeModel.fromParameters(params);
        }
        if (NetRxModel.PROTOCOL.equals(protocol)) {
            return NetRxModel.fromParameters(params);
        }
        if (AllocPolicyModel.PROTOCOL.equals(protocol)) {
            return AllocPolicyModel.fromParameters(params);
        }
        throw new IllegalArgumentException("no reference model for protocol \"" + protocol
                + "\" (known: " + protocols() + ")");
    }
}
