package reservecheck.models.net_rx;

import java.util.Map;

import reservecheck.models.params.ParamReader;
import reservecheck.models.params.SpecParams;

/**
 * The CONSTANTS of NetRx.tla, one field each, built from the catalog's parameter values
 * (catalog/net_rx.yaml).  Every catalog entry is a setting of these values; the constructor
 * checks the spec's ASSUMEs, so the model never runs on values TLC would reject.
 */
public final class NetRxParams extends SpecParams {
    public static final String DROP_SK_FILTER = "sk_filter";
    public static final String DROP_TCP = "tcp";
    public static final String DROP_NOWHERE = "nowhere";
    public static final String COUNTER_ANY_PACKET = "any_packet";
    public static final String MARKED_AT_ARRIVAL = "arrival";

    /** Every CONSTANT of the spec, in the spec's order. */
    private static final String[] CONSTANTS = {
        "ordinary_sockets", "udp_sockets", "ordinary_packets", "swapouts", "reserve_skbs",
        "init_free_pages", "ring_slots", "rmem_limit", "rx_reserve", "memalloc_drop_in",
        "memalloc_bypasses_rmem", "writeback_uses_rx_reserve", "reserve_counter",
        "sticky_pfmemalloc_cache", "pfmemalloc_aliases_index", "clone_keeps_pfmemalloc",
        "restore_on_drop", "pfmemalloc_marked_at"
    };

    public final int ordinarySockets;
    public final int udpSockets;
    public final int ordinaryPackets;
    public final int swapouts;
    public final int reserveSkbs;
    public final int initFreePages;
    public final int ringSlots;
    public final int rmemLimit;
    public final boolean rxReserve;
    public final String memallocDropIn;
    public final boolean memallocBypassesRmem;
    public final boolean writebackUsesRxReserve;
    public final boolean counterAnyPacket;
    public final boolean stickyPfmemallocCache;
    public final boolean pfmemallocAliasesIndex;
    public final boolean cloneKeepsPfmemalloc;
    public final boolean restoreOnDrop;
    public final boolean markedAtArrival;

    public NetRxParams(Map<String, Object> params) {
        this(new ParamReader("net_rx", "NetRx.tla", CONSTANTS, params));
    }

    private NetRxParams(ParamReader r) {
        super("NetRxParams", r.values());
        ordinarySockets = r.natural("ordinary_sockets");
        udpSockets = r.natural("udp_sockets");
        ordinaryPackets = r.natural("ordinary_packets");
        swapouts = r.natural("swapouts");
        reserveSkbs = r.natural("reserve_skbs");
        initFreePages = r.natural("init_free_pages");
        ringSlots = r.natural("ring_slots");
        rmemLimit = r.natural("rmem_limit");
        rxReserve = r.bool("rx_reserve");
        memallocDropIn = r.string("memalloc_drop_in");
        memallocBypassesRmem = r.bool("memalloc_bypasses_rmem");
        writebackUsesRxReserve = r.bool("writeback_uses_rx_reserve");
        String counter = r.string("reserve_counter");
        counterAnyPacket = COUNTER_ANY_PACKET.equals(counter);
        stickyPfmemallocCache = r.bool("sticky_pfmemalloc_cache");
        pfmemallocAliasesIndex = r.bool("pfmemalloc_aliases_index");
        cloneKeepsPfmemalloc = r.bool("clone_keeps_pfmemalloc");
        restoreOnDrop = r.bool("restore_on_drop");
        String marked = r.string("pfmemalloc_marked_at");
        markedAtArrival = MARKED_AT_ARRIVAL.equals(marked);
        // the spec's ASSUMEs
        require(udpSockets <= ordinarySockets, "udp_sockets must be in 0..ordinary_sockets");
        require(ringSlots >= 1 && ringSlots <= 3, "ring_slots must be in 1..3");
        require(rmemLimit >= 1 && rmemLimit <= 4, "rmem_limit must be in 1..4");
        require(DROP_SK_FILTER.equals(memallocDropIn) || DROP_TCP.equals(memallocDropIn)
                || DROP_NOWHERE.equals(memallocDropIn), "memalloc_drop_in must be sk_filter, tcp or nowhere");
        require("exact".equals(counter) || counterAnyPacket, "reserve_counter must be exact or any_packet");
        require("alloc".equals(marked) || markedAtArrival, "pfmemalloc_marked_at must be alloc or arrival");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The spec's constant names, in the spec's order. */
    public static java.util.List<String> constantNames() {
        return ParamReader.constantNames(CONSTANTS);
    }

    /** Sockets 0 (SOCK_MEMALLOC) .. ordinary_sockets. */
    public int socketCount() {
        return ordinarySockets + 1;
    }

    /** IsTcp(s): the memalloc socket and the ordinary sockets after the UDP ones. */
    public boolean isTcp(int s) {
        return s == 0 || s > udpSockets;
    }

    /** DropsForMemalloc(s): a pfmemalloc skb for s is dropped after the lookup. */
    public boolean dropsForMemalloc(int s) {
        return s != 0 && (DROP_SK_FILTER.equals(memallocDropIn) || DROP_TCP.equals(memallocDropIn) && isTcp(s));
    }

    /** MaxPages: the normal pages there are (the swap-outs each free one). */
    public int maxPages() {
        return initFreePages + swapouts;
    }
}
