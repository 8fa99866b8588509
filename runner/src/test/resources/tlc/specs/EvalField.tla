---- MODULE EvalField ----
\* An evaluation error in the next-state action: TLC reports it as an "unexpected exception" (1000).
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = [a |-> 1].b
====
