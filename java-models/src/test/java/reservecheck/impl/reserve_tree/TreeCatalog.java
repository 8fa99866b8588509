package reservecheck.impl.reserve_tree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.catalog.Variant;
import reservecheck.models.TestCatalog;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;
import reservecheck.models.reserve_tree.ReserveTreeModel;
import reservecheck.models.reserve_tree.ReserveTreeParams;

/** The repository, its catalog's reserve_tree entries, and a variant as harness arguments. */
final class TreeCatalog {
    private TreeCatalog() {
    }

    static Path root() {
        return TestCatalog.root();
    }

    static List<Variant> variants() {
        List<Variant> l = new ArrayList<>();
        for (Variant v : TestCatalog.catalog().variants()) {
            if (v.protocol().equals(ReserveTreeModel.PROTOCOL)) {
                l.add(v);
            }
        }
        return l;
    }

    static Variant variant(String name) {
        for (Variant v : variants()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no reserve_tree entry " + name);
    }

    static List<Variant> withExpectation(String checker) {
        List<Variant> l = new ArrayList<>();
        for (Variant v : variants()) {
            if (v.expectedVerdict(checker).isPresent()) {
                l.add(v);
            }
        }
        return l;
    }

    /** The variant's parameters and invariants as harness arguments, plus extras. */
    static String[] harnessArgs(Variant v, String... extra) {
        List<String> a = new ArrayList<>();
        for (Map.Entry<String, Object> e : v.parameters().entrySet()) {
            a.add(e.getKey() + "=" + e.getValue());
        }
        a.add(ReserveTreeHarness.INVARIANTS + "=" + String.join(",", v.checks().invariants()));
        a.add(ReserveTreeHarness.PROPERTIES + "=" + String.join(",", v.checks().properties()));
        for (String x : extra) {
            a.add(x);
        }
        return a.toArray(new String[0]);
    }

    static ReserveTreeParams params(Variant v) {
        return new ReserveTreeParams(v.parameters());
    }

    @SuppressWarnings("unchecked")
    static Model<Object> model(Variant v) {
        return (Model<Object>) (Model<?>) Models.create(ReserveTreeModel.PROTOCOL, v.parameters());
    }
}
