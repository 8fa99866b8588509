package reservecheck.impl.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.catalog.Variant;
import reservecheck.models.TestCatalog;

/**
 * One protocol's catalog entries as the implementation tests read them: the entries in catalog
 * order, those with an expectation for a checker, and an entry's parameters as the
 * {@code name=value} arguments every harness takes first.
 */
public final class ProtocolEntries {
    private final String protocol;

    public ProtocolEntries(String protocol) {
        this.protocol = protocol;
    }

    public static Path root() {
        return TestCatalog.root();
    }

    /** The protocol's entries, in catalog order. */
    public List<Variant> variants() {
        List<Variant> l = new ArrayList<>();
        for (Variant v : TestCatalog.catalog().variants()) {
            if (v.protocol().equals(protocol)) {
                l.add(v);
            }
        }
        return l;
    }

    public Variant variant(String name) {
        for (Variant v : variants()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no " + protocol + " entry " + name);
    }

    /** The entries that record an expectation for the checker. */
    public List<Variant> withExpectation(String checker) {
        List<Variant> l = new ArrayList<>();
        for (Variant v : variants()) {
            if (v.expectedVerdict(checker).isPresent()) {
                l.add(v);
            }
        }
        return l;
    }

    /** The entry's parameters as {@code name=value} arguments, then the protocol's extras. */
    public static String[] harnessArgs(Variant v, List<String> protocolArgs, String... extra) {
        List<String> a = new ArrayList<>();
        for (Map.Entry<String, Object> e : v.parameters().entrySet()) {
            a.add(e.getKey() + "=" + e.getValue());
        }
        a.addAll(protocolArgs);
        for (String x : extra) {
            a.add(x);
        }
        return a.toArray(new String[0]);
    }
}
