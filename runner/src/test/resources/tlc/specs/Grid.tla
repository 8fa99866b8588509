---- MODULE Grid ----
\* 361,201 states: a second or two of work, long enough for two checks to overlap.
EXTENDS Naturals
VARIABLES a, b
Init == a = 0 /\ b = 0
Next == \/ a < 600 /\ a' = a + 1 /\ UNCHANGED b
        \/ b < 600 /\ b' = b + 1 /\ UNCHANGED a
====
