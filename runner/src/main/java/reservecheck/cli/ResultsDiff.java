package reservecheck.cli;

import reservecheck.results.ResultRecord;
import reservecheck.results.Verdicts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The cells, (variant, checker, property), whose verdict differs between two sets of results:
 * what a policy change breaks or mends.  A cell only one side has is a flip from or to
 * "absent", since a property that stops being checked is a change too.
 */
final class ResultsDiff {

    /** The verdict of a cell one side does not have. */
    static final String ABSENT = "absent";

    /**
     * One cell whose verdict changed.
     *
     * @param before the old side's record, or null when absent there
     * @param after  the new side's record, or null when absent there
     */
    record Flip(String protocol, String variant, String checker, String property, ResultRecord before,
                ResultRecord after) {

        String oldVerdict() {
            return before == null ? ABSENT : before.actual();
        }

        String newVerdict() {
            return after == null ? ABSENT : after.actual();
        }

        /** Either side reached no verdict: the flip may be the search's, not the policy's. */
        boolean inconclusive() {
            return before != null && Verdicts.isInconclusive(before.actual())
                    || after != null && Verdicts.isInconclusive(after.actual());
        }

        /** The new side fails where the old did not: the flip whose counterexample is shown. */
        boolean newFailure() {
            return after != null && !inconclusive() && !after.actual().equals(Verdicts.OK);
        }
    }

    private ResultsDiff() {
    }

    /** The flips from {@code a} to {@code b}, sorted by protocol, variant, checker, property. */
    static List<Flip> flips(Collection<ResultRecord> a, Collection<ResultRecord> b) {
        Map<String, ResultRecord> before = byCell(a);
        Map<String, ResultRecord> after = byCell(b);
        TreeMap<String, Boolean> keys = new TreeMap<>();
        before.keySet().forEach(k -> keys.put(k, true));
        after.keySet().forEach(k -> keys.put(k, true));
        List<Flip> out = new ArrayList<>();
        for (String k : keys.keySet()) {
            ResultRecord x = before.get(k);
            ResultRecord y = after.get(k);
            if (x != null && y != null && Objects.equals(x.actual(), y.actual())) {
                continue;
            }
            ResultRecord any = x != null ? x : y;
            out.add(new Flip(any.protocol(), any.variant(), any.checker(), any.property(), x, y));
        }
        return out;
    }

    /** The number of cells the two sides have between them. */
    static int cells(Collection<ResultRecord> a, Collection<ResultRecord> b) {
        Map<String, ResultRecord> all = byCell(a);
        all.putAll(byCell(b));
        return all.size();
    }

    private static Map<String, ResultRecord> byCell(Collection<ResultRecord> records) {
        Map<String, ResultRecord> out = new TreeMap<>();
        for (ResultRecord r : records) {
            out.put(r.protocol() + "\u0000" + r.variant() + "\u0000" + r.checker() + "\u0000"
                    + (r.property() == null ? "" : r.property()), r);
        }
        return out;
    }
}
