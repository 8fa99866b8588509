---------------------------- MODULE AllocPolicy ----------------------------
(* Allocation-failure policy (PROTOCOLS.md section 4; seeds 000, 001, 002): who may fail, who may  *)
(* wait, who may dip into the reserve and who gets killed.  One allocating task (its gfp class,     *)
(* NOFAIL, PF_MEMALLOC, the lock it holds), kswapd with writeback that needs writeback_allocs pages *)
(* before a dirty page is clean, one OOM victim, the oom_reaper.  Abstraction: free memory is a     *)
(* page count; a caller may take a page iff free > its level (min_wmark for ordinary callers,       *)
(* atomic_band for PF_MEMALLOC, 0 for GFP_ATOMIC): the pages 1..atomic_band are the band            *)
(* ALLOC_HARDER/ALLOC_HIGH give atomic callers.  One allocation of one page keeps the graph small;  *)
(* every catalog entry is a setting of these CONSTANTS.                                             *)
EXTENDS Naturals

CONSTANTS
  gfp,                 \* "GFP_ATOMIC" | "GFP_NOFS" | "GFP_KERNEL": the allocating task's class
  nofail,              \* __GFP_NOFAIL
  pf_memalloc,         \* the allocating task is a reclaimer (PF_MEMALLOC): it cannot reclaim
  noreclaim_scope,     \* the allocation runs inside a PF_MEMALLOC_NORECLAIM scope
  min_wmark, atomic_band, init_free, clean_pages, dirty_pages, writeback_allocs,
  victim_pages,        \* 0: no killable task
  victim_needs_lock,   \* the victim must take the lock the allocating task holds to exit
  victim_stuck,        \* the victim is blocked (D state) on something outside the model
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

VARIABLES free, clean, dirty, wb, apc, victim, bandTaken, illegalOom, killedReclaimable
vars == <<free, clean, dirty, wb, apc, victim, bandTaken, illegalOom, killedReclaimable>>

\* The effective context: may the allocation sleep, and may it reclaim?
Blocking == IF nofail /\ gfp = "GFP_ATOMIC" THEN nofail_atomic_blocks
            ELSE IF noreclaim_scope THEN nofail /\ noreclaim_scope_honours_nofail
            ELSE gfp # "GFP_ATOMIC"
CanReclaim == Blocking /\ ~pf_memalloc
Atomic == gfp = "GFP_ATOMIC" /\ ~nofail
Level == IF Atomic THEN 0
         ELSE IF nofail THEN (CASE nofail_reserve = "none" -> min_wmark
                                [] nofail_reserve = "min" -> atomic_band
                                [] nofail_reserve = "all" -> 0)
         ELSE IF pf_memalloc THEN atomic_band ELSE min_wmark
MayFail == ~nofail /\ (gfp # "GFP_KERNEL" \/ gfp_kernel_may_fail)
OomAllowed == gfp = "GFP_KERNEL" \/ (gfp = "GFP_NOFS" /\ oom_for_nofs)
OomHere == OomAllowed \/ (nofail /\ nofail_forces_oom)
Progress == clean > 0 \/ free > Level
Held == apc \notin {"got", "null"}     \* the allocating task holds its lock until it returns

Init == /\ free = init_free /\ clean = clean_pages /\ dirty = dirty_pages /\ wb = 0
        /\ apc = "fast" /\ victim = IF victim_pages > 0 THEN "alive" ELSE "none"
        /\ bandTaken = FALSE /\ illegalOom = FALSE /\ killedReclaimable = FALSE

\* Take a page if the caller's level allows; the band below atomic_band is for atomic callers.
get_page_from_freelist ==
  /\ apc = "fast"
  /\ IF free > Level
     THEN /\ free' = free - 1 /\ apc' = "got"
          /\ bandTaken' = (bandTaken \/ (free <= atomic_band /\ ~Atomic))
     ELSE apc' = "reclaim" /\ UNCHANGED <<free, bandTaken>>
  /\ UNCHANGED <<clean, dirty, wb, victim, illegalOom, killedReclaimable>>

\* No direct reclaim: fail, except a blocking NOFAIL, which can only loop (nofail_in_reclaim);
\* a non-blocking NOFAIL fails like any atomic caller (nofail_nonblocking_null).
alloc_fail_noreclaim ==
  /\ apc = "reclaim" /\ ~CanReclaim
  /\ apc' = IF nofail /\ Blocking THEN "fast" ELSE "null"
  /\ UNCHANGED <<free, clean, dirty, wb, victim, bandTaken, illegalOom, killedReclaimable>>

try_to_free_pages ==
  /\ apc = "reclaim" /\ CanReclaim
  /\ IF clean > 0 THEN clean' = clean - 1 /\ free' = free + 1 /\ apc' = "fast"
     ELSE apc' = "oom" /\ UNCHANGED <<clean, free>>
  /\ UNCHANGED <<dirty, wb, victim, bandTaken, illegalOom, killedReclaimable>>

\* should_reclaim_retry: kswapd or an exit made progress.
reclaim_retry ==
  /\ apc = "oom" /\ Progress /\ apc' = "fast"
  /\ UNCHANGED <<free, clean, dirty, wb, victim, bandTaken, illegalOom, killedReclaimable>>

\* out_of_memory picks the victim; it never kills while a victim is pending.
out_of_memory ==
  /\ apc = "oom" /\ ~Progress /\ OomHere /\ ~(oom_waits_for_dirty /\ dirty > 0)
  /\ victim = "alive"
  /\ victim' = "killed"
  /\ illegalOom' = (illegalOom \/ ~OomAllowed)
  /\ killedReclaimable' = (killedReclaimable \/ clean > 0 \/ dirty > 0)
  /\ UNCHANGED <<free, clean, dirty, wb, apc, bandTaken>>

\* A caller that may fail gives up when reclaim made no progress and nobody is left to kill.
alloc_fail ==
  /\ apc = "oom" /\ ~Progress /\ MayFail
  /\ (~OomHere \/ victim \in {"none", "exited", "reaped"})
  /\ ~(dirty > 0 /\ oom_waits_for_dirty)
  /\ apc' = "null"
  /\ UNCHANGED <<free, clean, dirty, wb, victim, bandTaken, illegalOom, killedReclaimable>>

exit_mm ==
  /\ victim = "killed" /\ ~victim_stuck /\ ~(victim_needs_lock /\ Held)
  /\ victim' = "exited" /\ free' = free + victim_pages
  /\ UNCHANGED <<clean, dirty, wb, apc, bandTaken, illegalOom, killedReclaimable>>

oom_reap ==
  /\ oom_reaper /\ victim = "killed"
  /\ victim' = "reaped" /\ free' = free + victim_pages
  /\ UNCHANGED <<clean, dirty, wb, apc, bandTaken, illegalOom, killedReclaimable>>

kswapd_reclaim ==
  /\ free <= min_wmark /\ clean > 0
  /\ clean' = clean - 1 /\ free' = free + 1
  /\ UNCHANGED <<dirty, wb, apc, victim, bandTaken, illegalOom, killedReclaimable>>

\* Writeback of one dirty page needs writeback_allocs pages first (seed 000).
writeback_alloc ==
  /\ dirty > 0 /\ wb < writeback_allocs
  /\ free > (IF writeback_reserve THEN atomic_band ELSE min_wmark)
  /\ free' = free - 1 /\ wb' = wb + 1
  /\ bandTaken' = (bandTaken \/ free <= atomic_band)
  /\ UNCHANGED <<clean, dirty, apc, victim, illegalOom, killedReclaimable>>

writeback_done ==
  /\ dirty > 0 /\ wb = writeback_allocs
  /\ dirty' = dirty - 1 /\ clean' = clean + 1 /\ free' = free + wb /\ wb' = 0
  /\ UNCHANGED <<apc, victim, bandTaken, illegalOom, killedReclaimable>>

Terminated == apc \in {"got", "null"} /\ UNCHANGED vars

Next == \/ get_page_from_freelist \/ alloc_fail_noreclaim \/ try_to_free_pages \/ reclaim_retry
        \/ out_of_memory \/ alloc_fail \/ exit_mm \/ oom_reap \/ kswapd_reclaim
        \/ writeback_alloc \/ writeback_done \/ Terminated

\* Weak fairness on every step: the allocator, kswapd, writeback, the victim's exit and the reaper
\* all run when they can.
Spec == Init /\ [][Next]_vars
        /\ WF_vars(get_page_from_freelist) /\ WF_vars(alloc_fail_noreclaim)
        /\ WF_vars(try_to_free_pages) /\ WF_vars(reclaim_retry) /\ WF_vars(out_of_memory)
        /\ WF_vars(alloc_fail) /\ WF_vars(exit_mm) /\ WF_vars(oom_reap)
        /\ WF_vars(kswapd_reclaim) /\ WF_vars(writeback_alloc) /\ WF_vars(writeback_done)

TypeOK == /\ free \in Nat /\ clean \in Nat /\ dirty \in Nat /\ wb \in 0..writeback_allocs
          /\ apc \in {"fast", "reclaim", "oom", "got", "null"}
          /\ victim \in {"none", "alive", "killed", "exited", "reaped"}
          /\ bandTaken \in BOOLEAN /\ illegalOom \in BOOLEAN /\ killedReclaimable \in BOOLEAN
NofailNeverNull == nofail => apc # "null"
NofailMayBlock == (nofail /\ apc = "oom") => Blocking
AtomicBandKept == ~bandTaken
OomOnlyWhereAllowed == ~illegalOom
NoKillWhileReclaimable == ~killedReclaimable

VictimGone == victim = "killed" ~> victim \in {"exited", "reaped"}
AllocTerminates == ~nofail => <>(apc \in {"got", "null"})
NofailSucceeds == nofail => <>(apc = "got")
=============================================================================
