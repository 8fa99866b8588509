---- MODULE Values ----
\* Rich values in a counterexample: functions over model values, records, sequences, strings, sets.
EXTENDS Integers, Sequences
CONSTANTS p1, p2, p3, Procs
VARIABLES waiting, pool, log, state, big, flags
Init == /\ waiting = [p \in Procs |-> 0]
        /\ pool = [curr_nr |-> 2, min_nr |-> 2, elements |-> <<"e1", "e2">>, owners |-> {}]
        /\ log = <<>>
        /\ state = "idle"
        /\ big = -2000000000
        /\ flags = {TRUE, FALSE}
mempool_alloc(p) ==
        /\ pool.curr_nr > 0
        /\ waiting' = [waiting EXCEPT ![p] = @ + 1]
        /\ pool' = [pool EXCEPT !.curr_nr = @ - 1, !.elements = Tail(@), !.owners = @ \cup {p}]
        /\ log' = Append(log, [who |-> p, what |-> "alloc \"quoted\"", seq |-> <<1, <<2, {}>>>>])
        /\ state' = "running a very long state name that will make TLC wrap the line somewhere"
        /\ big' = big - 1
        /\ flags' = {}
Next == \E p \in Procs : mempool_alloc(p)
NotEmpty == pool.curr_nr > 0
====
