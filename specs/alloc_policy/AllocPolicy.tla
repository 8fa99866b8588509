---------------------------- MODULE AllocPolicy ----------------------------
(* Allocation-failure policy (PROTOCOLS.md section 4; seeds 000, 001, 002): who may fail, who may  *)
(* wait, who may dip into the reserve and who gets killed.  Two allocating tasks: task 1 with the   *)
(* catalog's gfp class (NOFAIL, PF_MEMALLOC, a no-reclaim scope), task 2 a plain GFP_KERNEL caller  *)
(* that owns victim_pages and is the task the OOM killer picks.  With victim_needs_lock both take   *)
(* lock L around their allocation, so the victim either holds L while task 1 waits for it, or waits *)
(* for L (mutex_lock: uninterruptible, it cannot exit) while task 1 loops in the allocator holding  *)
(* it: the too-small-to-fail lock cycle, which only the oom_reaper (freeing the victim's memory     *)
(* without the victim running) breaks.  kswapd, writeback that needs writeback_allocs pages before  *)
(* a dirty page is clean.  Abstraction: free memory is a page count; a caller may take a page iff   *)
(* free > its level (min_wmark for ordinary callers, atomic_band for PF_MEMALLOC, 0 for GFP_ATOMIC):*)
(* the pages 1..atomic_band are the band ALLOC_HARDER/ALLOC_HIGH give atomic callers.  Each task    *)
(* allocates one page; every catalog entry is a setting of these CONSTANTS.                         *)
EXTENDS Naturals

CONSTANTS
  gfp,                 \* "GFP_ATOMIC" | "GFP_NOFS" | "GFP_KERNEL": task 1's class
  nofail,              \* task 1's allocation has __GFP_NOFAIL
  pf_memalloc,         \* task 1 is a reclaimer (PF_MEMALLOC): it cannot reclaim
  noreclaim_scope,     \* task 1's allocation runs inside a PF_MEMALLOC_NORECLAIM scope
  min_wmark, atomic_band, init_free, clean_pages, dirty_pages, writeback_allocs,
  victim_pages,        \* task 2's pages; 0: no killable task
  victim_needs_lock,   \* both tasks take lock L around their allocation
  victim_stuck,        \* task 2 is blocked (D state) on something outside the model once killed
  \* rule flags: the policy axes
  gfp_kernel_may_fail,            \* GFP_KERNEL fails when reclaim and the OOM killer cannot help
  oom_for_nofs,                   \* out_of_memory may run for GFP_NOFS
  oom_reaper,                     \* the oom_reaper frees a killed victim's memory
  nofail_reserve,                 \* "none" | "min" | "all": how deep NOFAIL may dip
  nofail_forces_oom,              \* NOFAIL overrides the rules that forbid the OOM killer (82553a937f12)
  nofail_atomic_blocks,           \* GFP_ATOMIC|__GFP_NOFAIL is treated as a blocking allocation
  noreclaim_scope_honours_nofail, \* a no-reclaim scope does not strip direct reclaim from NOFAIL
  oom_waits_for_dirty,            \* the OOM killer waits while dirty page cache is under writeback
  writeback_reserve               \* writeback's allocations are PF_MEMALLOC (may go below min)

ASSUME gfp \in {"GFP_ATOMIC", "GFP_NOFS", "GFP_KERNEL"}
ASSUME nofail_reserve \in {"none", "min", "all"}
ASSUME atomic_band <= min_wmark /\ writeback_allocs >= 1

VARIABLES free, clean, dirty, wb, pc, lock, victim, bandTaken, illegalOom, killedReclaimable
vars == <<free, clean, dirty, wb, pc, lock, victim, bandTaken, illegalOom, killedReclaimable>>

Tasks == 1..2
Done == {"got", "null", "exited"}      \* a task that has returned (or exited, killed)

\* Task 1 has the catalog's gfp class; task 2, the OOM victim, is a plain GFP_KERNEL caller.
Gfp(t) == IF t = 1 THEN gfp ELSE "GFP_KERNEL"
Nofail(t) == t = 1 /\ nofail
PfMemalloc(t) == t = 1 /\ pf_memalloc
Scope(t) == t = 1 /\ noreclaim_scope

\* The effective context: may the allocation sleep, and may it reclaim?
Blocking(t) == IF Nofail(t) /\ Gfp(t) = "GFP_ATOMIC" THEN nofail_atomic_blocks
               ELSE IF Scope(t) THEN Nofail(t) /\ noreclaim_scope_honours_nofail
               ELSE Gfp(t) # "GFP_ATOMIC"
CanReclaim(t) == Blocking(t) /\ ~PfMemalloc(t)
Atomic(t) == Gfp(t) = "GFP_ATOMIC" /\ ~Nofail(t)
Level(t) == IF Atomic(t) THEN 0
            ELSE IF Nofail(t) THEN (CASE nofail_reserve = "none" -> min_wmark
                                      [] nofail_reserve = "min" -> atomic_band
                                      [] nofail_reserve = "all" -> 0)
            ELSE IF PfMemalloc(t) THEN atomic_band ELSE min_wmark
MayFail(t) == ~Nofail(t) /\ (Gfp(t) # "GFP_KERNEL" \/ gfp_kernel_may_fail)
OomAllowed(t) == Gfp(t) = "GFP_KERNEL" \/ (Gfp(t) = "GFP_NOFS" /\ oom_for_nofs)
OomHere(t) == OomAllowed(t) \/ (Nofail(t) /\ nofail_forces_oom)
Progress(t) == clean > 0 \/ free > Level(t)

\* Task t moves to newpc; returning (a page or NULL) drops the lock it holds.
Goto(t, newpc) == /\ pc' = [pc EXCEPT ![t] = newpc]
                  /\ lock' = IF newpc \in Done /\ lock = t THEN 0 ELSE lock

Init == /\ free = init_free /\ clean = clean_pages /\ dirty = dirty_pages /\ wb = 0
        /\ pc = [t \in Tasks |-> IF victim_needs_lock THEN "lock" ELSE "fast"] /\ lock = 0
        /\ victim = IF victim_pages > 0 THEN "alive" ELSE "none"
        /\ bandTaken = FALSE /\ illegalOom = FALSE /\ killedReclaimable = FALSE

\* Lock L, taken before the allocation (victim_needs_lock): uninterruptible, a killed task
\* waiting here cannot exit.
mutex_lock(t) ==
  /\ pc[t] = "lock" /\ lock = 0
  /\ pc' = [pc EXCEPT ![t] = "fast"] /\ lock' = t
  /\ UNCHANGED <<free, clean, dirty, wb, victim, bandTaken, illegalOom, killedReclaimable>>

\* Take a page if the caller's level allows; the band below atomic_band is for atomic callers.
get_page_from_freelist(t) ==
  /\ pc[t] = "fast"
  /\ IF free > Level(t)
     THEN /\ free' = free - 1 /\ Goto(t, "got")
          /\ bandTaken' = (bandTaken \/ (free <= atomic_band /\ ~Atomic(t)))
     ELSE /\ pc' = [pc EXCEPT ![t] = "reclaim"] /\ UNCHANGED <<free, lock, bandTaken>>
  /\ UNCHANGED <<clean, dirty, wb, victim, illegalOom, killedReclaimable>>

\* No direct reclaim: fail, except a blocking NOFAIL, which can only loop (nofail_in_reclaim);
\* a non-blocking NOFAIL fails like any atomic caller (nofail_nonblocking_null).
alloc_fail_noreclaim(t) ==
  /\ pc[t] = "reclaim" /\ ~CanReclaim(t)
  /\ Goto(t, IF Nofail(t) /\ Blocking(t) THEN "fast" ELSE "null")
  /\ UNCHANGED <<free, clean, dirty, wb, victim, bandTaken, illegalOom, killedReclaimable>>

try_to_free_pages(t) ==
  /\ pc[t] = "reclaim" /\ CanReclaim(t)
  /\ IF clean > 0 THEN clean' = clean - 1 /\ free' = free + 1 /\ pc' = [pc EXCEPT ![t] = "fast"]
     ELSE pc' = [pc EXCEPT ![t] = "oom"] /\ UNCHANGED <<clean, free>>
  /\ UNCHANGED <<dirty, wb, lock, victim, bandTaken, illegalOom, killedReclaimable>>

\* should_reclaim_retry: kswapd, writeback or an exit made progress.
reclaim_retry(t) ==
  /\ pc[t] = "oom" /\ Progress(t) /\ pc' = [pc EXCEPT ![t] = "fast"]
  /\ UNCHANGED <<free, clean, dirty, wb, lock, victim, bandTaken, illegalOom, killedReclaimable>>

\* out_of_memory kills task 2 (it may be the caller); it never kills while a victim is pending.
out_of_memory(t) ==
  /\ pc[t] = "oom" /\ ~Progress(t) /\ OomHere(t) /\ ~(oom_waits_for_dirty /\ dirty > 0)
  /\ victim = "alive"
  /\ victim' = "killed"
  /\ illegalOom' = (illegalOom \/ ~OomAllowed(t))
  /\ killedReclaimable' = (killedReclaimable \/ clean > 0 \/ dirty > 0)
  /\ UNCHANGED <<free, clean, dirty, wb, pc, lock, bandTaken>>

\* A caller that may fail gives up when reclaim made no progress and killing cannot help any
\* more: nobody is left to kill, or the victim is already killed (it does not wait for it, as a
\* too-small-to-fail caller must: the seed 001 question).
alloc_fail(t) ==
  /\ pc[t] = "oom" /\ ~Progress(t) /\ MayFail(t)
  /\ (~OomHere(t) \/ victim # "alive")
  /\ ~(dirty > 0 /\ oom_waits_for_dirty)
  /\ Goto(t, "null")
  /\ UNCHANGED <<free, clean, dirty, wb, victim, bandTaken, illegalOom, killedReclaimable>>

\* The killed task 2 exits wherever it is (its allocation gives up) and drops lock L, unless it
\* is stuck outside the model or waits in mutex_lock (too_small_to_fail_lock_cycle).  Its pages
\* come back unless the oom_reaper has freed them already, and so does the page it got.
exit_mm ==
  /\ victim \in {"killed", "reaped"} /\ ~victim_stuck /\ pc[2] # "lock"
  /\ victim' = "exited" /\ Goto(2, "exited")
  /\ free' = free + (IF victim = "killed" THEN victim_pages ELSE 0) + (IF pc[2] = "got" THEN 1 ELSE 0)
  /\ UNCHANGED <<clean, dirty, wb, bandTaken, illegalOom, killedReclaimable>>

\* The oom_reaper frees a killed victim's memory without the victim running (aac453635549).
oom_reap ==
  /\ oom_reaper /\ victim = "killed"
  /\ victim' = "reaped" /\ free' = free + victim_pages
  /\ UNCHANGED <<clean, dirty, wb, pc, lock, bandTaken, illegalOom, killedReclaimable>>

kswapd_reclaim ==
  /\ free <= min_wmark /\ clean > 0
  /\ clean' = clean - 1 /\ free' = free + 1
  /\ UNCHANGED <<dirty, wb, pc, lock, victim, bandTaken, illegalOom, killedReclaimable>>

\* Writeback of one dirty page needs writeback_allocs pages first (seed 000).
writeback_alloc ==
  /\ dirty > 0 /\ wb < writeback_allocs
  /\ free > (IF writeback_reserve THEN atomic_band ELSE min_wmark)
  /\ free' = free - 1 /\ wb' = wb + 1
  /\ bandTaken' = (bandTaken \/ free <= atomic_band)
  /\ UNCHANGED <<clean, dirty, pc, lock, victim, illegalOom, killedReclaimable>>

writeback_done ==
  /\ dirty > 0 /\ wb = writeback_allocs
  /\ dirty' = dirty - 1 /\ clean' = clean + 1 /\ free' = free + wb /\ wb' = 0
  /\ UNCHANGED <<pc, lock, victim, bandTaken, illegalOom, killedReclaimable>>

Terminated == (\A t \in Tasks : pc[t] \in Done) /\ UNCHANGED vars

Next == \/ \E t \in Tasks : \/ mutex_lock(t) \/ get_page_from_freelist(t)
                            \/ alloc_fail_noreclaim(t) \/ try_to_free_pages(t)
                            \/ reclaim_retry(t) \/ out_of_memory(t) \/ alloc_fail(t)
        \/ exit_mm \/ oom_reap \/ kswapd_reclaim \/ writeback_alloc \/ writeback_done
        \/ Terminated

\* Weak fairness on every step of every task: the allocators, kswapd, writeback, the victim's
\* exit and the reaper all run when they can.
Spec == Init /\ [][Next]_vars
        /\ \A t \in Tasks : /\ WF_vars(mutex_lock(t)) /\ WF_vars(get_page_from_freelist(t))
                            /\ WF_vars(alloc_fail_noreclaim(t)) /\ WF_vars(try_to_free_pages(t))
                            /\ WF_vars(reclaim_retry(t)) /\ WF_vars(out_of_memory(t))
                            /\ WF_vars(alloc_fail(t))
        /\ WF_vars(exit_mm) /\ WF_vars(oom_reap)
        /\ WF_vars(kswapd_reclaim) /\ WF_vars(writeback_alloc) /\ WF_vars(writeback_done)

TypeOK == /\ free \in Nat /\ clean \in Nat /\ dirty \in Nat /\ wb \in 0..writeback_allocs
          /\ pc \in [Tasks -> {"lock", "fast", "reclaim", "oom", "got", "null", "exited"}]
          /\ lock \in 0..2
          /\ victim \in {"none", "alive", "killed", "exited", "reaped"}
          /\ bandTaken \in BOOLEAN /\ illegalOom \in BOOLEAN /\ killedReclaimable \in BOOLEAN
NofailNeverNull == nofail => pc[1] # "null"
NofailMayBlock == (nofail /\ pc[1] = "oom") => Blocking(1)
AtomicBandKept == ~bandTaken
OomOnlyWhereAllowed == ~illegalOom
NoKillWhileReclaimable == ~killedReclaimable

VictimGone == victim = "killed" ~> victim \in {"exited", "reaped"}
AllocTerminates == \A t \in Tasks : ~Nofail(t) => <>(pc[t] \in Done)
\* Without NOFAIL it asks only that task 1 return: a constant TRUE would be a tautology, which TLC
\* refuses when the property is checked on its own (check --per-property, the policy table).
NofailSucceeds == <>(IF nofail THEN pc[1] = "got" ELSE pc[1] \in Done)
=============================================================================
