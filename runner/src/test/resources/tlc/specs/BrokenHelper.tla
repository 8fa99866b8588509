---- MODULE BrokenHelper ----
EXTENDS Naturals
Twice(n) == n +* 2
====
