------------------------------- MODULE Mempool -------------------------------
(***************************************************************************)
(* mempool (mm/mempool.c): a pool keeps min_nr pre-allocated elements so   *)
(* that mempool_alloc never fails in process context.  One spec holds the  *)
(* 2001 "five levels" design and the modern design; every historical bug   *)
(* of the catalog (catalog/mempool.yaml) is a setting of the policy        *)
(* constants below, never a copy of the spec.  The .cfg files are          *)
(* generated from the catalog.                                             *)
(*                                                                         *)
(* Abstractions (chosen to keep each bug expressible and the state small): *)
(*  - Memory is counted in pages.  free_pages includes the emergency       *)
(*    reserve: the min watermark is emergency_pages, and only a PF_MEMALLOC *)
(*    task whose mask lacks __GFP_NOMEMALLOC may allocate below it.         *)
(*  - clean_pages is clean page cache that direct reclaim (a mask with      *)
(*    __GFP_DIRECT_RECLAIM) can turn into the page it hands out.  Writeback *)
(*    done by a blocking allocation waits for its own IO, so it is folded   *)
(*    into clean_pages.                                                     *)
(*  - dirty_pages exist only for the gfp_nowait_keeps_io entry: a non-      *)
(*    blocking allocation that keeps __GFP_IO starts writeback of a dirty   *)
(*    page; the bio for it comes from this same pool and stays queued in    *)
(*    the caller's plug (plugged) until the caller's mempool_alloc returns. *)
(*  - Every task runs `rounds` requests and then stops.  This is the        *)
(*    fairness the liveness property relies on: competitors eventually      *)
(*    stop allocating, so a woken waiter cannot lose the race to newcomers  *)
(*    forever (barging).  The terminal state "every task done" is not a     *)
(*    deadlock; any other state without a successor is.                    *)
(*  - A request needs request_elements elements, taken one mempool_alloc at *)
(*    a time (holding the earlier ones: the hold-and-wait entries), or all  *)
(*    at once with bulk (mempool_alloc_bulk: the whole request from free    *)
(*    memory, or the whole request from the pool, or it waits holding none).*)
(*  - The pool lock is implicit: each action is one critical section or one *)
(*    lock-free step of the kernel code; actions are named after the        *)
(*    kernel function that performs the step.                              *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS
    design,                  \* "2001" (Molnar's five levels) | "modern" (Linux 4.x-6.x)
    min_nr,                  \* elements the pool keeps pre-allocated
    procs,                   \* process-context tasks (may block)
    irqs,                    \* irq-context tasks (GFP_ATOMIC: may not block)
    rounds,                  \* requests each task makes before it stops
    request_elements,        \* elements one request needs at the same time
    bulk,                    \* TRUE: a request takes all its elements or none
    init_free_pages,         \* free pages above the min watermark at the start
    init_clean_pages,        \* clean page cache direct reclaim can free
    init_dirty_pages,        \* dirty pages non-blocking IO writeback can start on
    emergency_pages,         \* the reserve below the min watermark
    pf_memalloc,             \* process tasks run with PF_MEMALLOC (reclaim, swap-out)
    \* policy choices; the correct designs' values are in the catalog
    gfp_nowait_keeps_io,     \* 2001 level 1 mask keeps __GFP_IO (before mempool-2.5.1-D0)
    atomic_skips_pool,       \* 2001 irq caller returns NULL before level 4 (before D1)
    tq_disk_uninterruptible, \* 2001 run_task_queue after TASK_UNINTERRUPTIBLE (before D2)
    free_reads_stale,        \* mempool_free decides on a curr_nr read before its own alloc (before 5b990546e334)
    first_round_full_mask,   \* modern: retry with the full mask before sleeping (Tejun, 2012)
    pool_wait_timeout,       \* modern: the sleep on the pool ends after 5 s at the latest
    nomemalloc_only_if_free, \* modern: __GFP_NOMEMALLOC only while the pool has elements (f9054c70d28b)
    zero_min_refill,         \* 2025 mempool_free: refill and wake when min_nr = 0 and the pool is empty
    wake_up,                 \* "as_designed" | "first_waiter" | "nobody": a fault in wake_up(&pool->wait)
                             \* to show that the properties see the wake-up (no vacuous pass)
    curr_nr_test_unlocked    \* a fault: the pool lock dropped around the curr_nr test, so the
                             \* element is removed in a step of its own (no vacuous pass)

Tasks == procs \cup irqs

\* mempool_init preallocates max(1, min_nr) since the 2025 change; before it, min_nr.
PoolCapacity == IF zero_min_refill /\ min_nr = 0 THEN 1 ELSE min_nr

ASSUME design \in {"2001", "modern"}
ASSUME min_nr \in Nat
ASSUME procs \cap irqs = {}
ASSUME Tasks # {}                                   \* at least one task
ASSUME rounds \in Nat /\ rounds >= 1
ASSUME request_elements \in Nat /\ request_elements >= 1
ASSUME bulk \in BOOLEAN /\ (bulk => request_elements <= PoolCapacity)
ASSUME {init_free_pages, init_clean_pages, init_dirty_pages, emergency_pages} \subseteq Nat
ASSUME {pf_memalloc, gfp_nowait_keeps_io, atomic_skips_pool, tq_disk_uninterruptible,
        free_reads_stale, first_round_full_mask, pool_wait_timeout,
        nomemalloc_only_if_free, zero_min_refill, curr_nr_test_unlocked} \subseteq BOOLEAN
ASSUME wake_up \in {"as_designed", "first_waiter", "nobody"}

VARIABLES
    curr_nr,       \* elements in the pool
    free_pages,    \* free pages, emergency reserve included
    clean_pages,   \* reclaimable clean page cache
    dirty_pages,   \* dirty pages not yet under writeback
    waitq,         \* pool->wait: the tasks on the wait queue, in arrival order
    pc,            \* where each task is (see PCs)
    held,          \* elements each task holds for its current request
    rounds_left,   \* requests each task has still to make
    full_mask,     \* modern: the task is past its first round (allocates with its full mask)
    plugged,       \* gfp_nowait_keeps_io: pool elements in the task's queued writeback bio
    snap,          \* a curr_nr the task read earlier and acts on later (stale free, D2)
    tstate,        \* "running" | "uninterruptible" (TASK_UNINTERRUPTIBLE)
    saw_empty      \* irq tasks: saw curr_nr = 0 under the lock in this call

vars == <<curr_nr, free_pages, clean_pages, dirty_pages, waitq, pc, held, rounds_left,
          full_mask, plugged, snap, tstate, saw_empty>>

PCs == {"idle", "done",
        "alloc_nowait", "alloc_full",               \* 2001 levels 1 and 2
        "alloc",                                    \* modern: the page allocator call
        "remove_element",                           \* take from the pool under the lock
        "remove_unlocked",                          \* curr_nr_test_unlocked: tested, not yet taken
        "run_task_queue", "add_wait_queue", "schedule",  \* 2001 levels 6 and 7
        "io_schedule",                              \* modern: asleep after prepare_to_wait
        "hold",                                     \* mempool_alloc returned the request's elements
        "got_null"}                                 \* mempool_alloc returned NULL

AllocStart == IF design = "2001" THEN "alloc_nowait" ELSE "alloc"
SleepPCs == {"schedule", "io_schedule"}
InAlloc(t) == pc[t] \notin {"idle", "done", "hold", "got_null"}

RECURSIVE SumOver(_, _)
SumOver(f, S) == IF S = {} THEN 0
                 ELSE LET x == CHOOSE x \in S : TRUE IN f[x] + SumOver(f, S \ {x})

Range(s) == {s[i] : i \in 1..Len(s)}
Remove(s, x) == LET Neq(y) == y # x IN SelectSeq(s, Neq)
MinOf(S) == CHOOSE i \in S : \A j \in S : i <= j

-----------------------------------------------------------------------------
(* The page allocator *)

\* The gfp mask of task t's current call into the page allocator.
Mask(t) ==
    IF design = "2001"
    THEN IF pc[t] = "alloc_nowait"
         \* level 1: gfp_nowait = gfp_mask & ~(__GFP_WAIT | __GFP_IO); process callers'
         \* masks carry __GFP_IO (GFP_NOFS/GFP_KERNEL), GFP_ATOMIC carries none.
         THEN [reclaim |-> FALSE, io |-> gfp_nowait_keeps_io /\ t \in procs, nomemalloc |-> FALSE]
         \* level 2: the caller's own mask (2001 had no __GFP_NOMEMALLOC)
         ELSE [reclaim |-> TRUE, io |-> TRUE, nomemalloc |-> FALSE]
    \* modern: __GFP_NOMEMALLOC always (f9054c70d28b dropped it while the pool was empty);
    \* the first round also lacks DIRECT_RECLAIM and IO; GFP_ATOMIC never has them.
    ELSE [reclaim |-> full_mask[t] /\ t \in procs,
          io |-> full_mask[t] /\ t \in procs,
          nomemalloc |-> ~(nomemalloc_only_if_free /\ curr_nr = 0)]

\* PF_MEMALLOC ignores the watermark unless the mask says __GFP_NOMEMALLOC.
MayUseReserve(t, m) == pf_memalloc /\ t \in procs /\ ~m.nomemalloc

\* Can the allocator hand out n pages to t?  Bulk requests take only free pages.
PagesAvailable(t, m, n) ==
    IF n > 1 THEN free_pages - emergency_pages >= n
    ELSE \/ free_pages > emergency_pages
         \/ m.reclaim /\ clean_pages > 0
         \/ MayUseReserve(t, m) /\ free_pages > 0

\* Take n pages: above the watermark first, then reclaim, then the reserve.
TakePages(t, m, n) ==
    IF n > 1 \/ free_pages > emergency_pages
    THEN /\ free_pages' = free_pages - n
         /\ UNCHANGED clean_pages
    ELSE IF m.reclaim /\ clean_pages > 0
         THEN /\ clean_pages' = clean_pages - 1
              /\ UNCHANGED free_pages
         ELSE /\ free_pages' = free_pages - 1
              /\ UNCHANGED clean_pages

\* gfp_nowait_keeps_io: a non-blocking call with __GFP_IO finds no free page and starts
\* writeback of a dirty page; the bio is taken from this pool and sits in t's plug.
StartsWriteback(t, m) ==
    /\ m.io /\ ~m.reclaim
    /\ dirty_pages > 0 /\ curr_nr > 0 /\ plugged[t] = 0

\* wake_up(&pool->wait): the 2001 waiters are exclusive (FIFO, the first sleeping one);
\* the modern ones are not (prepare_to_wait): every sleeper wakes.
\* The faults: "first_waiter" wakes only the first sleeper in the modern design too, "nobody"
\* wakes no one.
WakeUp(ts) ==
    IF wake_up = "nobody" THEN ts
    ELSE IF design = "2001" \/ wake_up = "first_waiter"
    THEN LET sleepers == {i \in 1..Len(waitq) : ts[waitq[i]] = "uninterruptible"}
         IN IF sleepers = {} THEN ts
            ELSE [ts EXCEPT ![waitq[MinOf(sleepers)]] = "running"]
    ELSE [x \in Tasks |-> IF x \in Range(waitq) THEN "running" ELSE ts[x]]

\* The elements a request still needs in this call.
Need(t) == IF bulk THEN request_elements - held[t] ELSE 1

\* t obtained n elements: the request is complete, or the next mempool_alloc begins.
Got(t, n) ==
    /\ held' = [held EXCEPT ![t] = held[t] + n]
    /\ pc' = [pc EXCEPT ![t] = IF held[t] + n = request_elements THEN "hold" ELSE AllocStart]
    /\ full_mask' = [full_mask EXCEPT ![t] = FALSE]

Goto(t, where) == pc' = [pc EXCEPT ![t] = where]

-----------------------------------------------------------------------------
(* Actions: one per kernel step, named after it *)

\* A task calls mempool_alloc.
mempool_alloc(t) ==
    /\ pc[t] = "idle"
    /\ Goto(t, AllocStart)
    /\ full_mask' = [full_mask EXCEPT ![t] = FALSE]
    /\ saw_empty' = [saw_empty EXCEPT ![t] = FALSE]
    \* free_reads_stale: the value this CPU may still see when it frees the element
    /\ snap' = IF free_reads_stale THEN [snap EXCEPT ![t] = curr_nr] ELSE snap
    /\ UNCHANGED <<curr_nr, free_pages, clean_pages, dirty_pages, waitq, held,
                   rounds_left, plugged, tstate>>

\* pool->alloc(gfp, pool->pool_data): 2001 levels 1 and 2, modern steps 2 and 4.
pool_alloc(t) ==
    /\ pc[t] \in {"alloc_nowait", "alloc_full", "alloc"}
    /\ LET m == Mask(t)
           n == Need(t)
           onFail == IF pc[t] = "alloc_nowait"
                     THEN IF t \in procs THEN "alloc_full"
                          ELSE IF atomic_skips_pool THEN "got_null" ELSE "remove_element"
                     ELSE "remove_element"
       IN
       IF pc[t] = "alloc_full" /\ ~(curr_nr <= min_nr \div 2)
       THEN \* level 2 is tried only when the pool is no more than half full
            /\ Goto(t, "remove_element")
            /\ UNCHANGED <<curr_nr, free_pages, clean_pages, dirty_pages, held, full_mask, plugged>>
       ELSE IF PagesAvailable(t, m, n)
       THEN /\ TakePages(t, m, n)
            /\ Got(t, n)
            /\ UNCHANGED <<curr_nr, dirty_pages, plugged>>
       ELSE IF StartsWriteback(t, m)
       THEN /\ curr_nr' = curr_nr - 1
            /\ dirty_pages' = dirty_pages - 1
            /\ plugged' = [plugged EXCEPT ![t] = 1]
            /\ Goto(t, onFail)
            /\ UNCHANGED <<free_pages, clean_pages, held, full_mask>>
       ELSE /\ Goto(t, onFail)
            /\ UNCHANGED <<curr_nr, free_pages, clean_pages, dirty_pages, held, full_mask, plugged>>
    /\ UNCHANGED <<waitq, rounds_left, snap, tstate, saw_empty>>

\* Lock the pool; take elements if there are enough; otherwise the failure path.
remove_element(t) ==
    /\ pc[t] = "remove_element"
    /\ IF curr_nr >= Need(t) /\ curr_nr > 0
       THEN IF curr_nr_test_unlocked
            THEN \* the fault: the test is not under the lock, so another task may take the
                 \* element between it and the removal (remove_unlocked)
                 /\ Goto(t, "remove_unlocked")
                 /\ UNCHANGED <<curr_nr, held, waitq, tstate, saw_empty, full_mask>>
            ELSE /\ curr_nr' = curr_nr - Need(t)
                 /\ Got(t, Need(t))
                 /\ UNCHANGED <<waitq, tstate, saw_empty>>
       ELSE /\ UNCHANGED <<curr_nr, held>>
            /\ saw_empty' = [saw_empty EXCEPT ![t] = (t \in irqs)]
            /\ IF t \in irqs
               THEN \* no __GFP_DIRECT_RECLAIM: an atomic caller gets NULL
                    /\ Goto(t, "got_null")
                    /\ UNCHANGED <<waitq, tstate, full_mask>>
               ELSE IF design = "2001"
               THEN /\ Goto(t, IF tq_disk_uninterruptible THEN "add_wait_queue" ELSE "run_task_queue")
                    /\ UNCHANGED <<waitq, tstate, full_mask>>
               ELSE IF ~full_mask[t] /\ first_round_full_mask
               THEN \* unlock and retry the allocator with the caller's full mask
                    /\ full_mask' = [full_mask EXCEPT ![t] = TRUE]
                    /\ Goto(t, "alloc")
                    /\ UNCHANGED <<waitq, tstate>>
               ELSE \* prepare_to_wait while still holding the lock: a free cannot slip
                    \* between the empty check and joining the queue (no lost wake-up)
                    /\ waitq' = Append(waitq, t)
                    /\ tstate' = [tstate EXCEPT ![t] = "uninterruptible"]
                    /\ Goto(t, "io_schedule")
                    /\ UNCHANGED full_mask
    /\ UNCHANGED <<free_pages, clean_pages, dirty_pages, rounds_left, plugged, snap>>

\* curr_nr_test_unlocked: the removal after an unlocked test of curr_nr, without testing again:
\* two tasks that both saw the last element both remove it (curr_nr goes below 0).
remove_unlocked(t) ==
    /\ pc[t] = "remove_unlocked"
    /\ curr_nr' = curr_nr - Need(t)
    /\ Got(t, Need(t))
    /\ UNCHANGED <<free_pages, clean_pages, dirty_pages, waitq, rounds_left, plugged, snap, tstate,
                   saw_empty>>

\* 2001 level 6: run_task_queue(&tq_disk) starts the queued disk IO.  Correct (after D2):
\* while TASK_RUNNING, before joining the queue; it changes nothing this model tracks.
\* Before D2 it ran after set_task_state(TASK_UNINTERRUPTIBLE): a sleep nested in it sets
\* TASK_UNINTERRUPTIBLE again, overwriting the TASK_RUNNING of a wake-up that arrived since
\* the task joined the queue, and the task then sleeps on a decision taken before.
run_task_queue(t) ==
    /\ pc[t] = "run_task_queue"
    /\ IF ~tq_disk_uninterruptible
       THEN /\ Goto(t, "add_wait_queue")
            /\ UNCHANGED <<waitq, tstate>>
       ELSE IF snap[t] = 0
            THEN /\ tstate' = [tstate EXCEPT ![t] = "uninterruptible"]
                 /\ Goto(t, "schedule")
                 /\ UNCHANGED waitq
            ELSE /\ tstate' = [tstate EXCEPT ![t] = "running"]
                 /\ waitq' = Remove(waitq, t)
                 /\ Goto(t, "alloc_nowait")
    /\ UNCHANGED <<curr_nr, free_pages, clean_pages, dirty_pages, held, rounds_left,
                   full_mask, plugged, snap, saw_empty>>

\* 2001 level 7: add_wait_queue_exclusive, set TASK_UNINTERRUPTIBLE, lock, read curr_nr,
\* unlock; sleep if it was 0.  Joining before the read is what makes a later free wake us.
add_wait_queue(t) ==
    /\ pc[t] = "add_wait_queue"
    /\ IF tq_disk_uninterruptible
       THEN \* before D2: the read is taken now, run_task_queue comes next
            /\ waitq' = Append(waitq, t)
            /\ tstate' = [tstate EXCEPT ![t] = "uninterruptible"]
            /\ snap' = [snap EXCEPT ![t] = curr_nr]
            /\ Goto(t, "run_task_queue")
       ELSE /\ UNCHANGED snap
            /\ IF curr_nr = 0
               THEN /\ waitq' = Append(waitq, t)
                    /\ tstate' = [tstate EXCEPT ![t] = "uninterruptible"]
                    /\ Goto(t, "schedule")
               ELSE \* an element arrived: back to TASK_RUNNING, leave the queue, level 1
                    /\ UNCHANGED <<waitq, tstate>>
                    /\ Goto(t, "alloc_nowait")
    /\ UNCHANGED <<curr_nr, free_pages, clean_pages, dirty_pages, held, rounds_left,
                   full_mask, plugged, saw_empty>>

\* 2001: schedule() returns once a wake-up made the task TASK_RUNNING; it leaves the
\* queue and starts again at level 1.
schedule(t) ==
    /\ pc[t] = "schedule"
    /\ tstate[t] = "running"
    /\ waitq' = Remove(waitq, t)
    /\ Goto(t, "alloc_nowait")
    /\ UNCHANGED <<curr_nr, free_pages, clean_pages, dirty_pages, held, rounds_left,
                   full_mask, plugged, snap, tstate, saw_empty>>

\* modern: woken by mempool_free, finish_wait, and retry with the full mask.
finish_wait(t) ==
    /\ pc[t] = "io_schedule"
    /\ tstate[t] = "running"
    /\ waitq' = Remove(waitq, t)
    /\ full_mask' = [full_mask EXCEPT ![t] = TRUE]
    /\ Goto(t, "alloc")
    /\ UNCHANGED <<curr_nr, free_pages, clean_pages, dirty_pages, held, rounds_left,
                   plugged, snap, tstate, saw_empty>>

\* modern: io_schedule_timeout(5*HZ) expires without a wake-up.  Not a fair action:
\* the timeout papers over lost wake-ups, and AllocReturns must hold without it.
io_schedule_timeout(t) ==
    /\ pool_wait_timeout
    /\ pc[t] = "io_schedule"
    /\ tstate[t] = "uninterruptible"
    /\ waitq' = Remove(waitq, t)
    /\ tstate' = [tstate EXCEPT ![t] = "running"]
    /\ full_mask' = [full_mask EXCEPT ![t] = TRUE]
    /\ Goto(t, "alloc")
    /\ UNCHANGED <<curr_nr, free_pages, clean_pages, dirty_pages, held, rounds_left,
                   plugged, snap, saw_empty>>

\* The element goes back to the pool if the pool is short (and wakes waiters), else to
\* the page allocator.  The unlocked read of curr_nr is re-tested under the lock, so the
\* decision is the one the current curr_nr gives, unless free_reads_stale.
ReturnElement(seen) ==
    IF seen < PoolCapacity /\ curr_nr < PoolCapacity
    THEN /\ curr_nr' = curr_nr + 1
         /\ tstate' = WakeUp(tstate)
         /\ UNCHANGED free_pages
    ELSE /\ free_pages' = free_pages + 1
         /\ UNCHANGED <<curr_nr, tstate>>

\* The user gives one element back.
mempool_free(t) ==
    /\ pc[t] = "hold"
    /\ plugged[t] = 0
    /\ ReturnElement(IF free_reads_stale THEN snap[t] ELSE curr_nr)
    /\ held' = [held EXCEPT ![t] = held[t] - 1]
    /\ IF held[t] = 1
       THEN /\ rounds_left' = [rounds_left EXCEPT ![t] = rounds_left[t] - 1]
            /\ Goto(t, IF rounds_left[t] = 1 THEN "done" ELSE "idle")
       ELSE UNCHANGED <<rounds_left, pc>>
    /\ UNCHANGED <<clean_pages, dirty_pages, waitq, full_mask, plugged, snap, saw_empty>>

\* gfp_nowait_keeps_io: once mempool_alloc has returned, the plugged writeback bio is
\* submitted and completes: its element goes back, and the page is clean.
bio_endio(t) ==
    /\ pc[t] = "hold"
    /\ plugged[t] > 0
    /\ ReturnElement(curr_nr)
    /\ plugged' = [plugged EXCEPT ![t] = 0]
    /\ clean_pages' = clean_pages + 1
    /\ UNCHANGED <<dirty_pages, waitq, pc, held, rounds_left, full_mask, snap, saw_empty>>

\* The irq caller copes with NULL and goes on.
return_null(t) ==
    /\ pc[t] = "got_null"
    /\ rounds_left' = [rounds_left EXCEPT ![t] = rounds_left[t] - 1]
    /\ Goto(t, IF rounds_left[t] = 1 THEN "done" ELSE "idle")
    /\ UNCHANGED <<curr_nr, free_pages, clean_pages, dirty_pages, waitq, held, full_mask,
                   plugged, snap, tstate, saw_empty>>

\* Every task has made all its requests: the run is over (not a deadlock).
Terminated ==
    /\ \A t \in Tasks : pc[t] = "done"
    /\ UNCHANGED vars

-----------------------------------------------------------------------------
Init ==
    /\ curr_nr = PoolCapacity
    /\ free_pages = init_free_pages + emergency_pages
    /\ clean_pages = init_clean_pages
    /\ dirty_pages = init_dirty_pages
    /\ waitq = <<>>
    /\ pc = [t \in Tasks |-> "idle"]
    /\ held = [t \in Tasks |-> 0]
    /\ rounds_left = [t \in Tasks |-> rounds]
    /\ full_mask = [t \in Tasks |-> FALSE]
    /\ plugged = [t \in Tasks |-> 0]
    /\ snap = [t \in Tasks |-> 0]
    /\ tstate = [t \in Tasks |-> "running"]
    /\ saw_empty = [t \in Tasks |-> FALSE]

\* Everything a task does once it has called mempool_alloc, and mempool_free: weakly fair.
\* Not fair: starting a request (a task may stay idle) and the pool-wait timeout.
TaskProgress(t) ==
    \/ pool_alloc(t) \/ remove_element(t) \/ remove_unlocked(t) \/ run_task_queue(t) \/ add_wait_queue(t)
    \/ schedule(t) \/ finish_wait(t) \/ mempool_free(t) \/ bio_endio(t) \/ return_null(t)

Next ==
    \/ \E t \in Tasks : mempool_alloc(t) \/ io_schedule_timeout(t) \/ TaskProgress(t)
    \/ Terminated

Spec == Init /\ [][Next]_vars /\ \A t \in Tasks : WF_vars(TaskProgress(t))

-----------------------------------------------------------------------------
(* Invariants (PROTOCOLS.md section 1) *)

TypeOK ==
    /\ curr_nr + 1 \in 0..PoolCapacity + 2   \* one past either end: CurrNrBounds reports it
    /\ free_pages \in Nat /\ clean_pages \in Nat /\ dirty_pages \in Nat
    /\ Range(waitq) \subseteq procs
    /\ pc \in [Tasks -> PCs]
    /\ held \in [Tasks -> 0..request_elements]
    /\ rounds_left \in [Tasks -> 0..rounds]
    /\ full_mask \in [Tasks -> BOOLEAN]
    /\ plugged \in [Tasks -> 0..1]
    /\ snap \in [Tasks -> Nat]
    /\ tstate \in [Tasks -> {"running", "uninterruptible"}]
    /\ saw_empty \in [Tasks -> BOOLEAN]

\* 0 <= curr_nr <= min_nr (max(1, min_nr) with the 2025 refill)
CurrNrBounds == curr_nr >= 0 /\ curr_nr <= PoolCapacity

\* Conservation: the pool's elements are in the pool or in users' hands (a plugged bio
\* is a user too), so the pool can always be refilled to min_nr.  Elements are counted,
\* so none can be held twice.
Conservation == curr_nr + SumOver(held, Tasks) + SumOver(plugged, Tasks) >= PoolCapacity

\* An atomic caller gets NULL only if it saw curr_nr = 0 under the lock.
AtomicNullOnlyIfEmpty == \A t \in Tasks : pc[t] = "got_null" => saw_empty[t]

\* A caller that may block never gets NULL.
BlockingNeverNull == \A t \in procs : pc[t] # "got_null"

\* Pool users never dip into the system's emergency reserve (the only allocations in
\* this model are the pool's, so free memory below the watermark means they did).
NoReserveDip == free_pages >= emergency_pages

\* No task sleeps on the pool while holding an element of that same pool (bulk requests
\* wait holding none).
NoHoldAndWait == \A t \in Tasks : pc[t] \in SleepPCs => held[t] + plugged[t] = 0

(* Liveness: every mempool_alloc returns, under the fairness in Spec. *)
AllocReturns == \A t \in Tasks : InAlloc(t) ~> ~InAlloc(t)

\* Tasks of the same context are interchangeable (sound for invariants, not liveness).
TaskSymmetry == Permutations(procs) \cup Permutations(irqs)
=============================================================================
