---- MODULE OkHelper ----
EXTENDS Naturals
Inc(n) == n + 1
====
