package reservecheck.models.net_rx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.models.lts.LeadsTo;
import reservecheck.models.lts.Packing;
import reservecheck.models.lts.SpecModel;
import reservecheck.models.lts.Table;
import reservecheck.models.lts.Transition;

/**
 * The reference model of specs/net_rx/NetRx.tla: the same variables, Init, actions (named as
 * in the spec), invariants, liveness properties and fairness, so its reachable state graph is
 * the spec's.  Every catalog entry is chosen by {@link NetRxParams}.
 */
public final class NetRxModel extends SpecModel<NetRxState, NetRxParams> {
    public static final String PROTOCOL = "net_rx";
    private static final String[] FAIR_ACTIONS = {
        Label.NETDEV_ALLOC_SKB, Label.NETIF_RECEIVE_SKB, Label.SK_FILTER_TRIM_CAP,
        Label.SWAP_WRITEPAGE, Label.XPRT_COMPLETE_RQST, Label.END_PAGE_WRITEBACK
    };

    private final Receive rx;
    private final SwapOut swap;
    private final NetRxPacking packing;

    public NetRxModel(NetRxParams p) {
        super(PROTOCOL, p, new NetRxInvariants(p).table(), properties(p), new NetRxText());
        this.rx = new Receive(p);
        this.swap = new SwapOut(p);
        this.packing = new NetRxPacking(p);
    }

    /** The explorer stores states in this encoding (see {@link NetRxPacking}). */
    @Override
    public Packing<NetRxState> packing() {
        return packing;
    }

    public static NetRxModel fromParameters(Map<String, Object> params) {
        return new NetRxModel(new NetRxParams(params));
    }

    /**
     * SwapOutCompletes: (swapped < swapouts) ~> (swapped = swapouts); DropsStop:
     * OrdinaryInFlight ~> ~OrdinaryInFlight.  Each is one leads-to without a task parameter,
     * so each has one "task", named after what it is about.
     */
    private static Table<LeadsTo<NetRxState>> properties(final NetRxParams p) {
        return new Table<LeadsTo<NetRxState>>("a property of NetRx.tla")
                .add("SwapOutCompletes", new LeadsTo<NetRxState>() {
                    @Override
                    public List<String> tasks() {
                        return one("swapout");
                    }

                    @Override
                    public boolean p(String task, NetRxState s) {
                        return s.swapped < p.swapouts;
                    }

                    @Override
                    public boolean q(String task, NetRxState s) {
                        return s.swapped == p.swapouts;
                    }
                })
                .add("DropsStop", new LeadsTo<NetRxState>() {
                    @Override
                    public List<String> tasks() {
                        return one("ordinary");
                    }

                    @Override
                    public boolean p(String task, NetRxState s) {
                        return ordinaryInFlight(s);
                    }

                    @Override
                    public boolean q(String task, NetRxState s) {
                        return !ordinaryInFlight(s);
                    }
                });
    }

    private static List<String> one(String name) {
        List<String> l = new ArrayList<String>();
        l.add(name);
        return l;
    }

    /** OrdinaryInFlight: an ordinary packet on the wire or in the softirq. */
    static boolean ordinaryInFlight(NetRxState s) {
        for (int d : s.wire) {
            if (d != 0) {
                return true;
            }
        }
        return s.cur != NetRxState.NO_SKB && NetRxState.curDst(s.cur) != 0;
    }

    /** Init: the ordinary packets on the wire, socket by socket in turn; nothing allocated. */
    @Override
    public List<NetRxState> initialStates() {
        NetRxState.Builder b = new NetRxState.Builder(p.socketCount());
        int n = p.ordinarySockets * p.ordinaryPackets;
        b.wire = new int[n];
        for (int i = 0; i < n; i++) {
            b.wire[i] = i % p.ordinarySockets + 1;
        }
        b.free = p.initFreePages;
        b.swapState = NetRxState.IDLE;
        return only(b.build());
    }

    /** The spec's Next, disjunct by disjunct; Terminated last. */
    @Override
    public List<Transition<NetRxState>> successors(NetRxState s) {
        List<Transition<NetRxState>> out = new ArrayList<Transition<NetRxState>>();
        add(out, Label.NETDEV_ALLOC_SKB, null, rx.netdevAllocSkb(s));
        add(out, Label.NETIF_RECEIVE_SKB, null, rx.netifReceiveSkb(s));
        add(out, Label.SK_FILTER_TRIM_CAP, null, rx.skFilterTrimCap(s));
        boolean queuesEmpty = s.queue[0].length == 0;
        for (int sock = 1; sock <= p.ordinarySockets; sock++) {
            add(out, Label.SOCK_RECVMSG, Label.socket(sock), rx.sockRecvmsg(s, sock));
            queuesEmpty &= s.queue[sock].length == 0;
        }
        add(out, Label.SWAP_WRITEPAGE, null, swap.swapWritepage(s));
        add(out, Label.XPRT_COMPLETE_RQST, null, swap.xprtCompleteRqst(s));
        add(out, Label.END_PAGE_WRITEBACK, null, swap.endPageWriteback(s));
        addTerminated(out, Label.TERMINATED, s.swapped == p.swapouts && s.swapState == NetRxState.IDLE
                && s.wire.length == 0 && s.cur == NetRxState.NO_SKB && queuesEmpty, s);
        return out;
    }

    /** Every action is weakly fair but Terminated; each reader on its own. */
    @Override
    public String fairnessGroup(Transition<NetRxState> step) {
        if (Label.SOCK_RECVMSG.equals(step.label())) {
            return Label.reader(step.task());
        }
        for (String a : FAIR_ACTIONS) {
            if (a.equals(step.label())) {
                return a;
            }
        }
        return null;
    }

    @Override
    public List<String> fairnessGroups() {
        List<String> l = new ArrayList<String>();
        for (String a : FAIR_ACTIONS) {
            l.add(a);
        }
        for (int sock = 1; sock <= p.ordinarySockets; sock++) {
            l.add(Label.reader(Label.socket(sock)));
        }
        return l;
    }

    /** No symmetry: the sockets differ (UDP or TCP, their order on the wire). */
    @Override
    public NetRxState canonical(NetRxState s) {
        return s;
    }
}
