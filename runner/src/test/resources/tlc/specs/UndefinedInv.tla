---- MODULE UndefinedInv ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Incr == x < 5 /\ x' = x + 1
Next == Incr
CurrNrBounds == x < 3
====
