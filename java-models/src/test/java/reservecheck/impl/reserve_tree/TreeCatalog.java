package reservecheck.impl.reserve_tree;

import java.nio.file.Path;
import java.util.List;

import reservecheck.catalog.Variant;
import reservecheck.impl.common.ProtocolEntries;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;
import reservecheck.models.reserve_tree.ReserveTreeModel;
import reservecheck.models.reserve_tree.ReserveTreeParams;

/** The catalog's reserve_tree entries, and a variant as ReserveTreeHarness arguments. */
final class TreeCatalog {
    private static final ProtocolEntries ENTRIES = new ProtocolEntries(ReserveTreeModel.PROTOCOL);

    private TreeCatalog() {
    }

    static Path root() {
        return ProtocolEntries.root();
    }

    static List<Variant> variants() {
        return ENTRIES.variants();
    }

    static Variant variant(String name) {
        return ENTRIES.variant(name);
    }

    static List<Variant> withExpectation(String checker) {
        return ENTRIES.withExpectation(checker);
    }

    /** The variant's parameters, invariants and properties as harness arguments, plus extras. */
    static String[] harnessArgs(Variant v, String... extra) {
        return ProtocolEntries.harnessArgs(v, List.of(
                ReserveTreeHarness.INVARIANTS + "=" + String.join(",", v.checks().invariants()),
                ReserveTreeHarness.PROPERTIES + "=" + String.join(",", v.checks().properties())), extra);
    }

    static ReserveTreeParams params(Variant v) {
        return new ReserveTreeParams(v.parameters());
    }

    @SuppressWarnings("unchecked")
    static Model<Object> model(Variant v) {
        return (Model<Object>) (Model<?>) Models.create(ReserveTreeModel.PROTOCOL, v.parameters());
    }
}
