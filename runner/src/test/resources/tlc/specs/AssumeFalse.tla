---- MODULE AssumeFalse ----
EXTENDS Naturals
CONSTANTS min_nr, procs
ASSUME procs # {} /\ min_nr >= 1
VARIABLE x
Init == x = min_nr
Next == UNCHANGED x
====
