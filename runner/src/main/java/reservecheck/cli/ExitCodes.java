package reservecheck.cli;

import reservecheck.results.Outcome;
import reservecheck.results.ResultRecord;
import reservecheck.results.Verdicts;

import java.util.Collection;

/**
 * The exit codes of {@code reservecheck}. Scripts and CI branch on them, so each has one meaning.
 *
 * <p>When several apply, the highest-priority one wins. Before anything runs the inputs are checked
 * in the order 4, 3, 5, 6 (a malformed catalog first, because nothing else can be trusted then).
 * After running: 1 if any verdict mismatched, else 5, 6, 7, 8 for the runs that reached no verdict
 * (an impossible bound, a broken model, a crash, a timeout), else 0.
 *
 * <p>The {@code tlc} subcommand, which checks a model outside the catalog, has no expectation to
 * compare with and reports the verdict itself: 0 and 11 to 14, or 5 to 8 for no verdict.
 *
 * <p>The {@code diff} subcommand: 0 no (variant, checker, property) cell flips, 1 a cell flips, 8
 * only cells that reached no verdict on one side differ; bad input as for {@code check}, and 15 for
 * a {@code --a-rev}/{@code --b-rev} git does not know.
 *
 * <p>The {@code trace} subcommands: 0 done (replay: the violation reproduces), 1 the violation does
 * not reproduce, 2 usage (including a missing file), 3 (replay) the trace names a variant the
 * catalog does not have, 9 a malformed trace (also a directory or binary file, and for replay a
 * trace that is not a behaviour of its variant's model).
 */
public final class ExitCodes {

    /** Every verdict matches the catalog (tlc: the model has no error). */
    public static final int OK = 0;
    /** At least one verdict (or recorded state count) differs from the catalog. */
    public static final int MISMATCH = 1;
    /** Usage error: an unknown option, a missing or malformed argument. */
    public static final int USAGE = 2;
    /** An unknown protocol or variant was named. */
    public static final int UNKNOWN_NAME = 3;
    /** The catalog is malformed (or missing): the message names the file and line. */
    public static final int BAD_CATALOG = 4;
    /**
     * Impossible bounds: a {@code --set} value of the wrong type or out of the declared bounds, an
     * unknown parameter, or an ASSUME of the spec that TLC found false.
     */
    public static final int BAD_PARAMETER = 5;
    /** The spec or cfg is missing, or TLC found a parse, semantic, config or evaluation error. */
    public static final int MODEL_ERROR = 6;
    /** A checker crashed (inconclusive:crash): no verdict. */
    public static final int CRASH = 7;
    /** No verdict in time or memory (inconclusive:timeout, inconclusive:out-of-memory), nothing mismatched. */
    public static final int INCONCLUSIVE = 8;
    /**
     * {@code trace} commands: the file is not a well-formed ITF trace (not JSON, against the schema,
     * or inconsistent); the one-line message names the JSON path of the problem.  Distinct from 1,
     * which {@code trace replay} returns for a well-formed trace whose violation does not reproduce.
     */
    public static final int MALFORMED_TRACE = 9;

    /** jpf: no jpf-core build (JPF_HOME unset or without build/RunJPF.jar); the message says how to get one. */
    public static final int TOOL_MISSING = 10;
    /** tlc: TLC found a deadlock. */
    public static final int TLC_DEADLOCK = 11;
    /** tlc: TLC found an invariant violated. */
    public static final int TLC_INVARIANT = 12;
    /** tlc: TLC found a temporal property violated. */
    public static final int TLC_LIVENESS = 13;
    /** tlc: an Assert in the spec failed. */
    public static final int TLC_ASSERT = 14;
    /** diff: a {@code --a-rev}/{@code --b-rev} git does not know (or no git repository at the root). */
    public static final int UNKNOWN_REVISION = 15;
    /** frontier: TLC's verdict at the bounds the explorer's search ended on is not the explorer's. */
    public static final int CHECKERS_DISAGREE = 16;

    private ExitCodes() {
    }

    /** The code for a run that reached no verdict, by its verdict string; 0 for a real verdict. */
    public static int forNoVerdict(String verdict) {
        if (verdict == null) {
            return CRASH;
        }
        if (verdict.equals(Verdicts.ERROR_ASSUMPTION)) {
            return BAD_PARAMETER;
        }
        if (verdict.startsWith("error:")) {
            return MODEL_ERROR;
        }
        if (verdict.equals(Verdicts.CRASH)) {
            return CRASH;
        }
        if (verdict.startsWith("inconclusive:")) {
            return INCONCLUSIVE;
        }
        return OK;
    }

    /** The exit code of {@code check} after the runs, by the priority above. */
    public static int afterRunning(Collection<ResultRecord> records) {
        if (records.stream().anyMatch(r -> r.outcome() == Outcome.MISMATCH)) {
            return MISMATCH;
        }
        int best = OK;
        for (ResultRecord r : records) {
            if (r.outcome() == Outcome.INCONCLUSIVE) {
                int c = forNoVerdict(r.actual());
                if (best == OK || (c != OK && c < best)) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** The code of the {@code tlc} subcommand for a verdict. */
    public static int forTlcVerdict(String verdict) {
        if (verdict == null) {
            return CRASH;
        }
        if (verdict.equals(Verdicts.OK)) {
            return OK;
        }
        if (verdict.equals("deadlock")) {
            return TLC_DEADLOCK;
        }
        if (verdict.startsWith("invariant:")) {
            return TLC_INVARIANT;
        }
        if (verdict.startsWith("liveness:")) {
            return TLC_LIVENESS;
        }
        if (verdict.equals("assert")) {
            return TLC_ASSERT;
        }
        int c = forNoVerdict(verdict);
        return c == OK ? CRASH : c;
    }
}
