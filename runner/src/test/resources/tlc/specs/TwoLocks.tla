---- MODULE TwoLocks ----
\* Two processes take locks a and b in opposite order.
VARIABLES owner, pc
Procs == {"p", "q"}
Init == owner = [l \in {"a", "b"} |-> "none"] /\ pc = [p \in Procs |-> 0]
First(p) == IF p = "p" THEN "a" ELSE "b"
Second(p) == IF p = "p" THEN "b" ELSE "a"
take_first(p) == pc[p] = 0 /\ owner[First(p)] = "none"
   /\ owner' = [owner EXCEPT ![First(p)] = p] /\ pc' = [pc EXCEPT ![p] = 1]
take_second(p) == pc[p] = 1 /\ owner[Second(p)] = "none"
   /\ owner' = [owner EXCEPT ![Second(p)] = p] /\ pc' = [pc EXCEPT ![p] = 2]
release(p) == pc[p] = 2 /\ owner' = [l \in {"a", "b"} |-> IF owner[l] = p THEN "none" ELSE owner[l]]
   /\ pc' = [pc EXCEPT ![p] = 0]
Next == \E p \in Procs : take_first(p) \/ take_second(p) \/ release(p)
====
