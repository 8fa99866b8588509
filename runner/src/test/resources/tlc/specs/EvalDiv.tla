---- MODULE EvalDiv ----
\* An evaluation error with its own message code (2179).
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = x \div 0
====
