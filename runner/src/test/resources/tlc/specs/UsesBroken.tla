---- MODULE UsesBroken ----
\* The error is in the extended sibling module, not in this one.
EXTENDS Naturals, BrokenHelper
VARIABLE x
Init == x = 0
Next == x' = Twice(x)
====
