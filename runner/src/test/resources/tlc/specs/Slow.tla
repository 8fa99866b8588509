---- MODULE Slow ----
\* 400 million states: any check runs far longer than a test's timeout.
EXTENDS Naturals
VARIABLES a, b
Init == a = 0 /\ b = 0
Next == \/ a < 20000 /\ a' = a + 1 /\ UNCHANGED b
        \/ b < 20000 /\ b' = b + 1 /\ UNCHANGED a
====
