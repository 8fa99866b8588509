package reservecheck.results;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes one checker's records as a JUnit XML report, the format CI systems show as test results:
 * one testcase per variant; a failure for a mismatch, an error for a crash or an error in the
 * model, skipped for a timeout or running out of memory.
 */
public final class JUnitXmlWriter {

    private JUnitXmlWriter() {
    }

    /** {@code <resultsDir>/junit}: where the reports go, beside the results file. */
    public static Path junitDir(Path resultsFile) {
        return resultsFile.toAbsolutePath().getParent().resolve("junit");
    }

    /** The report's file name for a checker. */
    public static String fileName(String checker) {
        return "TEST-reservecheck-" + checker + ".xml";
    }

    /** Writes {@code junitDir/TEST-reservecheck-<checker>.xml} and returns its path. */
    public static Path write(Path junitDir, String checker, List<ResultRecord> records) throws IOException {
        Path target = junitDir.resolve(fileName(checker));
        ResultsFile.writeAtomically(target, toXml(checker, records));
        return target;
    }

    /** Writes one report per checker the records hold, each with all of that checker's records. */
    public static List<Path> writeAll(Path junitDir, List<ResultRecord> records) throws IOException {
        java.util.Set<String> checkers = new java.util.LinkedHashSet<>();
        records.forEach(r -> checkers.add(r.checker()));
        List<Path> out = new java.util.ArrayList<>();
        for (String c : checkers) {
            out.add(write(junitDir, c, records));
        }
        return out;
    }

    /** The report's text. */
    public static String toXml(String checker, List<ResultRecord> records) {
        List<ResultRecord> mine = records.stream().filter(r -> checker.equals(r.checker())).toList();
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        double time = 0;
        for (ResultRecord r : mine) {
            time += r.seconds();
            switch (kindOf(r)) {
                case "failure" -> failures++;
                case "error" -> errors++;
                case "skipped" -> skipped++;
                default -> {
                }
            }
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "reservecheck-" + checker);
            x.writeAttribute("tests", String.valueOf(mine.size()));
            x.writeAttribute("failures", String.valueOf(failures));
            x.writeAttribute("errors", String.valueOf(errors));
            x.writeAttribute("skipped", String.valueOf(skipped));
            x.writeAttribute("time", seconds(time));
            x.writeCharacters("\n");
            for (ResultRecord r : mine) {
                x.writeCharacters("  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "reservecheck." + checker + "." + r.protocol());
                x.writeAttribute("name", r.variant());
                x.writeAttribute("time", seconds(r.seconds()));
                String kind = kindOf(r);
                if (!kind.equals("pass")) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement(kind);
                    x.writeAttribute("type", r.actual() == null ? "unknown" : r.actual());
                    x.writeAttribute("message", summary(r));
                    if (!kind.equals("skipped")) {
                        x.writeCharacters(details(r));
                    }
                    x.writeEndElement();
                    x.writeCharacters("\n  ");
                }
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    private static String kindOf(ResultRecord r) {
        return switch (r.outcome()) {
            case MATCH -> "pass";
            case MISMATCH -> "failure";
            case INCONCLUSIVE -> Verdicts.TIMEOUT.equals(r.actual()) || Verdicts.OUT_OF_MEMORY.equals(r.actual())
                    ? "skipped" : "error";
        };
    }

    private static String summary(ResultRecord r) {
        String s = "expected " + r.expected() + ", got " + r.actual();
        return r.message() == null ? s : s + ": " + r.message();
    }

    private static String details(ResultRecord r) {
        StringBuilder sb = new StringBuilder();
        sb.append("expected: ").append(r.expected());
        if (r.expectedDistinctStates() != null) {
            sb.append(" (").append(r.expectedDistinctStates()).append(" distinct states)");
        }
        sb.append("\nactual: ").append(r.actual());
        if (r.distinctStates() >= 0) {
            sb.append(" (").append(r.distinctStates()).append(" distinct states)");
        }
        if (r.message() != null) {
            sb.append("\nmessage: ").append(r.message());
        }
        if (!r.overrides().isEmpty()) {
            sb.append("\noverrides: ").append(r.overrides());
        }
        if (r.trace() != null) {
            sb.append("\ntrace: ").append(r.trace());
        }
        return sb.append('\n').toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
