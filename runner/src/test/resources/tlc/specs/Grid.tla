---- MODULE Grid ----
\* 90,601 states: a second or so of work, long enough for two checks to overlap.
EXTENDS Naturals
VARIABLES a, b
Init == a = 0 /\ b = 0
Next == \/ a < 300 /\ a' = a + 1 /\ UNCHANGED b
        \/ b < 300 /\ b' = b + 1 /\ UNCHANGED a
====
