package reservecheck.traces.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.traces.ItfJson;

/**
 * Writes the viewer page beside every trace under {@code results/traces/} and the run's report,
 * {@code results/index.html}; called at the end of {@code reservecheck check}.
 */
public final class ReportWriter {

    /**
     * What was written.
     *
     * @param index    the report page
     * @param pages    the viewer pages written, one per trace
     * @param failures traces that could not be rendered, with the reason; their rows have no
     *                 viewer link, and the run itself is not failed for them
     */
    public record Summary(Path index, List<Path> pages, Map<Path, String> failures) {
        public Summary {
            pages = List.copyOf(pages);
            failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        }
    }

    private ReportWriter() {
    }

    /** Renders every {@code *.itf.json} under {@code resultsDir/traces} and then {@code resultsDir/index.html}. */
    public static Summary writeAll(Path resultsDir) throws IOException {
        return writeFor(resultsDir.resolve("results.json"));
    }

    /**
     * The same for the results file {@code results} ({@code check --results FILE}), whatever its
     * name: the report beside it shows its records.
     */
    public static Summary writeFor(Path results) throws IOException {
        Path dir = results.toAbsolutePath().normalize().getParent();
        List<Path> pages = new ArrayList<>();
        Map<Path, String> failures = new LinkedHashMap<>();
        for (Path itf : traces(dir.resolve("traces"))) {
            Path page = TraceHtml.pageFor(itf);
            try {
                TraceHtml.write(ItfJson.read(itf), page);
                pages.add(page);
            } catch (IOException | RuntimeException e) {
                // One unreadable trace must not cost the report or the other pages.
                failures.put(itf, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        List<ResultRecord> records = new ResultsFile(results).read();
        Path index = dir.resolve("index.html");
        // the policy tables (reservecheck policies) are pages of their own, linked from the index
        Html.writeAtomically(index, ReportHtml.render(records, dir).replaceFirst("</body>",
                java.util.regex.Matcher.quoteReplacement(PolicyPage.indexLinks(dir) + "</body>")));
        return new Summary(index, pages, failures);
    }

    private static List<Path> traces(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(ItfJson.EXTENSION) && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }
}
