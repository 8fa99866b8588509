package reservecheck.impl.mempool;

import java.nio.file.Path;
import java.util.List;

import reservecheck.catalog.Catalog;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.ProtocolEntries;
import reservecheck.models.TestCatalog;
import reservecheck.models.mempool.MempoolModel;
import reservecheck.models.mempool.MempoolParams;

/** The catalog's mempool entries, and a variant as MempoolHarness arguments. */
final class ImplCatalog {
    private static final ProtocolEntries ENTRIES = new ProtocolEntries(MempoolModel.PROTOCOL);

    private ImplCatalog() {
    }

    static Path root() {
        return ProtocolEntries.root();
    }

    static Catalog catalog() {
        return TestCatalog.catalog();
    }

    /** The mempool entries (the protocol this implementation is of), in catalog order. */
    static List<Variant> mempoolVariants() {
        return ENTRIES.variants();
    }

    /** The mempool entries that record an expectation for the checker. */
    static List<Variant> withExpectation(String checker) {
        return ENTRIES.withExpectation(checker);
    }

    /** The variant's parameters and invariants as MempoolHarness arguments, plus extras. */
    static String[] harnessArgs(Variant v, String... extra) {
        // JPF splits target.args at commas: the list takes +
        return ProtocolEntries.harnessArgs(v,
                List.of(MempoolHarness.INVARIANTS + "=" + String.join("+", v.checks().invariants())), extra);
    }

    static MempoolParams params(Variant v) {
        return new MempoolParams(v.parameters());
    }

    static MempoolModel model(Variant v) {
        return MempoolModel.fromParameters(v.parameters());
    }
}
