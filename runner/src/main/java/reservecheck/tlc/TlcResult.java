package reservecheck.tlc;

import java.nio.file.Path;
import java.util.List;

/**
 * What one TLC run found.
 *
 * @param verdict        "ok", "deadlock", "invariant:Name", "liveness:Name", "assert",
 *                       "inconclusive:timeout", "inconclusive:out-of-memory", "inconclusive:crash",
 *                       "error:parse" (SANY: missing or unparsable spec, semantic error),
 *                       "error:config" (cfg names an undefined operator, unassigned constant, cfg syntax),
 *                       "error:assumption" (an ASSUME is false: impossible bounds),
 *                       "error:evaluation" (TLC could not evaluate an expression)
 * @param message        one line for a person: what was violated, or what went wrong
 * @param exitCode       the TLC JVM's exit code (-1 if killed)
 * @param distinctStates distinct states found (-1 if unknown)
 * @param statesGenerated states generated (-1 if unknown)
 * @param depth          depth of the state graph, or of the search when it stopped (-1 if unknown)
 * @param seconds        wall-clock seconds of the run
 * @param trace          the counterexample, empty when there is none
 * @param rawOutput      the file holding TLC's whole -tool output
 */
public record TlcResult(String verdict, String message, int exitCode, long distinctStates,
                        long statesGenerated, int depth, double seconds, List<TraceStep> trace,
                        Path rawOutput) {
}
