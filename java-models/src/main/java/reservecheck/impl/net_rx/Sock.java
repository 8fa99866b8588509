package reservecheck.impl.net_rx;

import reservecheck.models.net_rx.NetRxParams;

/**
 * net/core/sock.c and net/core/filter.c, the socket side: sk_filter_trim_cap (the SOCK_MEMALLOC
 * drop), sk_rmem_schedule (the rmem limit and the memalloc socket's bypass) and sock_recvmsg.
 * Socket 0 is the transport's SOCK_MEMALLOC socket, 1..ordinary_sockets the others (the first
 * udp_sockets of them UDP).  No state of its own.
 */
final class Sock {
    private final NetRxKernel k;
    private final NetRxParams p;

    Sock(NetRxKernel k) {
        this.k = k;
        this.p = k.p;
    }

    /**
     * Where a pfmemalloc skb for a socket without SOCK_MEMALLOC is dropped: in sk_filter_trim_cap
     * for every protocol (2012), in tcp_v4_rcv only (Phillips 2005: a UDP socket keeps it, the
     * unchecked_protocol_leak), or nowhere (keep_all_reserve_skbs).
     */
    private boolean memallocDrop(int sock) {
        if (sock == 0) {
            return false;
        }
        if (NetRxParams.DROP_SK_FILTER.equals(p.memallocDropIn)) {
            return true;
        }
        return NetRxParams.DROP_TCP.equals(p.memallocDropIn) && p.isTcp(sock);
    }

    /**
     * Whether the skb is charged to rmem: all but a pfmemalloc one for the SOCK_MEMALLOC socket
     * when memalloc_bypasses_rmem (without the bypass the throttled readers' skbs can keep the
     * reply out for ever: rmem_blocks_memalloc_socket).
     */
    private boolean charged(int sock, Skb skb) {
        return !(sock == 0 && skb.pfmemalloc && p.memallocBypassesRmem);
    }

    private int rmemAllocated() {
        int n = 0;
        for (int s = 0; s < k.queue.length; s++) {
            for (int i = 0; i < k.queueLength[s]; i++) {
                if (charged(s, k.queue[s][i])) {
                    n++;
                }
            }
        }
        return n;
    }

    /** sk_rmem_schedule: room under the rmem limit, or no charge at all. */
    private boolean skRmemSchedule(int sock, Skb skb) {
        return !charged(sock, skb) || rmemAllocated() < p.rmemLimit;
    }

    /**
     * After the socket lookup: drop (the skb freed, the peer sends the packet again) or queue to
     * sk_receive_queue.  PF_MEMALLOC's scope ends either way (memalloc_noreclaim_restore), but
     * without restore_on_drop the drop path returns early and leaves it set
     * (pf_memalloc_scope_leak).
     */
    void skFilterTrimCap() {
        Skb skb = k.cur;
        int sock = skb.dst;
        if (skb.pfmemalloc && memallocDrop(sock) || !skRmemSchedule(sock, skb)) {
            k.skbuff.kfreeSkb(skb);
            k.peer.send(sock);
            if (p.restoreOnDrop) {
                k.pfMemalloc = false;
            }
        } else {
            k.enqueue(sock, skb);
            k.pfMemalloc = false;
        }
        k.cur = null;
    }

    /** An ordinary reader can read: its queue has an skb and no swap-out throttles it. */
    boolean canRecvmsg(int sock) {
        return k.swapState == NetRxKernel.IDLE && k.queueLength[sock] > 0;
    }

    /** sock_recvmsg: the reader takes its queue's head and frees it. */
    void sockRecvmsg(int sock) {
        k.skbuff.kfreeSkb(k.dequeue(sock));
    }
}
