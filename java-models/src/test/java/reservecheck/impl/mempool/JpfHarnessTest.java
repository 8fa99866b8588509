package reservecheck.impl.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reservecheck.catalog.Variant;
import reservecheck.impl.common.ModelReplay;
import reservecheck.models.mempool.MempoolState;

/**
 * The Java PathFinder side, without JPF (make jpf runs JPF itself, see ci/jpf.sh).
 * {@code reservecheck jpf} (runner, reservecheck.jpf.JpfFiles) writes for every entry that
 * expects a {@code jpf} verdict a .jpf file whose target is the protocol's harness by
 * convention ({@code reservecheck.impl.<protocol>.<Protocol>Harness}) and whose target.args
 * are the entry's parameters as {@code name=value}, as the checker's expectation bounds them.
 * This module cannot use the runner (the runner depends on it), so the test states that
 * contract here: the harness class exists under that name with a public static main, the
 * arguments parse to the entry's parameters, and main's run ends on a plain JVM with a fixed
 * seed with ok or the expected verdict (one interleaving may miss a bug) and a log that
 * replays on the model.
 */
class JpfHarnessTest {
    static final String CHECKER = "jpf";

    @TestFactory
    Stream<DynamicTest> everyGeneratedJpfFileNamesAHarnessThatRuns() {
        List<Variant> variants = ImplCatalog.withExpectation(CHECKER);
        assertFalse(variants.isEmpty(), "the catalog has no jpf expectations for mempool");
        return variants.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            Variant vj = v.forChecker(CHECKER);
            String target = harnessClass(vj.protocol());
            assertEquals(MempoolHarness.class.getName(), target, v.name());
            Method main = Class.forName(target).getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()));

            List<String> args = new ArrayList<>();
            for (Map.Entry<String, Object> e : vj.parameters().entrySet()) {
                String a = e.getKey() + "=" + e.getValue();
                // JPF splits target.args at commas and semicolons
                assertFalse(a.contains(",") || a.contains(";"), a);
                args.add(a);
            }
            MempoolHarness.Config parsed = MempoolHarness.Config.parse(args.toArray(new String[0]));
            assertEquals(ImplCatalog.params(vj), parsed.params(), v.name() + ": the .jpf's parameters");

            args.add(MempoolHarness.SEED + "=1");
            args.add(MempoolHarness.RECORD + "=true");
            MempoolHarness.Outcome o = MempoolHarness.run(MempoolHarness.Config.parse(args.toArray(new String[0])), null);
            String expected = vj.expectedVerdict(CHECKER).orElseThrow();
            assertTrue(o.verdict().equals("ok") || o.verdict().equals(expected),
                    v.name() + ": a plain run ended with " + o.verdict() + ", expected ok or " + expected
                            + " (" + o.message() + ")");
            EventLog log = o.log();
            assertNotNull(log);
            ModelReplay.Result<MempoolState> r = ModelReplay.replay(ImplCatalog.model(vj), log);
            assertTrue(r.agrees(), v.name() + ": " + r.divergence());
        }));
    }

    /** The runner's naming convention for a protocol's harness (reservecheck.jpf.JpfFiles). */
    static String harnessClass(String protocol) {
        StringBuilder camel = new StringBuilder();
        for (String part : protocol.split("_")) {
            camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return "reservecheck.impl." + protocol + "." + camel + "Harness";
    }

    /** The harness's invariants without a list are the catalog's protocol-level checks. */
    @Test
    void theDefaultInvariantsAreTheCatalogsProtocolChecks() {
        List<String> catalog = ImplCatalog.catalog().protocol("mempool").orElseThrow().checks().invariants();
        assertEquals(catalog, Arrays.asList(MempoolHarness.Config.parse(withoutInvariants()).invariants()));
    }

    private static String[] withoutInvariants() {
        List<String> a = new ArrayList<>();
        for (String s : ImplCatalog.harnessArgs(ImplCatalog.mempoolVariants().get(0))) {
            if (!s.startsWith(MempoolHarness.INVARIANTS + "=")) {
                a.add(s);
            }
        }
        return a.toArray(new String[0]);
    }
}
