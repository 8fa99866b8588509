-------------------------------- MODULE Pool --------------------------------
(* CLI test fixture: tasks take an element from a pool and give it back.     *)
EXTENDS Naturals

CONSTANTS min_nr, procs, mode, refill

ASSUME procs # {}

VARIABLES free, held

Init == free = min_nr /\ held = [p \in procs |-> 0]

Take(p) == /\ held[p] = 0
           /\ (free > 0 \/ mode = "broken")
           /\ free' = free - 1
           /\ held' = [held EXCEPT ![p] = 1]

Give(p) == /\ held[p] = 1
           /\ held' = [held EXCEPT ![p] = 0]
           /\ free' = IF refill THEN free + 1 ELSE free

Next == \E p \in procs : Take(p) \/ Give(p)

TypeOK == free \in 0..min_nr /\ held \in [procs -> {0, 1}]
=============================================================================
