package reservecheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import reservecheck.catalog.Variant;
import reservecheck.explorer.ExplorerResult;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;
import reservecheck.tlc.TlcResult;
import reservecheck.tlc.TlcTraces;
import reservecheck.traces.CatalogTraces;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ModelTraces;

/**
 * The ITF traces {@code check} writes beside its text ones, as
 * {@code results/traces/<checker>/<variant>.itf.json} (docs/TRACES.md), so that every checker's
 * counterexample can be shown, replayed and kept as a test the same way.  A trace that cannot
 * be written costs the run nothing but the file: the verdict stands without it.
 */
final class CheckTraces {

    private CheckTraces() {
    }

    /**
     * TLC's counterexample as ITF; the protocol's model, if it has one, supplies the tasks TLC
     * does not print.  Returns the file, or null when there is no violation trace or it could not
     * be written.
     *
     * @param dir the checker's trace folder, results/traces/tlc
     */
    static Path writeTlc(Path dir, Variant v, TlcResult r) {
        if (r.trace() == null || r.trace().isEmpty() || !CatalogTraces.isViolation(r.verdict())) {
            return null;
        }
        Model<?> model = null;
        if (Models.protocols().contains(v.protocol())) {
            try {
                model = Models.create(v.protocol(), Map.copyOf(v.parameters()));
            } catch (IllegalArgumentException e) {
                model = null;
            }
        }
        try {
            Path f = dir.resolve(v.name() + ItfJson.EXTENSION);
            ItfJson.write(TlcTraces.toItf(r.trace(), CatalogTraces.meta(v, "tlc", r.verdict(), r.message()), model), f);
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The explorer's counterexample as ITF; null when there is none or it could not be written.
     *
     * @param dir the checker's trace folder, results/traces/explorer
     */
    static <S> Path writeExplorer(Path dir, Variant v, Model<S> model, ExplorerResult<S> r) {
        if (r.counterexample() == null || !CatalogTraces.isViolation(r.verdict())) {
            return null;
        }
        try {
            Path f = dir.resolve(v.name() + ItfJson.EXTENSION);
            ItfJson.write(ModelTraces.fromCounterexample(r.counterexample(), model,
                    CatalogTraces.meta(v, "explorer", r.verdict(), r.message())), f);
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
