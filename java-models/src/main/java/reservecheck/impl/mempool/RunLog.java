package reservecheck.impl.mempool;

/**
 * The event log of a run that a checker found failing, with the verdict, as plain text: what
 * the implementation checkers hand to the traces module, which turns it into an ITF trace by
 * replaying its steps on the reference model (java-models cannot depend on traces).
 *
 * <pre>
 * verdict invariant:Conservation
 * end fail
 * tasks p1
 * init curr_nr=1 ...
 * mempool_alloc p1 pc=[4] ...
 * </pre>
 *
 * {@code end} is {@code fail} (a task failed: the last event is the step that broke the
 * invariant) or {@code hang} (every unfinished task sleeps with nobody to wake it: the state
 * after the last event is the one the run stays in).  The rest is {@link EventLog#toText}.
 * MempoolLincheckTest writes it to {@code results/traces/lincheck/<variant>.log}; the harness's
 * main prints it between {@link #BEGIN} and {@link #END} when it records (JPF's re-run of a
 * failing harness, see reservecheck.cli.JpfCommand), and {@link #lastIn} finds the last such
 * block in a program's output.  Plain Java: the harness runs this under JPF.
 */
public final class RunLog {
    public static final String BEGIN = "--- reservecheck event log ---";
    public static final String END = "--- end of event log ---";
    public static final String FAIL = "fail";
    public static final String HANG = "hang";

    private final String verdict;
    private final String end;
    private final EventLog log;

    public RunLog(String verdict, String end, EventLog log) {
        if (!FAIL.equals(end) && !HANG.equals(end)) {
            throw new IllegalArgumentException("a run ends with " + FAIL + " or " + HANG + ", not " + end);
        }
        this.verdict = verdict;
        this.end = end;
        this.log = log;
    }

    /** The verdict in the catalog's vocabulary (deadlock, invariant:X, liveness:AllocReturns). */
    public String verdict() {
        return verdict;
    }

    /** {@link #FAIL} or {@link #HANG}. */
    public String end() {
        return end;
    }

    public boolean hung() {
        return HANG.equals(end);
    }

    public EventLog log() {
        return log;
    }

    public String toText() {
        return "verdict " + verdict + "\nend " + end + "\n" + log.toText();
    }

    /**
     * Reads {@link #toText}'s form.
     *
     * @throws IllegalArgumentException one line: what is wrong and where
     */
    public static RunLog parse(String text) {
        String t = text.replace("\r\n", "\n");
        int nl1 = t.indexOf('\n');
        int nl2 = nl1 < 0 ? -1 : t.indexOf('\n', nl1 + 1);
        if (nl2 < 0) {
            throw new IllegalArgumentException("not a run log: it must start with a verdict and an end line");
        }
        String first = t.substring(0, nl1).trim();
        String second = t.substring(nl1 + 1, nl2).trim();
        if (!first.startsWith("verdict ") || !second.startsWith("end ")) {
            throw new IllegalArgumentException("not a run log: it must start with a verdict and an end line, not: "
                    + first);
        }
        String verdict = first.substring("verdict ".length()).trim();
        String end = second.substring("end ".length()).trim();
        if (verdict.isEmpty()) {
            throw new IllegalArgumentException("line 1: no verdict");
        }
        if (!FAIL.equals(end) && !HANG.equals(end)) {
            throw new IllegalArgumentException("line 2: end must be " + FAIL + " or " + HANG + ", not " + end);
        }
        EventLog log;
        try {
            log = EventLog.parse(t.substring(nl2 + 1));
        } catch (IllegalArgumentException e) {
            // EventLog counts its own lines from 1; a run log's are two further down
            String m = e.getMessage();
            if (m.startsWith("line ") && m.indexOf(':') > 5) {
                int colon = m.indexOf(':');
                m = "line " + (Integer.parseInt(m.substring(5, colon)) + 2) + m.substring(colon);
            }
            throw new IllegalArgumentException(m, e);
        }
        return new RunLog(verdict, end, log);
    }

    /** The last block between {@link #BEGIN} and {@link #END} in a program's output, or null. */
    public static RunLog lastIn(String output) {
        String out = output.replace("\r\n", "\n");
        int b = out.lastIndexOf(BEGIN + "\n");
        if (b < 0) {
            return null;
        }
        int from = b + BEGIN.length() + 1;
        int e = out.indexOf(END, from);
        if (e < 0) {
            throw new IllegalArgumentException("the last event log in the output has no " + END + " line");
        }
        return parse(out.substring(from, e));
    }

    /** The block {@link #lastIn} reads. */
    public String toBlock() {
        return BEGIN + "\n" + toText() + END + "\n";
    }
}
