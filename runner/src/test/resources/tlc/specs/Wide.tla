---- MODULE Wide ----
\* Values too wide for one line: TLC breaks them over several lines.
EXTENDS Naturals
VARIABLES f, s, r
Init == /\ f = [i \in 1..12 |-> [a |-> i, b |-> {i, i + 1}, name |-> "element number"]]
        /\ s = {<<i, "abcdefghijklmnop">> : i \in 1..15}
        /\ r = [i \in {"alpha", "beta", "gamma"} |-> i]
Next == UNCHANGED <<f, s, r>>
Inv == r["alpha"] = "beta"
====
