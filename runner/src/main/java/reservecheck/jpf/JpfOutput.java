package reservecheck.jpf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what Java PathFinder printed.  JPF always exits 0, so the verdict comes from its report:
 * the {@code results} section says {@code no errors detected} or {@code error #1: <property>},
 * and the {@code error 1} section gives the property class and, for an uncaught exception, the
 * exception's full message (the results line truncates it).  The harnesses throw an
 * AssertionError whose message is the verdict itself ("invariant:Conservation",
 * "liveness:AllocReturns", "deadlock"), so a harness's finding reads back unchanged;
 * NotDeadlockedProperty is a deadlock of the threads JPF runs.
 *
 * @param verdict        the verdict string, "inconclusive:crash" when no results section was printed
 * @param message        one line for people
 * @param distinctStates JPF's new states, -1 if not printed
 */
public record JpfOutput(String verdict, String message, long distinctStates) {

    private static final Pattern STATES = Pattern.compile("(?m)^states:\\s+new=(\\d+)");
    /** The statistics line's count of search constraints hit (depth limit, memory limit, ...). */
    private static final Pattern CONSTRAINTS = Pattern.compile("(?m)^search:\\s+.*constraints=(\\d+)");
    private static final Pattern VERDICT = Pattern.compile("^(ok|deadlock|assert|invariant:\\w+|liveness:\\w+)$");

    public static JpfOutput parse(String out) {
        Matcher sm = STATES.matcher(out);
        long states = sm.find() ? Long.parseLong(sm.group(1)) : -1;
        int results = out.indexOf("= results");
        if (results < 0) {
            if (out.contains("java.lang.OutOfMemoryError")) {
                return new JpfOutput("inconclusive:out-of-memory", "JPF ran out of memory: " + lastLine(out), states);
            }
            return new JpfOutput("inconclusive:crash", "JPF printed no results: " + lastLine(out), states);
        }
        String after = out.substring(out.indexOf('\n', results) + 1);
        if (after.startsWith("no errors detected")) {
            // "no errors detected" only says that the states JPF visited had none.  A search that
            // hit a constraint (search.depth_limit, search.min_free, a listener's budget) left
            // states unvisited, so it proves nothing: inconclusive, never ok.
            Matcher cm = CONSTRAINTS.matcher(out);
            long constraints = cm.find() ? Long.parseLong(cm.group(1)) : 0;
            if (constraints > 0) {
                boolean memory = out.contains("memory limit reached") || out.contains("java.lang.OutOfMemoryError");
                return new JpfOutput(memory ? "inconclusive:out-of-memory" : "inconclusive:search-limit",
                        "JPF's search was cut short (" + constraints + " search constraint"
                                + (constraints == 1 ? "" : "s") + " hit): no errors in the states it visited", states);
            }
            return new JpfOutput("ok", "no errors detected", states);
        }
        int err = out.indexOf("= error 1");
        if (err < 0) {
            return new JpfOutput("inconclusive:crash", firstLine(after), states);
        }
        String[] lines = out.substring(out.indexOf('\n', err) + 1).split("\n");
        String property = lines.length > 0 ? lines[0].strip() : "";
        String detail = lines.length > 1 ? lines[1].strip() : "";
        if (property.endsWith("NotDeadlockedProperty")) {
            return new JpfOutput("deadlock", "JPF: deadlock of the harness's threads", states);
        }
        if (property.endsWith("NoUncaughtExceptionsProperty")) {
            String text = detail.startsWith("java.lang.AssertionError: ")
                    ? detail.substring("java.lang.AssertionError: ".length()).strip() : null;
            if (text != null && VERDICT.matcher(text).matches()) {
                return new JpfOutput(text, "JPF: " + detail, states);
            }
            return new JpfOutput("error:exception", "JPF: uncaught " + detail, states);
        }
        return new JpfOutput("error:" + property.substring(property.lastIndexOf('.') + 1),
                "JPF: " + property + " " + detail, states);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static String lastLine(String s) {
        String t = s.strip();
        int nl = t.lastIndexOf('\n');
        return nl < 0 ? t : t.substring(nl + 1).strip();
    }
}
