package reservecheck.traces;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import reservecheck.catalog.Checks;
import reservecheck.catalog.Variant;
import reservecheck.explorer.Explorer;
import reservecheck.explorer.ExplorerOptions;
import reservecheck.explorer.ExplorerResult;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;

/**
 * Traces of catalog variants, and where they are kept: {@code results/traces/<checker>/<variant>.itf.json}
 * under the repository root (next to results/results.json), one file per checker and variant,
 * replaced by every run that finds a counterexample (docs/TRACES.md).
 */
public final class CatalogTraces {
    /** The folder of all traces, relative to the folder of the results file (results/). */
    public static final String FOLDER = "traces";

    private CatalogTraces() {
    }

    /** {@code <resultsDir>/traces/<checker>/<variant>.itf.json}. */
    public static Path file(Path resultsDir, String checker, String variant) {
        return resultsDir.resolve(FOLDER).resolve(checker).resolve(variant + ItfJson.EXTENSION);
    }

    /** The trace meta of a variant's counterexample, with the overrides it was checked with, if any. */
    public static Map<String, Object> meta(Variant v, String checker, String violation, String description) {
        Map<String, Object> m = TraceMeta.of(checker, v.protocol(), v.name(), violation, description, v.parameters());
        return v.isOverridden() ? TraceMeta.with(m, TraceMeta.OVERRIDES, v.overrides()) : m;
    }

    /** Whether a verdict is a violation a trace can show (deadlock, invariant, liveness, assert). */
    public static boolean isViolation(String verdict) {
        return verdict != null && (verdict.equals("deadlock") || verdict.equals("assert")
                || verdict.startsWith("invariant:") || verdict.startsWith("liveness:"));
    }

    /** The explorer's options for a variant: the catalog's checks, symmetry only without liveness. */
    public static ExplorerOptions explorerOptions(Variant v, Duration timeLimit) {
        Checks c = v.checks();
        ExplorerOptions o = ExplorerOptions.defaults()
                .withInvariants(c.invariants())
                .withProperties(c.properties())
                .withDeadlock(c.deadlock())
                .withSymmetry(c.useSymmetry());
        return timeLimit == null ? o : o.withTimeLimit(timeLimit);
    }

    /**
     * What the explorer found for a variant, with its counterexample as a trace.
     *
     * @param trace null when the verdict is no violation
     */
    public record Explored(ExplorerResult<?> result, ItfTrace trace) {
    }

    /**
     * Runs the explorer on the variant's model as the catalog configures it.
     *
     * @throws IllegalArgumentException when the protocol has no model or the model rejects the
     *                                  parameters (the spec's ASSUMEs)
     */
    public static Explored explore(Variant v, Duration timeLimit) {
        return explore(Models.create(v.protocol(), Map.copyOf(v.parameters())), v, timeLimit);
    }

    private static <S> Explored explore(Model<S> model, Variant v, Duration timeLimit) {
        ExplorerResult<S> r = Explorer.check(model, explorerOptions(v, timeLimit));
        ItfTrace trace = null;
        if (r.counterexample() != null && isViolation(r.verdict())) {
            trace = ModelTraces.fromCounterexample(r.counterexample(), model,
                    meta(v, "explorer", r.verdict(), r.message()));
        }
        return new Explored(r, trace);
    }
}
