---- MODULE SafeProp ----
\* Safety properties under PROPERTIES: TLC checks []P as an invariant and [][A]_v as an action property.
EXTENDS Naturals
VARIABLE x
Init == x = 0
step == x' = (x + 1) % 3
Spec == Init /\ [][step]_x /\ WF_x(step)
Bounded == [](x < 2)
Steps == [][x' > x]_x
====
