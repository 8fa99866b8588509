package reservecheck.traces;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Variant;
import reservecheck.results.ResultsFile;

/**
 * The implementation checkers' traces the tests can get at: Lincheck's from the run logs
 * java-models' tests leave in results/ (none when that module's tests did not run), JPF's from
 * recorded JPF output kept in the test resources (JPF is not in CI).  The JPF samples are
 * {@code reservecheck jpf}'s target/reservecheck-jpf/jpf/&lt;variant&gt;.record.out as they were,
 * except that a run of more than three "verdict: ok" lines (one per passing path JPF explored
 * before the failing one; nearly ten thousand for partial_multi_element) is cut to three and a
 * note, which the conversion does not read anyway: it takes the last event log block.
 */
public final class ImplementationSamples {

    private ImplementationSamples() {
    }

    /** The mempool bugs that expect a verdict from the checker. */
    public static List<Variant> bugs(String checker) {
        return Bugs.catalog().variants().stream()
                .filter(v -> v.protocol().equals("mempool") && v.kind() == Kind.BUG)
                .filter(v -> v.expectedVerdict(checker).isPresent()).toList();
    }

    /** A catalog variant by name. */
    public static Variant variant(String name) {
        return Bugs.variant(name);
    }

    public static Path resultsDir() {
        return ResultsFile.inRepository(Bugs.root()).path().getParent();
    }

    /** JPF's output of the variant's recording re-run, as kept in the test resources. */
    public static String jpfOutput(String variant) throws IOException {
        try (InputStream in = ImplementationSamples.class.getResourceAsStream("/traces/jpf/" + variant + ".out")) {
            if (in == null) {
                throw new AssertionError("no recorded JPF output traces/jpf/" + variant + ".out in the test resources;"
                        + " copy target/reservecheck-jpf/jpf/" + variant + ".record.out after a make jpf");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every JPF finding's trace, from the recorded output. */
    public static List<ItfTrace> jpf() throws IOException {
        List<ItfTrace> l = new ArrayList<>();
        for (Variant v : bugs(ImplementationTraces.JPF)) {
            l.add(ImplementationTraces.fromJpfOutput(v, jpfOutput(v.name())));
        }
        return l;
    }

    /** The traces of the Lincheck findings whose run logs are in results/ (maybe none). */
    public static List<ItfTrace> lincheck() throws IOException {
        List<ItfTrace> l = new ArrayList<>();
        for (Variant v : bugs(ImplementationTraces.LINCHECK)) {
            Path log = ImplementationTraces.runLogFile(resultsDir(), ImplementationTraces.LINCHECK, v.name());
            if (Files.isRegularFile(log)) {
                l.add(ImplementationTraces.fromRun(v, ImplementationTraces.LINCHECK, ImplementationTraces.readRunLog(log)));
            }
        }
        return l;
    }
}
