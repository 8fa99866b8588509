------------------------------- MODULE NetRx -------------------------------
(***************************************************************************)
(* Network receive under memory pressure (PROTOCOLS.md section 3): how the *)
(* completion of a swap-out over NFS or NBD is received while memory is    *)
(* exhausted, without the reserve being eaten by ordinary traffic.         *)
(*                                                                         *)
(* The merged receive path (Mel Gorman, Linux 3.6, 2012):                  *)
(*  - the driver refills its rx ring with __netdev_alloc_skb; when normal  *)
(*    memory is gone and sk_memalloc_socks() holds, it retries with        *)
(*    __GFP_MEMALLOC from the emergency reserve and marks the skb          *)
(*    pfmemalloc;                                                          *)
(*  - __netif_receive_skb processes a pfmemalloc skb with PF_MEMALLOC set  *)
(*    (memalloc_noreclaim_save/restore);                                   *)
(*  - sk_filter_trim_cap drops a pfmemalloc skb for a socket without       *)
(*    SOCK_MEMALLOC (its page goes back to the reserve), and               *)
(*    sk_rmem_schedule lets one for a SOCK_MEMALLOC socket past the rmem   *)
(*    limit;                                                               *)
(*  - the reply on the memalloc socket is taken by xprt_complete_rqst and  *)
(*    end_page_writeback frees the written page: pressure ends.            *)
(* Phillips' 2005 plan (seed 004) differs where the SOCK_MEMALLOC drop is  *)
(* (tcp_v4_rcv only) and in counting the reserve per device; both are      *)
(* constants here, as is every historical bug of catalog/net_rx.yaml.     *)
(*                                                                         *)
(* Abstractions (each keeps a bug expressible and the state small):        *)
(*  - An skb is one page, normal or from the reserve (`res`), with its     *)
(*    mark (`pfm`).  Memory is counted in pages: `free` normal pages,      *)
(*    `reserve_used` reserve pages in use (or, with reserve_counter =      *)
(*    "any_packet", Phillips' per-device counter, which is all that bounds *)
(*    the device's share of the emergency pool).                           *)
(*  - Pressure is free = 0.  Ordinary readers are themselves stuck in      *)
(*    direct reclaim under pressure: sock_recvmsg runs only when free > 0. *)
(*    So ordinary skbs queued under pressure stay queued, which is what    *)
(*    lets them fill rmem (rmem_blocks_memalloc_socket).                   *)
(*  - The wire is FIFO and the peer is TCP: a dropped packet is sent again *)
(*    (appended to the wire).  FIFO arrival is what makes weak fairness of *)
(*    the driver enough for the reply to be received: ordinary packets     *)
(*    dropped under pressure go round, the reply reaches the head of the   *)
(*    wire.  A hang where the same packet is dropped for ever is therefore *)
(*    a liveness failure, not a deadlock.                                  *)
(*  - NAPI: the packet at the wire's head lands in the ring's first skb    *)
(*    and __netif_receive_skb processes it in the same poll; the softirq   *)
(*    holds one skb (`cur`) until sk_filter_trim_cap has dropped or        *)
(*    queued it.  Every modelled protocol is IP (TCP or UDP), which        *)
(*    skb_pfmemalloc_protocol lets through, so that check is not a step.   *)
(*  - Socket 0 is the transport's SOCK_MEMALLOC socket; 1..ordinary_sockets*)
(*    are ordinary, the first udp_sockets of them UDP, the rest TCP.  rmem *)
(*    is one global limit (tcp_mem) over the charged queued skbs.          *)
(*  - One swap-out task writes swapouts pages one after the other; each    *)
(*    swap_writepage sends a request whose reply the peer puts on the      *)
(*    wire.                                                                *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets

CONSTANTS
    ordinary_sockets,           \* sockets without SOCK_MEMALLOC
    udp_sockets,                \* how many of them are UDP (the rest TCP)
    ordinary_packets,           \* packets the peer sends to each ordinary socket
    swapouts,                   \* pages the swap-out task writes over socket 0
    reserve_skbs,               \* the emergency reserve, in skbs (pages)
    init_free_pages,            \* normal free pages at the start
    ring_slots,                 \* rx ring skbs the driver keeps allocated
    rmem_limit,                 \* global rmem limit, in skbs
    rx_reserve,                 \* __netdev_alloc_skb retries with __GFP_MEMALLOC
    memalloc_drop_in,           \* "sk_filter" | "tcp" | "nowhere": where a pfmemalloc skb for an ordinary socket is dropped
    memalloc_bypasses_rmem,     \* sk_rmem_schedule admits a pfmemalloc skb of a SOCK_MEMALLOC socket over rmem_limit
    writeback_uses_rx_reserve,  \* swap_writepage (PF_MEMALLOC reclaim) takes its page from the receive reserve
    reserve_counter,            \* "exact" | "any_packet": what frees a reserve count
    sticky_pfmemalloc_cache,    \* the page cache keeps handing out its pfmemalloc page after pressure ends
    pfmemalloc_aliases_index,   \* page->pfmemalloc aliases page->index: normal pages look pfmemalloc
    clone_keeps_pfmemalloc,     \* __skb_clone copies the pfmemalloc mark
    restore_on_drop,            \* the drop path restores the task flags (memalloc_noreclaim_restore)
    pfmemalloc_marked_at        \* "alloc" | "arrival": when the skb's mark is decided

ASSUME ordinary_sockets \in Nat /\ udp_sockets \in 0..ordinary_sockets
ASSUME ordinary_packets \in Nat /\ swapouts \in Nat /\ reserve_skbs \in Nat
ASSUME init_free_pages \in Nat /\ ring_slots \in 1..3 /\ rmem_limit \in 1..4
ASSUME memalloc_drop_in \in {"sk_filter", "tcp", "nowhere"}
ASSUME reserve_counter \in {"exact", "any_packet"}
ASSUME pfmemalloc_marked_at \in {"alloc", "arrival"}
ASSUME \A b \in {rx_reserve, memalloc_bypasses_rmem, writeback_uses_rx_reserve,
                 sticky_pfmemalloc_cache, pfmemalloc_aliases_index,
                 clone_keeps_pfmemalloc, restore_on_drop} : b \in BOOLEAN

VARIABLES
    wire,          \* packets on the wire, FIFO, each the socket it is for
    ring,          \* the rx ring's allocated skbs, FIFO: [pfm, res]
    cur,           \* the skb the softirq is processing ([dst, pfm, res] or NoSkb)
    pf_memalloc,   \* PF_MEMALLOC of the softirq's task
    queue,         \* socket -> its receive queue, FIFO of [pfm, res]
    free,          \* normal free pages
    reserve_used,  \* reserve pages in use (the device counter with "any_packet")
    cache_pfm,     \* the driver's page cache holds a pfmemalloc page
    swap_state,    \* "idle" | "sent" | "replied"
    wb_reserve,    \* reserve pages the writeback in flight holds
    swapped        \* swap-outs completed

vars == <<wire, ring, cur, pf_memalloc, queue, free, reserve_used, cache_pfm,
          swap_state, wb_reserve, swapped>>

Memalloc == 0
Ordinary == 1..ordinary_sockets
Sockets == {Memalloc} \cup Ordinary
IsTcp(s) == s = Memalloc \/ s > udp_sockets
NoSkb == [dst |-> -1, pfm |-> FALSE, res |-> FALSE]
Skb == [pfm : BOOLEAN, res : BOOLEAN]
Pressure == free = 0
MaxPages == init_free_pages + swapouts

\* The sum of f[s] over every socket.
SumSockets(f) == LET S[n \in 0..ordinary_sockets] == f[n] + IF n = 0 THEN 0 ELSE S[n - 1]
                 IN  S[ordinary_sockets]

\* rmem is charged for every queued skb except a pfmemalloc one that
\* sk_rmem_schedule let past the limit on the SOCK_MEMALLOC socket.
Charged(s, k) == ~(s = Memalloc /\ k.pfm /\ memalloc_bypasses_rmem)
Rmem == SumSockets([s \in Sockets |-> Cardinality({i \in DOMAIN queue[s] : Charged(s, queue[s][i])})])

\* Reserve skbs anywhere: in the ring, in the softirq, on a queue.
InFlightReserve ==
    Cardinality({i \in DOMAIN ring : ring[i].res}) + (IF cur.res THEN 1 ELSE 0)
    + SumSockets([s \in Sockets |-> Cardinality({i \in DOMAIN queue[s] : queue[s][i].res})])

TypeOK ==
    /\ wire \in Seq(Sockets)
    /\ ring \in Seq(Skb) /\ Len(ring) <= ring_slots
    /\ cur \in [dst : Sockets, pfm : BOOLEAN, res : BOOLEAN] \cup {NoSkb}
    /\ pf_memalloc \in BOOLEAN
    /\ queue \in [Sockets -> Seq(Skb)]
    /\ free \in 0..MaxPages
    /\ reserve_used \in 0..(reserve_skbs + 1)
    /\ cache_pfm \in BOOLEAN
    /\ swap_state \in {"idle", "sent", "replied"}
    /\ wb_reserve \in 0..1
    /\ swapped \in 0..swapouts

-----------------------------------------------------------------------------
(* Freeing an skb's page: a normal page is free memory again; a reserve    *)
(* page goes back to the reserve.  Phillips' device counter with           *)
(* "any_packet" is decremented by whatever packet is freed (v5/v6).        *)
FreeSkb(k) ==
    /\ free' = IF k.res THEN free ELSE free + 1
    /\ reserve_used' = IF (k.res \/ reserve_counter = "any_packet") /\ reserve_used > 0
                        THEN reserve_used - 1 ELSE reserve_used

CanReserve == rx_reserve /\ reserve_used + wb_reserve < reserve_skbs

\* Driver: refill the rx ring.  GFP_ATOMIC from normal memory first; when
\* that fails, __GFP_MEMALLOC from the reserve.  A sticky page cache keeps
\* serving its pfmemalloc page even when normal memory is back.
\* The mark: from the allocation (pfmemalloc_marked_at = "alloc"), or from
\* the pressure when the packet lands ("arrival", Phillips 2005).  A page
\* whose flag aliases page->index looks pfmemalloc although it is normal.
__netdev_alloc_skb ==
    /\ Len(ring) < ring_slots
    /\ LET fromCache == sticky_pfmemalloc_cache /\ cache_pfm /\ CanReserve
           normal == free > 0 /\ ~fromCache
       IN  /\ normal \/ CanReserve
           /\ ring' = Append(ring, [pfm |-> ~normal \/ pfmemalloc_aliases_index, res |-> ~normal])
           /\ free' = IF normal THEN free - 1 ELSE free
           /\ reserve_used' = IF normal THEN reserve_used ELSE reserve_used + 1
           /\ cache_pfm' = (sticky_pfmemalloc_cache /\ ~normal)
    /\ UNCHANGED <<wire, cur, pf_memalloc, queue, swap_state, wb_reserve, swapped>>

\* NAPI poll: the packet at the wire's head lands in the ring's first skb and
\* the stack takes it.  A pfmemalloc skb is processed with PF_MEMALLOC set
\* (memalloc_noreclaim_save).  The skb the stack goes on with is a clone
\* (__skb_clone), which must keep the mark (flag_propagation).
__netif_receive_skb ==
    /\ cur = NoSkb /\ wire # <<>> /\ ring # <<>>
    /\ LET k == Head(ring)
           marked == IF pfmemalloc_marked_at = "arrival" THEN Pressure ELSE k.pfm
       IN  /\ cur' = [dst |-> Head(wire), pfm |-> marked /\ clone_keeps_pfmemalloc, res |-> k.res]
           /\ pf_memalloc' = (pf_memalloc \/ marked)
    /\ wire' = Tail(wire)
    /\ ring' = Tail(ring)
    /\ UNCHANGED <<queue, free, reserve_used, cache_pfm, swap_state, wb_reserve, swapped>>

\* After the socket lookup: a pfmemalloc skb for a socket without
\* SOCK_MEMALLOC is dropped (merged: in sk_filter_trim_cap, for every
\* protocol; Phillips 2005: in tcp_v4_rcv only).  Otherwise
\* sk_rmem_schedule charges rmem, which a pfmemalloc skb of the
\* SOCK_MEMALLOC socket bypasses; over the limit the skb is dropped.  A
\* dropped packet is sent again by the peer.  Both ends of the step leave
\* PF_MEMALLOC's scope (memalloc_noreclaim_restore), unless the drop path
\* returns early without restoring (pf_memalloc_scope_leak).
DropsForMemalloc(s) ==
    /\ s # Memalloc
    /\ \/ memalloc_drop_in = "sk_filter"
       \/ memalloc_drop_in = "tcp" /\ IsTcp(s)

sk_filter_trim_cap ==
    /\ cur # NoSkb
    /\ LET s == cur.dst
           k == [pfm |-> cur.pfm, res |-> cur.res]
           drop == \/ k.pfm /\ DropsForMemalloc(s)
                   \/ Charged(s, k) /\ Rmem >= rmem_limit
       IN  IF drop
           THEN /\ FreeSkb(k)
                /\ wire' = Append(wire, s)
                /\ pf_memalloc' = (pf_memalloc /\ ~restore_on_drop)
                /\ UNCHANGED queue
           ELSE /\ queue' = [queue EXCEPT ![s] = Append(@, k)]
                /\ pf_memalloc' = FALSE
                /\ UNCHANGED <<wire, free, reserve_used>>
    /\ cur' = NoSkb
    /\ UNCHANGED <<ring, cache_pfm, swap_state, wb_reserve, swapped>>

\* An ordinary reader takes an skb off its queue and frees it.  Readers are
\* throttled in reclaim while a swap-out is in flight (they wait for the
\* writeback to free memory), so they run only when none is.
sock_recvmsg(s) ==
    /\ swap_state = "idle"
    /\ queue[s] # <<>>
    /\ FreeSkb(Head(queue[s]))
    /\ queue' = [queue EXCEPT ![s] = Tail(@)]
    /\ UNCHANGED <<wire, ring, cur, pf_memalloc, cache_pfm, swap_state, wb_reserve, swapped>>

\* The swap-out task writes a page over the memalloc socket; the peer's
\* reply goes on the wire.  PF_MEMALLOC reclaim that takes its page from
\* the receive reserve (reclaim_drains_atomic_reserve) holds it until the
\* writeback ends.
swap_writepage ==
    /\ swap_state = "idle"
    /\ swapped < swapouts
    /\ writeback_uses_rx_reserve => reserve_used + wb_reserve < reserve_skbs
    /\ wb_reserve' = IF writeback_uses_rx_reserve THEN 1 ELSE 0
    /\ wire' = Append(wire, Memalloc)
    /\ swap_state' = "sent"
    /\ UNCHANGED <<ring, cur, pf_memalloc, queue, free, reserve_used, cache_pfm, swapped>>

\* The transport takes the reply off the memalloc socket and completes the
\* RPC (rpc_wake_up_queued_task): the skb is freed.
xprt_complete_rqst ==
    /\ swap_state = "sent"
    /\ queue[Memalloc] # <<>>
    /\ FreeSkb(Head(queue[Memalloc]))
    /\ queue' = [queue EXCEPT ![Memalloc] = Tail(@)]
    /\ swap_state' = "replied"
    /\ UNCHANGED <<wire, ring, cur, pf_memalloc, cache_pfm, wb_reserve, swapped>>

\* The swap-out is done: the written page is free memory.
end_page_writeback ==
    /\ swap_state = "replied"
    /\ free' = free + 1
    /\ wb_reserve' = 0
    /\ swapped' = swapped + 1
    /\ swap_state' = "idle"
    /\ UNCHANGED <<wire, ring, cur, pf_memalloc, queue, reserve_used, cache_pfm>>

\* Every page written and every packet delivered.
Terminated ==
    /\ swapped = swapouts
    /\ swap_state = "idle"
    /\ wire = <<>>
    /\ cur = NoSkb
    /\ \A s \in Sockets : queue[s] = <<>>
    /\ UNCHANGED vars

Init ==
    /\ wire = [i \in 1..(ordinary_sockets * ordinary_packets) |-> ((i - 1) % ordinary_sockets) + 1]
    /\ ring = <<>>
    /\ cur = NoSkb
    /\ pf_memalloc = FALSE
    /\ queue = [s \in Sockets |-> <<>>]
    /\ free = init_free_pages
    /\ reserve_used = 0
    /\ cache_pfm = FALSE
    /\ swap_state = "idle"
    /\ wb_reserve = 0
    /\ swapped = 0

Next ==
    \/ __netdev_alloc_skb
    \/ __netif_receive_skb
    \/ sk_filter_trim_cap
    \/ \E s \in Ordinary : sock_recvmsg(s)
    \/ swap_writepage
    \/ xprt_complete_rqst
    \/ end_page_writeback
    \/ Terminated

Spec ==
    /\ Init /\ [][Next]_vars
    /\ WF_vars(__netdev_alloc_skb)
    /\ WF_vars(__netif_receive_skb)
    /\ WF_vars(sk_filter_trim_cap)
    /\ \A s \in Ordinary : WF_vars(sock_recvmsg(s))
    /\ WF_vars(swap_writepage)
    /\ WF_vars(xprt_complete_rqst)
    /\ WF_vars(end_page_writeback)

-----------------------------------------------------------------------------
(* Invariants (PROTOCOLS.md section 3).                                    *)
Skbs == {ring[i] : i \in DOMAIN ring}
        \cup (IF cur = NoSkb THEN {} ELSE {[pfm |-> cur.pfm, res |-> cur.res]})
        \cup UNION {{queue[s][i] : i \in DOMAIN queue[s]} : s \in Sockets}

\* A reserve skb is never queued to a socket without SOCK_MEMALLOC.
NoReserveSkbOnOrdinarySocket ==
    \A s \in Ordinary : \A i \in DOMAIN queue[s] : ~queue[s][i].res

\* pfmemalloc iff the skb's page came from the reserve.
PfmemallocIffReserve == \A k \in Skbs : k.pfm = k.res

\* Reserve skbs in flight (and the writeback's reserve page) stay within
\* the reserve.
ReserveWithinBound == InFlightReserve + wb_reserve <= reserve_skbs

\* PF_MEMALLOC is set only while the softirq processes an skb.
PfMemallocInScope == pf_memalloc => cur # NoSkb

(* Liveness, under weak fairness of arrival and processing.               *)
\* Every swap-out completes.
SwapOutCompletes == (swapped < swapouts) ~> (swapped = swapouts)

\* Drops of ordinary traffic stop: every ordinary packet is delivered in
\* the end (a dropped one is sent again, so drops that never stop are a
\* packet never delivered).
OrdinaryInFlight == (\E i \in DOMAIN wire : wire[i] # Memalloc) \/ (cur # NoSkb /\ cur.dst # Memalloc)
DropsStop == OrdinaryInFlight ~> ~OrdinaryInFlight
=============================================================================
