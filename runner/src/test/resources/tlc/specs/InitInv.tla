---- MODULE InitInv ----
EXTENDS Naturals
VARIABLE x
Init == x \in {1, 2}
Next == UNCHANGED x
Positive == x > 1
====
