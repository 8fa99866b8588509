---- MODULE EvalError ----
EXTENDS Naturals, Sequences
VARIABLE x
Init == x = <<1, 2>>
Next == x' = Tail(x)
Inv == Head(x) > 0
====
