---- MODULE Lasso ----
\* Cycles 0 -> 1 -> 2 -> 1 under weak fairness and never reaches 3: the counterexample is a lasso.
EXTENDS Naturals
VARIABLE x
Init == x = 0
step == x' = IF x = 2 THEN 1 ELSE x + 1
Spec == Init /\ [][step]_x /\ WF_x(step)
AllocReturns == <>(x = 3)
====
