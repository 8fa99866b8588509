package reservecheck.catalogcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogLoader;
import reservecheck.catalog.RepositoryRoot;
import reservecheck.catalog.CfgWriter;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Variant;
import reservecheck.tlc.TlcJob;
import reservecheck.tlc.TlcResult;
import reservecheck.tlc.TlcRunner;

/**
 * TLC on every catalog variant: each bug must fail with the expected kind and property, each
 * design must pass with its recorded distinct-state count.  Verdicts, counts and names all
 * come from the catalog; nothing here repeats them.
 */
class CatalogTlcTest {

    static Path root() {
        return RepositoryRoot.locate();
    }

    @TestFactory
    Stream<DynamicTest> tlcGivesEveryVariantTheCatalogsVerdict(@TempDir Path work) throws Exception {
        Catalog catalog = CatalogLoader.load(root());
        List<Variant> variants = catalog.variants().stream()
                .filter(v -> v.expectedVerdict("tlc").isPresent()).toList();
        assertFalse(variants.isEmpty());
        return variants.stream().map(v -> DynamicTest.dynamicTest(v.protocol() + "/" + v.name(), () -> {
            Path dir = work.resolve(v.name());
            Path cfg = CfgWriter.write(v, dir.resolve(v.name() + ".cfg"));
            TlcResult r = new TlcRunner().run(new TlcJob(catalog.protocolOf(v).specFile(), cfg, dir,
                    Duration.ofMinutes(10), 1, v.checks().deadlock(), null, null));
            String expected = v.expectedVerdict("tlc").orElseThrow();
            assertEquals(expected, r.verdict(), v.name() + ": " + r.message());
            if (v.kind() == Kind.BUG) {
                // a bug is shown with a counterexample, not just a verdict
                assertFalse(r.trace().isEmpty(), v.name() + ": no counterexample");
            }
            v.expectedDistinctStates("tlc").ifPresent(n -> assertEquals(n, r.distinctStates(),
                    v.name() + ": distinct states"));
            assertTrue(r.distinctStates() > 0);
        }));
    }
}
