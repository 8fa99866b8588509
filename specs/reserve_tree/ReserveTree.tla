----------------------------- MODULE ReserveTree -----------------------------
(***************************************************************************)
(* Memory reserves for swap over NFS (PROTOCOLS.md section 2).  One spec   *)
(* holds two designs, chosen by the constant `design`:                     *)
(*                                                                         *)
(*  "tree_2008"   Peter Zijlstra's mm/reserve.c (2006-2008): named         *)
(*                reservations in a tree whose root total is handed to     *)
(*                adjust_memalloc_reserve (var_free_kbytes); users charge  *)
(*                mem_reserve_charge against a node; the network subtree   *)
(*                is connected while SOCK_MEMALLOC sockets exist; NFS      *)
(*                transports set SOCK_MEMALLOC on their socket for their   *)
(*                swapfiles (xprt->swapper).                               *)
(*  "merged_2012" Mel Gorman's Linux 3.6 design: no tree and no            *)
(*                accounting; the min watermark is the reserve;            *)
(*                PF_MEMALLOC, __GFP_MEMALLOC and OOM victims (TIF_MEMDIE) *)
(*                ignore watermarks; throttle_direct_reclaim puts ordinary *)
(*                direct reclaimers on pfmemalloc_wait while free memory   *)
(*                is below half the min watermark; kswapd reclaims and     *)
(*                wakes them; an OOM kill path.                            *)
(*                                                                         *)
(* Every historical bug of catalog/reserve_tree.yaml is a setting of the   *)
(* policy constants below, never a copy of the spec; the .cfg files are    *)
(* generated from the catalog.                                             *)
(*                                                                         *)
(* Abstractions (each keeps a bug expressible and the state small):        *)
(*  - Memory is counted in pages, and so are limit and usage:              *)
(*    mem_reserve_pages_set gives a reserve pages * PAGE_SIZE of limit, so *)
(*    one unit keeps every number tiny.  A charge succeeds iff c < 0 or    *)
(*    usage + c <= limit, as PROTOCOLS.md states (the 2008 code compares   *)
(*    bytes with <).                                                       *)
(*  - The tree is fixed: root <- net <- {ipv4, ipv6}.  net is the "total   *)
(*    network reserve" folded together with the "SKB data reserve"         *)
(*    aggregate (the levels between them are decoration, as Zijlstra says  *)
(*    in seed 003): requests charge net, the leaves hold the pages (the    *)
(*    IPv4 and IPv6 fragment caches).  Only net is ever disconnected (when *)
(*    the last SOCK_MEMALLOC socket goes), so one boolean, net_linked, is  *)
(*    the whole shape, and only ipv4's own pages change (the ipfrag sysctl *)
(*    calling mem_reserve_pages_set).                                      *)
(*  - Usage propagates from the charged node to its connected ancestors,   *)
(*    so the root aggregate carries all usage.  (The 2008 code kept usage  *)
(*    at the charged node "for performance reasons" and asked users to     *)
(*    charge consistently; with usage at the aggregates, connect and       *)
(*    disconnect must move a child's usage as well as its pages and limit, *)
(*    which is NeilBrown's point of Aug 2008.)  The kernel's clamp of a    *)
(*    negative usage to 0 is kept.                                         *)
(*  - adjust_memalloc_reserve fails when var_free_kbytes would exceed      *)
(*    max_reserve_pages (the memory the allocator can set aside), and its  *)
(*    callers roll back.  The emergency memory is var_free_kbytes pages:   *)
(*    an emergency allocation succeeds while fewer emergency pages than    *)
(*    that are held.  Normal memory for reserve users is normal_free.      *)
(*  - Each kernel critical section is one action: the tree under           *)
(*    mem_reserve_mutex, sk_adjust_memalloc under its lock, swapon and     *)
(*    swapoff (with sk_set/clear_memalloc) under the transport's lock.  A  *)
(*    policy flag that drops a lock splits its section into the unlocked   *)
(*    steps of the kernel code, so a race exists only where a flag allows  *)
(*    it.                                                                  *)
(*  - A reserve-backed request needs request_pages pages at once (an skb   *)
(*    and its data, a request and its reply).  It is charged for all of    *)
(*    them before it takes its first emergency page, then takes them one   *)
(*    by one.  A blocked charge is its wait_event condition (the charge    *)
(*    would now succeed) rather than the wake-up itself; the retry of      *)
(*    normal memory after the wait is left out.  Reserve users are the     *)
(*    receive path of the first transport's socket: a page allocation is   *)
(*    entitled to the reserve (__GFP_MEMALLOC) iff that socket has         *)
(*    SOCK_MEMALLOC when it starts; a wait does not look again.  A charge  *)
(*    that succeeds where the reserve is not there (the WARN_ON path)      *)
(*    returns NULL and gives the charge back.                              *)
(*  - tree_2008's xs_swapper calls sk_set_memalloc on every swapon         *)
(*    (sk_set_memalloc tests SOCK_MEMALLOC itself); merged_2012's          *)
(*    sk_set_memalloc counts unconditionally, so it is called on the first *)
(*    swapon only when swapper_clear_on_last.  swap_stays_on keeps         *)
(*    swapfiles live: swapoff has to swap every page back in, which it     *)
(*    cannot do while memory is exhausted.                                 *)
(*  - Invariants over counters that a multi-step operation updates piece   *)
(*    by piece are stated for quiescent states (no swapon or swapoff in    *)
(*    the middle of sk_set/clear_memalloc, no adjust_memalloc_reserve      *)
(*    between its read and its write): they are claims about completed     *)
(*    operations, and the correct designs stay free of alarms between the  *)
(*    steps of one critical section.                                       *)
(*  - merged_2012 has one node whose zones up to ZONE_NORMAL hold          *)
(*    free_pages; the pfmemalloc reserve is min_wmark (both are 0 when the *)
(*    node has no ZONE_NORMAL).  Reclaim swaps out one of swap_pages at a  *)
(*    time: the swap-out's network buffer comes from the reserve           *)
(*    (PF_MEMALLOC) and returns with the page when the write completes, so *)
(*    one step needs free_pages > 0 and adds a free page.  A throttled     *)
(*    task proceeds once pfmemalloc_watermark_ok holds: kswapd wakes       *)
(*    pfmemalloc_wait when it balances and before it sleeps, and the woken *)
(*    task re-tests the condition.  The OOM killer kills one memory hog    *)
(*    (oom_victim_pages), else the caller; a victim gets TIF_MEMDIE, may   *)
(*    use the whole reserve, and exits.  The users of this reserve are     *)
(*    PF_MEMALLOC reclaim and OOM victims; __GFP_MEMALLOC receive is       *)
(*    modelled by the tree's reserve users only.                           *)
(*  - Variables of the part a design does not use stay constant: the tree  *)
(*    and the reserve users in merged_2012, the page allocator and kswapd  *)
(*    in tree_2008.                                                        *)
(*  - Every actor runs `rounds` rounds and stops, so the competitors of a  *)
(*    waiting task eventually stop: the fairness the liveness properties   *)
(*    rely on.  "Every actor done" is the Terminated step, not a deadlock. *)
(*    Starting a round (swapon, a request, an allocation, the sysctl's     *)
(*    mem_reserve_pages_set) and SIGKILL are not fair; every step after a  *)
(*    start is weakly fair, swapoff of a live swapfile included.           *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, TLC

CONSTANTS
    design,                 \* "tree_2008" | "merged_2012"
    \* swap over NFS: transports, their sockets and swapfiles
    xprts,                  \* NFS transports (rpc_xprt), one socket each
    swapfiles_per_xprt,     \* swapfiles on each transport
    swapping_at_start,      \* the first swapfile of transport 1 is live at the start
    swap_stays_on,          \* swapfiles are never swapped off (swapoff needs memory to swap in)
    rounds,                 \* rounds of every actor (swapon/swapoff, request, allocation)
    \* tree_2008: reserve users and the tree
    reserve_users,          \* tasks allocating against the reserve (receive path of transport 1)
    blocking,               \* reserve users may sleep (__GFP_WAIT): a failed charge waits
    request_pages,          \* pages one reserve-backed request holds at once
    init_normal_pages,      \* normal (above-watermark) pages reserve users can get first
    ipv4_pages,             \* pages of the IPv4 fragment cache reserve at the start
    ipv6_pages,             \* pages of the IPv6 fragment cache reserve
    sysctl_pages,           \* if > ipv4_pages: the ipfrag sysctl sets ipv4 to it (once)
    max_reserve_pages,      \* adjust_memalloc_reserve fails beyond this var_free_kbytes
    \* merged_2012: the page allocator
    allocators,             \* tasks doing GFP_KERNEL allocations (ordinary direct reclaimers)
    min_wmark,              \* the min watermark in pages: the pfmemalloc reserve
    init_free_pages,        \* free pages at the start
    swap_pages,             \* anonymous pages reclaim can swap out over NFS
    oom_victim_pages,       \* pages of a memory hog the OOM killer can kill (0: none)
    sigkill,                \* a task in the allocator may receive SIGKILL
    node_has_normal_zone,   \* the node the throttle looks at has ZONE_NORMAL (or lower) zones
    \* policy choices; the correct designs' values are in the catalog
    connect_propagates_usage,       \* connect/disconnect move the child's usage too
    memalloc_count_locked,          \* sk_adjust_memalloc runs under one lock
    memalloc_flag_atomic,           \* SOCK_MEMALLOC is tested and changed atomically
    reserve_adjust_locked,          \* var_free_kbytes' read-modify-write is serialised
    per_user_accounting,            \* reserve-backed allocations are charged (mem_reserve_charge)
    swapper_counted,                \* xprt->swapper counts swapfiles (not a single bit)
    swapper_clear_on_last,          \* SOCK_MEMALLOC cleared on swapper's 1->0 only (set on 0->1)
    killed_task_counts_as_progress, \* try_to_free_pages returns 1 for any task with a fatal signal
    throttle_checks_node_has_normal_zone \* no throttle on a node without ZONE_NORMAL

Nodes == {"root", "net", "ipv4", "ipv6"}
Parent == [n \in {"net", "ipv4", "ipv6"} |-> IF n = "net" THEN "root" ELSE "net"]
Xprts == 1..xprts
Swapfiles == Xprts \X (1..swapfiles_per_xprt)
SYSCTL == <<0, 0>>                       \* the ipfrag sysctl writer, as an adjuster
Adjusters == Swapfiles \cup {SYSCTL}
Tree == design = "tree_2008"
Sysctl == Tree /\ sysctl_pages > ipv4_pages

ASSUME design \in {"tree_2008", "merged_2012"}
ASSUME {xprts, swapfiles_per_xprt, request_pages, init_normal_pages, ipv4_pages, ipv6_pages,
        sysctl_pages, max_reserve_pages, min_wmark, init_free_pages, swap_pages,
        oom_victim_pages} \subseteq Nat
ASSUME rounds \in Nat /\ rounds >= 1
ASSUME swapping_at_start => xprts >= 1 /\ swapfiles_per_xprt >= 1
ASSUME reserve_users \cap allocators = {}
ASSUME Tree => allocators = {}                        \* the page allocator part is merged_2012's
ASSUME ~Tree => reserve_users = {}                    \* reserve-backed allocation is the tree's
ASSUME reserve_users # {} => xprts >= 1               \* they receive on transport 1's socket
ASSUME request_pages >= 1
ASSUME per_user_accounting /\ reserve_users # {} => request_pages <= ipv4_pages + ipv6_pages
ASSUME Tree /\ swapping_at_start => ipv4_pages + ipv6_pages <= max_reserve_pages
ASSUME {swapping_at_start, swap_stays_on, blocking, sigkill, node_has_normal_zone,
        connect_propagates_usage, memalloc_count_locked, memalloc_flag_atomic,
        reserve_adjust_locked, per_user_accounting, swapper_counted, swapper_clear_on_last,
        killed_task_counts_as_progress, throttle_checks_node_has_normal_zone} \subseteq BOOLEAN

VARIABLES
    \* tree_2008: struct mem_reserve and the page allocator's reserve
    own4,            \* ipv4's own pages (the leaf mem_reserve_pages_set changes)
    pages,           \* res->pages: own pages plus connected children's
    limit,           \* res->limit
    usage,           \* res->usage
    net_linked,      \* net->parent = &mem_reserve_root
    var_free_kbytes, \* what adjust_memalloc_reserve gave the allocator, in pages
    pending,         \* an adjuster between reading var_free_kbytes and writing it (unlocked)
    \* sockets and NFS transports
    sock_memalloc,   \* SOCK_MEMALLOC on each transport's socket
    memalloc_socks,  \* the memalloc socket count
    xprt_swapper,    \* xprt->swapper
    spc,             \* each swapfile's step
    srounds,         \* swapon/swapoff rounds left
    sv,              \* a swapfile's sk_set/clear_memalloc in progress: op, old swapper, error
    sysctl_pc,       \* the ipfrag sysctl writer
    \* tree_2008: reserve users
    upc, hn, he,     \* step; normal and emergency pages held for the current request
    charged,         \* what the current request has charged to net
    urounds,
    normal_free,
    \* merged_2012: the page allocator
    free_pages, swap_left, oom_victim_alive, kswapd_awake,
    dpc,             \* each allocator's step
    killed,          \* fatal_signal_pending
    memdie,          \* TIF_MEMDIE: an OOM victim
    drounds

treeVars == <<own4, pages, limit, usage, net_linked, var_free_kbytes>>
sockVars == <<sock_memalloc, memalloc_socks, xprt_swapper>>
swapVars == <<spc, srounds, sv>>
userVars == <<upc, hn, he, charged, urounds, normal_free>>
allocVars == <<free_pages, swap_left, oom_victim_alive, kswapd_awake, dpc, killed, memdie, drounds>>
vars == <<treeVars, pending, sockVars, swapVars, sysctl_pc, userVars, allocVars>>

SwapPCs == {"idle", "live", "done",
            "sock_flag",                 \* sk_set_memalloc: sock_flag / test_and_set
            "sk_adjust_memalloc",        \* the whole of sk_adjust_memalloc under its lock
            "atomic_read",               \* unlocked: read memalloc_socks, connect if it was 0
            "atomic_add_return",         \* unlocked: add to memalloc_socks
            "mem_reserve_disconnect",    \* unlocked: disconnect if the add returned 0
            "adjust_memalloc_reserve_write", \* unlocked adjust_memalloc_reserve: the store
            "sock_set_flag", "set_failed",
            "clear_test",                \* sk_clear_memalloc: sock_flag / test_and_clear
            "sock_reset_flag", "clear_done"}
QuietPCs == {"idle", "live", "done"}
UserPCs == {"idle", "alloc", "wait_charge", "wait_mem", "hold", "done"}
AllocPCs == {"idle", "get_page", "try_to_free_pages", "throttled", "shrink", "out_of_memory",
             "hold", "done"}

NoPending == [var |-> 0, path |-> {}, dl |-> 0, du |-> 0, next |-> "none"]
NoSv == [op |-> "none", old |-> 0, err |-> FALSE]

\* the memalloc and transport locks cover whole operations exactly when every flag says so
AtomicMemalloc == ~Tree \/ (memalloc_flag_atomic /\ memalloc_count_locked /\ reserve_adjust_locked)

Max0(i) == IF i < 0 THEN 0 ELSE i

RECURSIVE SumOver(_, _)
SumOver(f, S) == IF S = {} THEN 0
                 ELSE LET x == CHOOSE x \in S : TRUE IN f[x] + SumOver(f, S \ {x})

-----------------------------------------------------------------------------
(* mm/reserve.c on a value of the tree: each operator returns the new tree  *)

T == [own4 |-> own4, pages |-> pages, limit |-> limit, usage |-> usage,
      linked |-> net_linked, var |-> var_free_kbytes]

SetTree(t) ==
    /\ own4' = t.own4 /\ pages' = t.pages /\ limit' = t.limit /\ usage' = t.usage
    /\ net_linked' = t.linked /\ var_free_kbytes' = t.var

\* The node and its ancestors as far as the links go (the walk of __calc_reserve).
Path(t, n) ==
    CASE n = "root" -> {"root"}
      [] n = "net"  -> IF t.linked THEN {"net", "root"} ELSE {"net"}
      [] OTHER      -> IF t.linked THEN {n, "net", "root"} ELSE {n, "net"}

AddAlong(f, P, d) == [n \in Nodes |-> IF n \in P THEN f[n] + d ELSE f[n]]
\* usage below 0 is clamped to 0, as __mem_reserve_charge does
UsageAlong(f, P, d) == [n \in Nodes |-> IF n \in P THEN Max0(f[n] + d) ELSE f[n]]

\* __mem_reserve_add(n, dp, dl): propagate the pages up, pass the root's change to
\* adjust_memalloc_reserve, roll the pages back if it fails, then raise the limits.  du is
\* the usage a connecting (disconnecting) child brings (takes).  With reserve_adjust_locked
\* false, the read-modify-write of var_free_kbytes is split: the read and the pages happen
\* now, the write (and the limits) later, in adjust_memalloc_reserve_write.
Add(t, n, dp, dl, du) ==
    LET P  == Path(t, n)
        rd == IF "root" \in P THEN dp ELSE 0
        ok == rd <= 0 \/ t.var + rd <= max_reserve_pages
        t1 == [t EXCEPT !.pages = AddAlong(t.pages, P, dp)]
        full == [t1 EXCEPT !.limit = AddAlong(t.limit, P, dl),
                           !.usage = UsageAlong(t.usage, P, du),
                           !.var = t.var + rd]
    IN IF ~ok THEN [ok |-> FALSE, t |-> t, pend |-> NoPending]
       ELSE IF reserve_adjust_locked \/ rd = 0
            THEN [ok |-> TRUE, t |-> full, pend |-> NoPending]
            ELSE [ok |-> TRUE, t |-> t1,
                  pend |-> [var |-> t.var + rd, path |-> P, dl |-> dl, du |-> du, next |-> "write"]]

\* The deferred half of an unlocked adjust: store what was computed from the old read.
WriteBack(t, p) ==
    [t EXCEPT !.var = p.var,
              !.limit = AddAlong(t.limit, p.path, p.dl),
              !.usage = UsageAlong(t.usage, p.path, p.du)]

\* mem_reserve_connect(net, &mem_reserve_root): -EEXIST if already parented; link, add the
\* child's pages and limit (and, when connect_propagates_usage, its usage); unlink on error.
Connect(t) ==
    IF t.linked THEN [ok |-> FALSE, t |-> t, pend |-> NoPending]
    ELSE LET r == Add([t EXCEPT !.linked = TRUE], "root", t.pages["net"], t.limit["net"],
                      IF connect_propagates_usage THEN t.usage["net"] ELSE 0)
         IN IF r.ok THEN r ELSE [r EXCEPT !.t = t]

\* mem_reserve_disconnect(net): subtract pages, limit (and usage), then unlink.  Shrinking
\* cannot fail.  -ENOENT (WARN_ON) if not parented.  The unlink is part of the tree's own
\* update, done under mem_reserve_mutex with the pages: an unlocked adjust defers only its
\* store (and the limits), never the unlink, so the tree's pages sum up at every step
\* (PagesSumChildren) and the bug shows only as the lost update it is (RootMatchesReserve).
Disconnect(t) ==
    IF ~t.linked THEN [ok |-> FALSE, t |-> t, pend |-> NoPending]
    ELSE LET r == Add(t, "root", -t.pages["net"], -t.limit["net"],
                      IF connect_propagates_usage THEN -t.usage["net"] ELSE 0)
         IN [r EXCEPT !.t.linked = FALSE]

\* mem_reserve_pages_set(ipv4, v): add v - old pages and as much limit.
PagesSet(t, v) ==
    LET d == v - t.own4
        r == Add(t, "ipv4", d, d, 0)
    IN IF r.ok THEN [r EXCEPT !.t.own4 = v] ELSE r

-----------------------------------------------------------------------------
(* SOCK_MEMALLOC, done as one critical section (all locks held) *)

\* sk_set_memalloc: tree_2008 tests SOCK_MEMALLOC and adjusts the reserve only for a new
\* memalloc socket (the first one connects net); merged_2012 sets the flag and counts the
\* socket unconditionally (static_key_slow_inc(&memalloc_socks)).
SetMemalloc(x) ==
    IF ~Tree THEN [ok |-> TRUE, t |-> T, count |-> memalloc_socks + 1]
    ELSE IF sock_memalloc[x] THEN [ok |-> TRUE, t |-> T, count |-> memalloc_socks]
    ELSE IF memalloc_socks = 0
         THEN LET c == Connect(T) IN [ok |-> c.ok, t |-> c.t, count |-> IF c.ok THEN 1 ELSE 0]
         ELSE [ok |-> TRUE, t |-> T, count |-> memalloc_socks + 1]

\* sk_clear_memalloc: the last memalloc socket disconnects net (tree_2008).
ClearMemalloc(x) ==
    IF ~Tree THEN [t |-> T, count |-> memalloc_socks - 1]
    ELSE IF ~sock_memalloc[x] THEN [t |-> T, count |-> memalloc_socks]
    ELSE IF memalloc_socks = 1 THEN [t |-> Disconnect(T).t, count |-> 0]
    ELSE [t |-> T, count |-> memalloc_socks - 1]

-----------------------------------------------------------------------------
(* NFS swapfiles: swapon/swapoff -> xs_swapper -> sk_set/clear_memalloc *)

SetPc(f, where) == spc' = [spc EXCEPT ![f] = where]
\* go to a step, forgetting the operation's scratch state when it ends
GotoR(f, where) ==
    /\ SetPc(f, where)
    /\ sv' = IF where \in QuietPCs THEN [sv EXCEPT ![f] = NoSv] ELSE sv
EndRound(f) ==
    /\ srounds' = [srounds EXCEPT ![f] = @ - 1]
    /\ GotoR(f, IF srounds[f] = 1 THEN "done" ELSE "idle")

AfterSet(err) == IF err THEN "set_failed"
                 ELSE IF memalloc_flag_atomic THEN "live" ELSE "sock_set_flag"
AfterClear == IF memalloc_flag_atomic THEN "clear_done" ELSE "sock_reset_flag"
AdjustStep(op) == IF memalloc_count_locked THEN "sk_adjust_memalloc"
                  ELSE IF op = "set" THEN "atomic_read" ELSE "atomic_add_return"

\* After a tree operation inside sk_adjust_memalloc: store var_free_kbytes now or later.
AfterTreeOp(f, p, next) ==
    IF p.next = "none"
    THEN /\ GotoR(f, next) /\ UNCHANGED pending
    ELSE /\ pending' = [pending EXCEPT ![f] = [p EXCEPT !.next = next]]
         /\ GotoR(f, "adjust_memalloc_reserve_write")

\* The memalloc lock (locked sk_adjust_memalloc) is held until the swapfile's write is done.
MemallocLockFree == \A g \in Swapfiles : pending[g].next = "none"

\* swapon of an NFS swapfile: xprt->swapper goes up; sk_set_memalloc on the transport's
\* socket (tree_2008's xs_swapper calls it on every swapon; merged_2012's only on the first,
\* unless swapper_clear_on_last is false).
swapon(f) ==
    /\ spc[f] = "idle"
    /\ LET x    == f[1]
           old  == xprt_swapper[x]
           new  == IF swapper_counted THEN old + 1 ELSE 1
           call == Tree \/ ~swapper_clear_on_last \/ old = 0
       IN IF ~call
          THEN /\ xprt_swapper' = [xprt_swapper EXCEPT ![x] = new]
               /\ GotoR(f, "live")
               /\ UNCHANGED <<treeVars, pending, sock_memalloc, memalloc_socks, srounds>>
          ELSE IF AtomicMemalloc
          THEN LET r == SetMemalloc(x) IN
               IF r.ok
               THEN /\ xprt_swapper' = [xprt_swapper EXCEPT ![x] = new]
                    /\ SetTree(r.t)
                    /\ sock_memalloc' = [sock_memalloc EXCEPT ![x] = TRUE]
                    /\ memalloc_socks' = r.count
                    /\ GotoR(f, "live")
                    /\ UNCHANGED <<pending, srounds>>
               ELSE \* -ENOMEM from adjust_memalloc_reserve: swapon fails
                    /\ EndRound(f)
                    /\ UNCHANGED <<treeVars, pending, sockVars>>
          ELSE /\ xprt_swapper' = [xprt_swapper EXCEPT ![x] = new]
               /\ sv' = [sv EXCEPT ![f] = [op |-> "set", old |-> old, err |-> FALSE]]
               /\ SetPc(f, "sock_flag")
               /\ UNCHANGED <<treeVars, pending, sock_memalloc, memalloc_socks, srounds>>
    /\ UNCHANGED <<sysctl_pc, userVars, allocVars>>

\* swapoff: xprt->swapper goes down (a bit is simply cleared); sk_clear_memalloc on the
\* 1->0 transition, or on every swapoff that finds swapper set.
swapoff(f) ==
    /\ spc[f] = "live"
    /\ ~swap_stays_on
    /\ LET x    == f[1]
           old  == xprt_swapper[x]
           new  == IF swapper_counted THEN old - 1 ELSE 0
           call == IF swapper_clear_on_last THEN old > 0 /\ new = 0 ELSE old > 0
       IN IF ~call
          THEN /\ xprt_swapper' = [xprt_swapper EXCEPT ![x] = new]
               /\ EndRound(f)
               /\ UNCHANGED <<treeVars, pending, sock_memalloc, memalloc_socks>>
          ELSE IF AtomicMemalloc
          THEN LET r == ClearMemalloc(x) IN
               /\ xprt_swapper' = [xprt_swapper EXCEPT ![x] = new]
               /\ SetTree(r.t)
               /\ sock_memalloc' = [sock_memalloc EXCEPT ![x] = FALSE]
               /\ memalloc_socks' = r.count
               /\ EndRound(f)
               /\ UNCHANGED pending
          ELSE /\ xprt_swapper' = [xprt_swapper EXCEPT ![x] = new]
               /\ sv' = [sv EXCEPT ![f] = [op |-> "clear", old |-> old, err |-> FALSE]]
               /\ SetPc(f, "clear_test")
               /\ UNCHANGED <<treeVars, pending, sock_memalloc, memalloc_socks, srounds>>
    /\ UNCHANGED <<sysctl_pc, userVars, allocVars>>

\* sk_set_memalloc, first step: sock_flag(sk, SOCK_MEMALLOC); with memalloc_flag_atomic a
\* test_and_set_bit.  Already set: nothing to do.
sock_flag(f) ==
    /\ spc[f] = "sock_flag"
    /\ LET x == f[1] IN
       IF sock_memalloc[x]
       THEN /\ GotoR(f, "live")
            /\ UNCHANGED sock_memalloc
       ELSE /\ sock_memalloc' = IF memalloc_flag_atomic
                                THEN [sock_memalloc EXCEPT ![x] = TRUE] ELSE sock_memalloc
            /\ GotoR(f, AdjustStep("set"))
    /\ UNCHANGED <<treeVars, pending, memalloc_socks, xprt_swapper, srounds, sysctl_pc,
                   userVars, allocVars>>

\* sk_adjust_memalloc(+-1) under one lock: the first socket connects net, the last one
\* disconnects it; a failed connect leaves the count alone.
sk_adjust_memalloc(f) ==
    /\ spc[f] = "sk_adjust_memalloc"
    /\ MemallocLockFree
    /\ IF sv[f].op = "set"
       THEN IF memalloc_socks = 0
            THEN LET c == Connect(T) IN
                 IF c.ok
                 THEN /\ SetTree(c.t)
                      /\ memalloc_socks' = 1
                      /\ AfterTreeOp(f, c.pend, AfterSet(FALSE))
                 ELSE /\ sv' = [sv EXCEPT ![f].err = TRUE]
                      /\ SetPc(f, AfterSet(TRUE))
                      /\ UNCHANGED <<treeVars, pending, memalloc_socks>>
            ELSE /\ memalloc_socks' = memalloc_socks + 1
                 /\ GotoR(f, AfterSet(FALSE))
                 /\ UNCHANGED <<treeVars, pending>>
       ELSE /\ memalloc_socks' = memalloc_socks - 1
            /\ IF memalloc_socks = 1
               THEN LET d == Disconnect(T) IN
                    /\ SetTree(d.t)
                    /\ AfterTreeOp(f, d.pend, AfterClear)
               ELSE /\ GotoR(f, AfterClear)
                    /\ UNCHANGED <<treeVars, pending>>
    /\ UNCHANGED <<sock_memalloc, xprt_swapper, srounds, sysctl_pc, userVars, allocVars>>

\* Unlocked sk_adjust_memalloc (Feb 2008): nr = atomic_read(&memalloc_socks); if it was 0,
\* mem_reserve_connect (an error, e.g. -EEXIST, is remembered and returned later).
atomic_read(f) ==
    /\ spc[f] = "atomic_read"
    /\ IF memalloc_socks = 0
       THEN LET c == Connect(T) IN
            /\ SetTree(c.t)
            /\ sv' = [sv EXCEPT ![f].err = ~c.ok]
            /\ IF c.pend.next = "none"
               THEN /\ SetPc(f, "atomic_add_return") /\ UNCHANGED pending
               ELSE /\ pending' = [pending EXCEPT ![f] =
                                     [c.pend EXCEPT !.next = "atomic_add_return"]]
                    /\ SetPc(f, "adjust_memalloc_reserve_write")
       ELSE /\ SetPc(f, "atomic_add_return")
            /\ UNCHANGED <<treeVars, pending, sv>>
    /\ UNCHANGED <<sockVars, srounds, sysctl_pc, userVars, allocVars>>

\* nr = atomic_add_return(socks, &memalloc_socks) -- done even when the connect failed;
\* a remove that brings it to 0 goes on to disconnect.
atomic_add_return(f) ==
    /\ spc[f] = "atomic_add_return"
    /\ IF sv[f].op = "set"
       THEN /\ memalloc_socks' = memalloc_socks + 1
            /\ GotoR(f, AfterSet(sv[f].err))
       ELSE /\ memalloc_socks' = memalloc_socks - 1
            /\ GotoR(f, IF memalloc_socks = 1 THEN "mem_reserve_disconnect" ELSE AfterClear)
    /\ UNCHANGED <<treeVars, pending, sock_memalloc, xprt_swapper, srounds, sysctl_pc,
                   userVars, allocVars>>

mem_reserve_disconnect(f) ==
    /\ spc[f] = "mem_reserve_disconnect"
    /\ LET d == Disconnect(T) IN
       /\ SetTree(d.t)
       /\ AfterTreeOp(f, d.pend, AfterClear)
    /\ UNCHANGED <<sockVars, srounds, sysctl_pc, userVars, allocVars>>

\* The unlocked adjust_memalloc_reserve stores var_free_kbytes computed from its old read.
adjust_memalloc_reserve_write(f) ==
    /\ spc[f] = "adjust_memalloc_reserve_write"
    /\ SetTree(WriteBack(T, pending[f]))
    /\ pending' = [pending EXCEPT ![f] = NoPending]
    /\ GotoR(f, pending[f].next)
    /\ UNCHANGED <<sockVars, srounds, sysctl_pc, userVars, allocVars>>

\* sk_set_memalloc, non-atomic: sock_set_flag after the reserve was adjusted.
sock_set_flag(f) ==
    /\ spc[f] = "sock_set_flag"
    /\ sock_memalloc' = [sock_memalloc EXCEPT ![f[1]] = TRUE]
    /\ GotoR(f, "live")
    /\ UNCHANGED <<treeVars, pending, memalloc_socks, xprt_swapper, srounds, sysctl_pc,
                   userVars, allocVars>>

\* sk_set_memalloc returned an error: swapon fails, xprt->swapper is restored.
set_failed(f) ==
    /\ spc[f] = "set_failed"
    /\ LET x == f[1] IN
       /\ sock_memalloc' = IF memalloc_flag_atomic
                           THEN [sock_memalloc EXCEPT ![x] = FALSE] ELSE sock_memalloc
       /\ xprt_swapper' = [xprt_swapper EXCEPT ![x] =
                             IF swapper_counted THEN @ - 1 ELSE IF sv[f].old = 0 THEN 0 ELSE @]
    /\ EndRound(f)
    /\ UNCHANGED <<treeVars, pending, memalloc_socks, sysctl_pc, userVars, allocVars>>

\* sk_clear_memalloc, first step: sock_flag (test_and_clear_bit when atomic).
clear_test(f) ==
    /\ spc[f] = "clear_test"
    /\ LET x == f[1] IN
       IF ~sock_memalloc[x]
       THEN /\ EndRound(f)
            /\ UNCHANGED sock_memalloc
       ELSE /\ sock_memalloc' = IF memalloc_flag_atomic
                                THEN [sock_memalloc EXCEPT ![x] = FALSE] ELSE sock_memalloc
            /\ GotoR(f, AdjustStep("clear"))
            /\ UNCHANGED srounds
    /\ UNCHANGED <<treeVars, pending, memalloc_socks, xprt_swapper, sysctl_pc, userVars,
                   allocVars>>

sock_reset_flag(f) ==
    /\ spc[f] = "sock_reset_flag"
    /\ sock_memalloc' = [sock_memalloc EXCEPT ![f[1]] = FALSE]
    /\ EndRound(f)
    /\ UNCHANGED <<treeVars, pending, memalloc_socks, xprt_swapper, sysctl_pc, userVars,
                   allocVars>>

clear_done(f) ==
    /\ spc[f] = "clear_done"
    /\ EndRound(f)
    /\ UNCHANGED <<treeVars, pending, sockVars, sysctl_pc, userVars, allocVars>>

-----------------------------------------------------------------------------
(* The ipfrag sysctl: mem_reserve_pages_set(ipv4, sysctl_pages) *)

mem_reserve_pages_set ==
    /\ sysctl_pc = "idle"
    /\ LET r == PagesSet(T, sysctl_pages) IN
       IF ~r.ok
       THEN /\ sysctl_pc' = "done"                 \* -ENOMEM: the old size is kept
            /\ UNCHANGED <<treeVars, pending>>
       ELSE /\ SetTree(r.t)
            /\ IF r.pend.next = "none"
               THEN /\ sysctl_pc' = "done" /\ UNCHANGED pending
               ELSE /\ pending' = [pending EXCEPT ![SYSCTL] = [r.pend EXCEPT !.next = "done"]]
                    /\ sysctl_pc' = "adjust_memalloc_reserve_write"
    /\ UNCHANGED <<sockVars, swapVars, userVars, allocVars>>

sysctl_adjust_memalloc_reserve ==
    /\ sysctl_pc = "adjust_memalloc_reserve_write"
    /\ SetTree(WriteBack(T, pending[SYSCTL]))
    /\ pending' = [pending EXCEPT ![SYSCTL] = NoPending]
    /\ sysctl_pc' = "done"
    /\ UNCHANGED <<sockVars, swapVars, userVars, allocVars>>

-----------------------------------------------------------------------------
(* tree_2008: reserve-backed allocation (__alloc_pages_reserve) and free *)

\* ALLOC_NO_WATERMARKS via __GFP_MEMALLOC of a SOCK_MEMALLOC socket
Entitled == xprts >= 1 /\ sock_memalloc[1]
EmergencyAvail == SumOver(he, reserve_users) < var_free_kbytes
Remaining(u) == request_pages - hn[u] - he[u]
\* mem_reserve_charge(net, c) succeeds iff c < 0 or usage + c <= limit
ChargeOk(c) == usage["net"] + c <= limit["net"]

\* mem_reserve_charge(net, c): usage propagates to the connected ancestors.
mem_reserve_charge(c) == usage' = UsageAlong(usage, Path(T, "net"), c)

UGoto(u, where) == upc' = [upc EXCEPT ![u] = where]

\* Take one page of the request (normal or emergency); the request is complete or goes on.
Took(u) == UGoto(u, IF hn[u] + he[u] + 1 = request_pages THEN "hold" ELSE "alloc")

\* Free returns the memory, then uncharges (which wakes the waiters); a NULL return gives
\* back what the request had got.  Either ends the round.
Release(u) ==
    /\ normal_free' = normal_free + hn[u]
    /\ mem_reserve_charge(-charged[u])
    /\ hn' = [hn EXCEPT ![u] = 0]
    /\ he' = [he EXCEPT ![u] = 0]
    /\ charged' = [charged EXCEPT ![u] = 0]
    /\ urounds' = [urounds EXCEPT ![u] = @ - 1]
    /\ UGoto(u, IF urounds[u] = 1 THEN "done" ELSE "idle")

userFrame == <<own4, pages, limit, net_linked, var_free_kbytes, pending, sockVars, swapVars,
               sysctl_pc, allocVars>>

reserve_request(u) ==
    /\ upc[u] = "idle"
    /\ UGoto(u, "alloc")
    /\ UNCHANGED <<treeVars, pending, sockVars, swapVars, sysctl_pc, hn, he, charged, urounds,
                   normal_free, allocVars>>

\* One page: normal memory first (__GFP_NOMEMALLOC); else, if entitled, charge the request
\* (per_user_accounting) and take an emergency page; a failed charge returns NULL or waits.
alloc_pages_reserve(u) ==
    /\ upc[u] = "alloc"
    /\ IF normal_free > 0 /\ charged[u] = 0
       THEN /\ normal_free' = normal_free - 1
            /\ hn' = [hn EXCEPT ![u] = @ + 1]
            /\ Took(u)
            /\ UNCHANGED <<usage, he, charged, urounds>>
       ELSE IF ~Entitled
       THEN Release(u)
       ELSE IF per_user_accounting /\ charged[u] = 0
       THEN IF ChargeOk(Remaining(u))
            THEN IF EmergencyAvail
                 THEN /\ mem_reserve_charge(Remaining(u))
                      /\ charged' = [charged EXCEPT ![u] = Remaining(u)]
                      /\ he' = [he EXCEPT ![u] = @ + 1]
                      /\ Took(u)
                      /\ UNCHANGED <<hn, urounds, normal_free>>
                 ELSE Release(u)   \* WARN_ON(!page): charged, but the reserve is not there
            ELSE IF blocking
                 THEN /\ UGoto(u, "wait_charge")
                      /\ UNCHANGED <<usage, hn, he, charged, urounds, normal_free>>
                 ELSE Release(u)
       ELSE IF EmergencyAvail
       THEN /\ he' = [he EXCEPT ![u] = @ + 1]
            /\ Took(u)
            /\ UNCHANGED <<usage, hn, charged, urounds, normal_free>>
       ELSE IF blocking /\ ~per_user_accounting
       THEN \* no accounting: the caller waits for emergency pages to come back
            /\ UGoto(u, "wait_mem")
            /\ UNCHANGED <<usage, hn, he, charged, urounds, normal_free>>
       ELSE Release(u)
    /\ UNCHANGED userFrame

\* wait_event(res->waitqueue, mem_reserve_charge(res, c)): proceeds once the charge succeeds
\* (an uncharge wakes it).  The gfp mask was fixed when the call began: the wait does not
\* look at SOCK_MEMALLOC again; the next page's allocation does.
wake_charge(u) ==
    /\ upc[u] = "wait_charge"
    /\ ChargeOk(Remaining(u))
    /\ mem_reserve_charge(Remaining(u))
    /\ charged' = [charged EXCEPT ![u] = Remaining(u)]
    /\ UGoto(u, "alloc")
    /\ UNCHANGED <<hn, he, urounds, normal_free>>
    /\ UNCHANGED userFrame

\* Without accounting, a blocking caller loops in the allocator until emergency pages are free.
wake_mem(u) ==
    /\ upc[u] = "wait_mem"
    /\ EmergencyAvail
    /\ UGoto(u, "alloc")
    /\ UNCHANGED <<usage, hn, he, charged, urounds, normal_free>>
    /\ UNCHANGED userFrame

\* __free_pages_reserve: free the request's pages, then uncharge.
free_pages_reserve(u) ==
    /\ upc[u] = "hold"
    /\ Release(u)
    /\ UNCHANGED userFrame

-----------------------------------------------------------------------------
(* merged_2012: the page allocator, throttle_direct_reclaim, kswapd, OOM *)

\* pfmemalloc_watermark_ok: free pages of the zones up to ZONE_NORMAL above half their min
\* watermarks; a node without such zones has 0 of both.
WatermarkOk ==
    IF node_has_normal_zone THEN free_pages > min_wmark \div 2 ELSE FALSE
\* 675becce15f3: a node without ZONE_NORMAL is not used for throttling
ThrottleNode == node_has_normal_zone \/ ~throttle_checks_node_has_normal_zone
ReclaimOne == swap_left > 0 /\ free_pages > 0

DGoto(d, where) == dpc' = [dpc EXCEPT ![d] = where]
allocFrame == <<treeVars, pending, sockVars, swapVars, sysctl_pc, userVars>>

alloc_pages(d) ==
    /\ dpc[d] = "idle"
    /\ DGoto(d, "get_page")
    /\ UNCHANGED <<free_pages, swap_left, oom_victim_alive, kswapd_awake, killed, memdie, drounds>>
    /\ UNCHANGED allocFrame

\* Above the min watermark; an OOM victim (TIF_MEMDIE) ignores watermarks, and gets NULL
\* (and exits) when nothing at all is free.
get_page_from_freelist(d) ==
    /\ dpc[d] = "get_page"
    /\ IF memdie[d]
       THEN /\ IF free_pages > 0
               THEN /\ free_pages' = free_pages - 1 /\ DGoto(d, "hold")
               ELSE /\ DGoto(d, "done") /\ UNCHANGED free_pages
            /\ UNCHANGED kswapd_awake
       ELSE IF free_pages > min_wmark
       THEN /\ free_pages' = free_pages - 1
            /\ DGoto(d, "hold")
            /\ UNCHANGED kswapd_awake
       ELSE /\ kswapd_awake' = TRUE                 \* wakeup_kswapd
            /\ DGoto(d, "try_to_free_pages")
            /\ UNCHANGED free_pages
    /\ UNCHANGED <<swap_left, oom_victim_alive, killed, memdie, drounds>>
    /\ UNCHANGED allocFrame

\* try_to_free_pages begins with throttle_direct_reclaim: sleep on pfmemalloc_wait while
\* the reserves are low.  A task with a fatal signal is not throttled; with
\* killed_task_counts_as_progress (5515061d22f0) it then returns 1 ("progress") every time.
try_to_free_pages(d) ==
    /\ dpc[d] = "try_to_free_pages"
    /\ DGoto(d, IF ThrottleNode /\ ~WatermarkOk /\ ~killed[d] THEN "throttled"
                ELSE IF killed[d] /\ killed_task_counts_as_progress THEN "get_page"
                ELSE "shrink")
    /\ UNCHANGED <<free_pages, swap_left, oom_victim_alive, kswapd_awake, killed, memdie, drounds>>
    /\ UNCHANGED allocFrame

\* wait_event_killable(pgdat->pfmemalloc_wait, pfmemalloc_watermark_ok(pgdat)): woken with
\* the condition true, or by a fatal signal (then 1 is returned: no OOM kill for it).
throttle_wake(d) ==
    /\ dpc[d] = "throttled"
    /\ WatermarkOk \/ killed[d]
    /\ DGoto(d, IF killed[d] THEN "get_page" ELSE "shrink")
    /\ UNCHANGED <<free_pages, swap_left, oom_victim_alive, kswapd_awake, killed, memdie, drounds>>
    /\ UNCHANGED allocFrame

\* do_try_to_free_pages: swap one page out (progress) or report none.
shrink_zones(d) ==
    /\ dpc[d] = "shrink"
    /\ IF ReclaimOne
       THEN /\ swap_left' = swap_left - 1
            /\ free_pages' = free_pages + 1
            /\ DGoto(d, "get_page")
       ELSE /\ DGoto(d, "out_of_memory")
            /\ UNCHANGED <<swap_left, free_pages>>
    /\ UNCHANGED <<oom_victim_alive, kswapd_awake, killed, memdie, drounds>>
    /\ UNCHANGED allocFrame

\* out_of_memory: a caller with a fatal signal gets TIF_MEMDIE; else the hog is killed (and
\* exits, freeing its pages); else the caller is the victim.
out_of_memory(d) ==
    /\ dpc[d] = "out_of_memory"
    /\ IF killed[d]
       THEN /\ memdie' = [memdie EXCEPT ![d] = TRUE]
            /\ UNCHANGED <<oom_victim_alive, free_pages, killed>>
       ELSE IF oom_victim_alive
       THEN /\ oom_victim_alive' = FALSE
            /\ free_pages' = free_pages + oom_victim_pages
            /\ UNCHANGED <<killed, memdie>>
       ELSE /\ killed' = [killed EXCEPT ![d] = TRUE]
            /\ memdie' = [memdie EXCEPT ![d] = TRUE]
            /\ UNCHANGED <<oom_victim_alive, free_pages>>
    /\ DGoto(d, "get_page")
    /\ UNCHANGED <<swap_left, kswapd_awake, drounds>>
    /\ UNCHANGED allocFrame

\* The page is used and freed; a killed task exits.
free_page(d) ==
    /\ dpc[d] = "hold"
    /\ free_pages' = free_pages + 1
    /\ drounds' = [drounds EXCEPT ![d] = @ - 1]
    /\ DGoto(d, IF killed[d] \/ drounds[d] = 1 THEN "done" ELSE "idle")
    /\ UNCHANGED <<swap_left, oom_victim_alive, kswapd_awake, killed, memdie>>
    /\ UNCHANGED allocFrame

\* A SIGKILL for a task inside the allocator (not fair: it may never come).
send_sigkill(d) ==
    /\ sigkill
    /\ ~killed[d]
    /\ dpc[d] \in {"get_page", "try_to_free_pages", "throttled", "shrink", "out_of_memory"}
    /\ killed' = [killed EXCEPT ![d] = TRUE]
    /\ UNCHANGED <<free_pages, swap_left, oom_victim_alive, kswapd_awake, dpc, memdie, drounds>>
    /\ UNCHANGED allocFrame

\* kswapd (PF_MEMALLOC) reclaims while the node is below its min watermark.
kswapd_balance ==
    /\ kswapd_awake
    /\ free_pages <= min_wmark /\ ReclaimOne
    /\ swap_left' = swap_left - 1
    /\ free_pages' = free_pages + 1
    /\ UNCHANGED <<oom_victim_alive, kswapd_awake, dpc, killed, memdie, drounds>>
    /\ UNCHANGED allocFrame

\* Balanced, or nothing it can do: kswapd sleeps (waking pfmemalloc_wait first).
kswapd_sleep ==
    /\ kswapd_awake
    /\ ~(free_pages <= min_wmark /\ ReclaimOne)
    /\ kswapd_awake' = FALSE
    /\ UNCHANGED <<free_pages, swap_left, oom_victim_alive, dpc, killed, memdie, drounds>>
    /\ UNCHANGED allocFrame

-----------------------------------------------------------------------------
Terminated ==
    /\ \A f \in Swapfiles : spc[f] = "done" \/ (swap_stays_on /\ spc[f] = "live")
    /\ sysctl_pc = "done"
    /\ \A u \in reserve_users : upc[u] = "done"
    /\ \A d \in allocators : dpc[d] = "done"
    /\ UNCHANGED vars

NetPages == ipv4_pages + ipv6_pages
StartLinked == Tree /\ swapping_at_start

Init ==
    /\ own4 = ipv4_pages
    /\ pages = [n \in Nodes |-> CASE n = "ipv4" -> ipv4_pages
                                  [] n = "ipv6" -> ipv6_pages
                                  [] n = "net"  -> NetPages
                                  [] OTHER      -> IF StartLinked THEN NetPages ELSE 0]
    /\ limit = pages
    /\ usage = [n \in Nodes |-> 0]
    /\ net_linked = StartLinked
    /\ var_free_kbytes = IF StartLinked THEN NetPages ELSE 0
    /\ pending = [a \in Adjusters |-> NoPending]
    /\ sock_memalloc = [x \in Xprts |-> swapping_at_start /\ x = 1]
    /\ memalloc_socks = IF swapping_at_start THEN 1 ELSE 0
    /\ xprt_swapper = [x \in Xprts |-> IF swapping_at_start /\ x = 1 THEN 1 ELSE 0]
    /\ spc = [f \in Swapfiles |-> IF swapping_at_start /\ f = <<1, 1>> THEN "live" ELSE "idle"]
    /\ srounds = [f \in Swapfiles |-> rounds]
    /\ sv = [f \in Swapfiles |-> NoSv]
    /\ sysctl_pc = IF Sysctl THEN "idle" ELSE "done"
    /\ upc = [u \in reserve_users |-> "idle"]
    /\ hn = [u \in reserve_users |-> 0]
    /\ he = [u \in reserve_users |-> 0]
    /\ charged = [u \in reserve_users |-> 0]
    /\ urounds = [u \in reserve_users |-> rounds]
    /\ normal_free = init_normal_pages
    /\ free_pages = init_free_pages
    /\ swap_left = swap_pages
    /\ oom_victim_alive = (oom_victim_pages > 0)
    /\ kswapd_awake = FALSE
    /\ dpc = [d \in allocators |-> "idle"]
    /\ killed = [d \in allocators |-> FALSE]
    /\ memdie = [d \in allocators |-> FALSE]
    /\ drounds = [d \in allocators |-> rounds]

\* Weakly fair: every step after a start.  Not fair: swapon, starting a request or an
\* allocation, the sysctl's mem_reserve_pages_set, SIGKILL.
SwapProgress(f) ==
    \/ swapoff(f) \/ sock_flag(f) \/ sk_adjust_memalloc(f) \/ atomic_read(f)
    \/ atomic_add_return(f) \/ mem_reserve_disconnect(f) \/ adjust_memalloc_reserve_write(f)
    \/ sock_set_flag(f) \/ set_failed(f) \/ clear_test(f) \/ sock_reset_flag(f) \/ clear_done(f)
UserProgress(u) ==
    alloc_pages_reserve(u) \/ wake_charge(u) \/ wake_mem(u) \/ free_pages_reserve(u)
AllocProgress(d) ==
    \/ get_page_from_freelist(d) \/ try_to_free_pages(d) \/ throttle_wake(d)
    \/ shrink_zones(d) \/ out_of_memory(d) \/ free_page(d)
KswapdProgress == kswapd_balance \/ kswapd_sleep

Next ==
    \/ \E f \in Swapfiles : swapon(f) \/ SwapProgress(f)
    \/ mem_reserve_pages_set \/ sysctl_adjust_memalloc_reserve
    \/ \E u \in reserve_users : reserve_request(u) \/ UserProgress(u)
    \/ \E d \in allocators : alloc_pages(d) \/ send_sigkill(d) \/ AllocProgress(d)
    \/ KswapdProgress
    \/ Terminated

Spec ==
    /\ Init /\ [][Next]_vars
    /\ \A f \in Swapfiles : WF_vars(SwapProgress(f))
    /\ WF_vars(sysctl_adjust_memalloc_reserve)
    /\ \A u \in reserve_users : WF_vars(UserProgress(u))
    /\ \A d \in allocators : WF_vars(AllocProgress(d))
    /\ WF_vars(KswapdProgress)

-----------------------------------------------------------------------------
(* Invariants (PROTOCOLS.md section 2) *)

TypeOK ==
    /\ own4 \in Nat
    /\ pages \in [Nodes -> Nat] /\ limit \in [Nodes -> Nat] /\ usage \in [Nodes -> Nat]
    /\ net_linked \in BOOLEAN
    /\ var_free_kbytes \in 0..max_reserve_pages
    /\ \A a \in Adjusters : pending[a].next \in SwapPCs \cup {"none", "done"}
    /\ sock_memalloc \in [Xprts -> BOOLEAN]
    /\ memalloc_socks \in Nat
    /\ xprt_swapper \in [Xprts -> Nat]
    /\ spc \in [Swapfiles -> SwapPCs]
    /\ srounds \in [Swapfiles -> 0..rounds]
    /\ sysctl_pc \in {"idle", "adjust_memalloc_reserve_write", "done"}
    /\ upc \in [reserve_users -> UserPCs]
    /\ hn \in [reserve_users -> 0..request_pages]
    /\ he \in [reserve_users -> 0..request_pages]
    /\ charged \in [reserve_users -> 0..request_pages]
    /\ urounds \in [reserve_users -> 0..rounds]
    /\ normal_free \in 0..init_normal_pages
    /\ free_pages \in Nat /\ swap_left \in 0..swap_pages
    /\ oom_victim_alive \in BOOLEAN /\ kswapd_awake \in BOOLEAN
    /\ dpc \in [allocators -> AllocPCs]
    /\ killed \in [allocators -> BOOLEAN] /\ memdie \in [allocators -> BOOLEAN]
    /\ drounds \in [allocators -> 0..rounds]

Linked(n) == n # "net" \/ net_linked
Children(n) == {c \in DOMAIN Parent : Parent[c] = n /\ Linked(c)}
Own(n) == CASE n = "ipv4" -> own4 [] n = "ipv6" -> ipv6_pages [] OTHER -> 0

\* Every node's pages are its own plus those of its connected children.
PagesSumChildren == \A n \in Nodes : pages[n] = Own(n) + SumOver(pages, Children(n))

NoAdjustInFlight == \A a \in Adjusters : pending[a].next = "none"
MemallocQuiet == \A f \in Swapfiles : spc[f] \in QuietPCs

\* The root total is what adjust_memalloc_reserve was given (var_free_kbytes).
RootMatchesReserve == NoAdjustInFlight => var_free_kbytes = pages["root"]

\* usage <= limit at every node, the aggregates included.
UsageWithinLimit == \A n \in Nodes : usage[n] <= limit[n]

\* With accounting, the usage is the charges of the requests in flight, seen at every
\* connected level, and every emergency page is covered by its request's charge.
EmergencyMatchesUsage ==
    per_user_accounting =>
        /\ usage["net"] = SumOver(charged, reserve_users)
        /\ usage["root"] = IF net_linked THEN usage["net"] ELSE 0
        /\ \A u \in reserve_users : he[u] <= charged[u]

\* The memalloc socket count is the number of SOCK_MEMALLOC sockets.
MemallocCountMatches ==
    MemallocQuiet => memalloc_socks = Cardinality({x \in Xprts : sock_memalloc[x]})

\* The network reserve is connected iff there are memalloc sockets.
NetReserveIffSockets ==
    Tree /\ MemallocQuiet /\ NoAdjustInFlight => (net_linked <=> memalloc_socks > 0)

\* A transport with a live swapfile has SOCK_MEMALLOC on its socket.
SwapfileHasMemalloc == \A f \in Swapfiles : spc[f] = "live" => sock_memalloc[f[1]]

(* Liveness, under the fairness in Spec.  Each property is one leads-to over all tasks of
   a kind ("some task is waiting" leads to "none is"): with every actor running a bounded
   number of rounds this is the same as the per-task property (a task stuck for good keeps
   the left side true forever), and TLC checks one tableau branch instead of one per task.
   The predicates are set comprehensions, not bounded \E: the TLC used here evaluates
   \E x \in {} : P as true inside a temporal property. *)
InReserveAlloc(u) == upc[u] \in {"alloc", "wait_charge", "wait_mem"}
InPageAlloc(d) ==
    dpc[d] \in {"get_page", "try_to_free_pages", "throttled", "shrink", "out_of_memory"}
Allocating ==
    {u \in reserve_users : InReserveAlloc(u)} \cup {d \in allocators : InPageAlloc(d)} # {}
WaitingCharge == {u \in reserve_users : upc[u] = "wait_charge"} # {}
Throttled == {d \in allocators : dpc[d] = "throttled"} # {}
MemallocBusy == {f \in Swapfiles : spc[f] \notin QuietPCs} # {}

\* Every allocation returns (a page or NULL).
AllocReturns == Allocating ~> ~Allocating

\* A waiting charge proceeds once the emergency holders free.
ChargeProceeds == WaitingCharge ~> ~WaitingCharge

\* Throttled reclaimers wake.
ThrottledWake == Throttled ~> ~Throttled

\* Every swapon and swapoff gets through sk_set/clear_memalloc.
MemallocOpsReturn == MemallocBusy ~> ~MemallocBusy

\* Tasks of one kind are interchangeable (sound for invariants, not for liveness).
TaskSymmetry == Permutations(reserve_users) \cup Permutations(allocators)
=============================================================================
