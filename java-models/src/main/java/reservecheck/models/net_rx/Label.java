package reservecheck.models.net_rx;

/** The spec's action names, used as transition labels, and its weakly fair groups. */
public final class Label {
    public static final String NETDEV_ALLOC_SKB = "__netdev_alloc_skb";
    public static final String NETIF_RECEIVE_SKB = "__netif_receive_skb";
    public static final String SK_FILTER_TRIM_CAP = "sk_filter_trim_cap";
    public static final String SOCK_RECVMSG = "sock_recvmsg";
    public static final String SWAP_WRITEPAGE = "swap_writepage";
    public static final String XPRT_COMPLETE_RQST = "xprt_complete_rqst";
    public static final String END_PAGE_WRITEBACK = "end_page_writeback";
    public static final String TERMINATED = "Terminated";

    private Label() {
    }

    /**
     * The task of socket s's reader steps: o1, o2, ... (a task is named like a model value;
     * the spec's sockets are the numbers 1..ordinary_sockets).
     */
    public static String socket(int s) {
        return "o" + s;
    }

    /** WF_vars(sock_recvmsg(s)): one fair group per ordinary socket's reader. */
    public static String reader(String socket) {
        return SOCK_RECVMSG + "(" + socket + ")";
    }
}
