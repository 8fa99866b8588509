package reservecheck.cli;

import reservecheck.tlc.TlcResult;
import reservecheck.tlc.TraceStep;

import java.util.List;
import java.util.Map;

/** A TLC counterexample as text for people: one block per state, variables one per line. */
final class TraceText {

    private TraceText() {
    }

    static String format(String title, TlcResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        sb.append("verdict: ").append(r.verdict()).append('\n');
        if (r.message() != null) {
            sb.append(r.message()).append('\n');
        }
        sb.append('\n');
        sb.append(steps(r.trace()));
        return sb.toString();
    }

    static String steps(List<TraceStep> trace) {
        StringBuilder sb = new StringBuilder();
        for (TraceStep s : trace) {
            if (s.stuttering()) {
                sb.append("State ").append(s.index()).append(": stuttering (nothing changes from here on)\n\n");
                continue;
            }
            if (s.backToState() != null) {
                sb.append("State ").append(s.index()).append(": back to state ").append(s.backToState())
                        .append(" (the behaviour loops)\n\n");
                continue;
            }
            sb.append("State ").append(s.index()).append(": ").append(s.action() == null ? "" : s.action());
            if (s.location() != null) {
                sb.append("  (").append(s.location()).append(')');
            }
            sb.append('\n');
            if (s.vars() != null) {
                for (Map.Entry<String, String> v : s.vars().entrySet()) {
                    sb.append("  ").append(v.getKey()).append(" = ").append(v.getValue()).append('\n');
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
