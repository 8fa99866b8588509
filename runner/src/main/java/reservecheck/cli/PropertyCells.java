package reservecheck.cli;

import reservecheck.catalog.Checks;
import reservecheck.catalog.Expectation;
import reservecheck.catalog.Variant;
import reservecheck.results.ResultRecord;
import reservecheck.results.Verdicts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check --per-property}: an entry split into one model per property, so that a policy
 * change that breaks two properties shows both (TLC stops at the first violation it meets).
 * Each invariant is checked alone, each temporal property alone, and the deadlock check alone
 * (where the entry checks for deadlock); the other checks are switched off in that model, so
 * a cell's verdict is its property's only.
 *
 * <p>The catalog records one verdict per entry and checker, the first violation; a cell's
 * expectation is read from it: every cell of an entry expected ok is expected ok, the cell the
 * entry's verdict names is expected to fail with it, and the other cells of a bug entry have no
 * expectation (the catalog says nothing about them), so any conclusive verdict stands there.
 */
final class PropertyCells {

    /** The cell name of the deadlock check. */
    static final String DEADLOCK = "deadlock";
    /** The checkers that split: conformance compares whole graphs and has no properties. */
    static final List<String> CHECKERS = List.of(CheckCommand.CHECKER, CheckCommand.EXPLORER);

    private PropertyCells() {
    }

    /** One property of an entry, and the entry as the model that checks that property alone. */
    record Cell(String property, Variant variant, String verdictIfViolated) {
    }

    /** The entry's cells in the catalog's order: invariants, temporal properties, deadlock. */
    static List<Cell> split(Variant v) {
        Checks all = v.checks();
        Checks none = all.withInvariants(List.of()).withProperties(List.of()).withDeadlock(false);
        List<Cell> out = new ArrayList<>();
        for (String inv : all.invariants()) {
            out.add(cell(v, inv, none.withInvariants(List.of(inv)), "invariant:" + inv));
        }
        for (String prop : all.properties()) {
            out.add(cell(v, prop, none.withProperties(List.of(prop)), "liveness:" + prop));
        }
        if (all.deadlock()) {
            out.add(cell(v, DEADLOCK, none.withDeadlock(true), DEADLOCK));
        }
        return out;
    }

    private static Cell cell(Variant v, String property, Checks checks, String violated) {
        Map<String, Expectation> expected = new LinkedHashMap<>();
        for (String checker : CHECKERS) {
            v.expectedVerdict(checker).ifPresent(e -> expected.put(checker,
                    // the entry's state count is of the model with every check: not this one's
                    new Expectation(e, null)));
        }
        Variant one = new Variant(v.protocol(), v.name(), v.kind(), v.provenance(), v.behaviour(), v.declarations(),
                v.parameters(), checks, v.checksNote(), expected, v.notModelled(), v.overrides(), v.catalogFile(),
                v.operators(), v.uncovered(), v.redundant());
        return new Cell(property, one, violated);
    }

    /** The cell's expected verdict from the entry's, or null where the catalog says nothing of it. */
    static String expected(Cell c, String entryVerdict) {
        if (entryVerdict == null) {
            return null;
        }
        if (entryVerdict.equals(Verdicts.OK)) {
            return Verdicts.OK;
        }
        return entryVerdict.equals(c.verdictIfViolated()) ? entryVerdict : null;
    }

    /** The record of one cell: the checker's record judged against the cell's expectation. */
    static ResultRecord judge(Cell c, ResultRecord r) {
        String expected = expected(c, r.expected());
        boolean conclusive = !Verdicts.isInconclusive(r.actual());
        // a cell without expectation matches any conclusive verdict; the coverage rule's
        // mismatch (a design that never takes an action) stands whatever the verdict
        boolean coverageMismatch = r.message() != null && r.message().startsWith("never takes ");
        boolean match = conclusive && !coverageMismatch && (expected == null || expected.equals(r.actual()));
        String message = r.message();
        if (expected == null && conclusive) {
            message = "the catalog records only the entry's first violation (" + r.expected() + ")"
                    + (message == null ? "" : "; " + message);
        }
        return new ResultRecord(r.protocol(), r.variant(), r.checker(), expected, null, r.actual(), match,
                r.distinctStates(), r.depth(), r.seconds(), message, r.trace(), r.overrides(), r.coverage(),
                c.property());
    }
}
