---- MODULE LexError ----
EXTENDS Naturals
VARIABLE x
Init == x = "unterminated
Next == x' = x
====
