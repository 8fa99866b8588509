package reservecheck.tlc;

/** A progress report read from TLC's -tool message 2200 (or the final statistics). */
public record TlcProgress(long distinctStates, long statesGenerated, long queued, int depth, double seconds) {
}
