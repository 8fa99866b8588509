---- MODULE Memory ----
\* The initial state holds one enormous function: exhausts a small heap at once.
EXTENDS Naturals
VARIABLE s
Init == s = [i \in 1..20000000 |-> i]
Next == UNCHANGED s
====
