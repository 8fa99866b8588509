package reservecheck.impl.mempool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.catalog.Catalog;
import reservecheck.catalog.Variant;
import reservecheck.models.TestCatalog;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.models.mempool.MempoolParams;

/** The repository, its catalog's mempool entries, and a variant as harness arguments. */
final class ImplCatalog {
    private ImplCatalog() {
    }

    static Path root() {
        return TestCatalog.root();
    }

    static Catalog catalog() {
        return TestCatalog.catalog();
    }

    /** The mempool entries (the protocol this implementation is of), in catalog order. */
    static List<Variant> mempoolVariants() {
        List<Variant> l = new ArrayList<>();
        for (Variant v : catalog().variants()) {
            if (v.protocol().equals(MempoolModel.PROTOCOL)) {
                l.add(v);
            }
        }
        return l;
    }

    /** The mempool entries that record an expectation for the checker. */
    static List<Variant> withExpectation(String checker) {
        List<Variant> l = new ArrayList<>();
        for (Variant v : mempoolVariants()) {
            if (v.expectedVerdict(checker).isPresent()) {
                l.add(v);
            }
        }
        return l;
    }

    /** The variant's parameters and invariants as MempoolHarness arguments, plus extras. */
    static String[] harnessArgs(Variant v, String... extra) {
        List<String> a = new ArrayList<>();
        for (Map.Entry<String, Object> e : v.parameters().entrySet()) {
            a.add(e.getKey() + "=" + e.getValue());
        }
        a.add(MempoolHarness.INVARIANTS + "=" + String.join("+", v.checks().invariants()));
        for (String x : extra) {
            a.add(x);
        }
        return a.toArray(new String[0]);
    }

    static MempoolParams params(Variant v) {
        return new MempoolParams(v.parameters());
    }

    static MempoolModel model(Variant v) {
        return MempoolModel.fromParameters(v.parameters());
    }
}
