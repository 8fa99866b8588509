---- MODULE TwoProps ----
\* Two temporal properties, one violated: TLC 2.18 does not say which.
EXTENDS Naturals
VARIABLE x
Init == x = 0
step == x' = (x + 1) % 3
Spec == Init /\ [][step]_x
Bounded == [](x < 3)
Done == <>(x = 2)
====
