package reservecheck.cli;

import reservecheck.results.Outcome;
import reservecheck.results.ResultRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verdict table of a results file's records, as text for a terminal and as Markdown for a
 * CI job summary ({@code merge --summary}); the last line counts matches as check does.
 */
final class VerdictTable {

    private static final String[] HEADER = {"protocol", "variant", "checker", "expected", "actual", "match",
            "distinct states", "depth", "seconds"};

    private final List<String[]> rows;
    private final String counts;

    private VerdictTable(List<String[]> rows, String counts) {
        this.rows = rows;
        this.counts = counts;
    }

    static VerdictTable of(List<ResultRecord> records) {
        List<String[]> rows = new ArrayList<>();
        int[] byOutcome = new int[Outcome.values().length];
        for (ResultRecord r : records) {
            byOutcome[r.outcome().ordinal()]++;
            String match = switch (r.outcome()) {
                case MATCH -> "yes";
                case MISMATCH -> "NO";
                default -> "?";
            };
            String states = r.distinctStates() < 0 ? "-" : String.valueOf(r.distinctStates());
            if (!r.overrides().isEmpty()) {
                states += " (overridden)";
            } else if (r.distinctStates() >= 0 && r.expectedDistinctStates() != null
                    && r.expectedDistinctStates() != r.distinctStates()) {
                states += " (expected " + r.expectedDistinctStates() + ")";
            }
            rows.add(new String[]{r.protocol(), r.variant(), r.checker(), r.expected(), r.actual(), match, states,
                    r.depth() < 0 ? "-" : String.valueOf(r.depth()), String.format(Locale.ROOT, "%.1f", r.seconds())});
        }
        long variants = records.stream().map(ResultRecord::variant).distinct().count();
        String counts = variants + (variants == 1 ? " variant, " : " variants, ") + records.size()
                + (records.size() == 1 ? " check: " : " checks: ") + byOutcome[Outcome.MATCH.ordinal()] + " match, "
                + byOutcome[Outcome.MISMATCH.ordinal()] + " mismatch, "
                + byOutcome[Outcome.INCONCLUSIVE.ordinal()] + " inconclusive";
        return new VerdictTable(rows, counts);
    }

    String text() {
        TextTable t = new TextTable(HEADER);
        rows.forEach(t::add);
        return t + "\n" + counts + "\n";
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("### reservecheck verdicts\n\n");
        line(sb, HEADER);
        sb.append("|---".repeat(HEADER.length)).append("|\n");
        rows.forEach(r -> line(sb, r));
        return sb.append('\n').append(counts).append("\n\n").toString();
    }

    private static void line(StringBuilder sb, String[] cells) {
        for (String c : cells) {
            sb.append("| ").append(c == null ? "-" : c.replace("|", "\\|")).append(' ');
        }
        sb.append("|\n");
    }
}
