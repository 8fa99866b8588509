---- MODULE Ok ----
\* A counter modulo 3 with a helper from a sibling module: checks that EXTENDS resolves.
EXTENDS Naturals, OkHelper
VARIABLE x
Init == x = 0
Next == x' = Inc(x) % 3
Spec == Init /\ [][Next]_x /\ WF_x(Next)
TypeOK == x \in 0..2
ReachesTwo == <>(x = 2)
====
