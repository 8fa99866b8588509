---- MODULE Stutter ----
\* Without fairness the behaviour may stop at x = 0 for ever: the counterexample ends in stuttering.
EXTENDS Naturals
VARIABLE x
Init == x = 0
step == x' = (x + 1) % 3
Spec == Init /\ [][step]_x
Done == <>(x = 2)
====
