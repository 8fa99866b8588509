---- MODULE Printing ----
\* Print output appears between the -tool messages as plain text.
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == x' = x + 1 /\ x < 2 /\ Print(<<"at", x>>, TRUE)
====
