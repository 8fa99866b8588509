package reservecheck.tlc;

import static reservecheck.tlc.ToolOutput.oneLine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SANY's report of a spec that does not parse or fails semantic analysis, which TLC prints as
 * plain text before its message 3002: the first parse, lexical or semantic error, as one line.
 */
final class SanyReport {
    private SanyReport() {
    }

    private static final Pattern SANY_PARSE_AT = Pattern.compile(
            "Encountered \"(.*)\" at line (\\d+), column (\\d+)");
    private static final Pattern SANY_LEXICAL = Pattern.compile(
            "Lexical error at line (\\d+), column (\\d+)\\.\\s*(.*)");
    private static final Pattern SANY_SPAN = Pattern.compile(
            "^line (\\d+), col (\\d+) to line \\d+, col \\d+ of module (\\S+)");
    private static final Pattern SANY_FILE = Pattern.compile("Could not parse module \\S+ from file (\\S+)");
    private static final Pattern SANY_ERRORS = Pattern.compile("\\*\\*\\* Errors: (\\d+)");

    /** One line from SANY's report, which it prints as plain text before message 3002. */
    static String summary(List<String> plainLines) {
        List<String> lines = plainLines.stream().map(String::strip).toList();
        String file = null;
        for (String l : lines) {
            Matcher f = SANY_FILE.matcher(l);
            if (f.find()) {
                file = f.group(1);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.equals("***Parse Error***")) {
                String expecting = null;
                for (int j = i + 1; j < Math.min(lines.size(), i + 6); j++) {
                    if (lines.get(j).startsWith("Was expecting")) {
                        expecting = lines.get(j).substring("Was expecting".length()).strip();
                    }
                    Matcher at = SANY_PARSE_AT.matcher(lines.get(j));
                    if (at.find()) {
                        return "Parse error in " + (file != null ? file : "the spec") + " line " + at.group(2)
                                + ", col " + at.group(3) + ": encountered \"" + at.group(1) + "\""
                                + (expecting != null ? ", was expecting " + expecting : "");
                    }
                }
                return "Parse error in " + (file != null ? file : "the spec");
            }
            Matcher lex = SANY_LEXICAL.matcher(l);
            if (lex.find()) {
                return "Lexical error in " + (file != null ? file : "the spec") + " line " + lex.group(1)
                        + ", col " + lex.group(2) + ": " + oneLine(lex.group(3));
            }
            if (l.startsWith("Semantic errors:")) {
                int count = 1;
                for (int j = i + 1; j < lines.size(); j++) {
                    Matcher n = SANY_ERRORS.matcher(lines.get(j));
                    if (n.find()) {
                        count = Integer.parseInt(n.group(1));
                    }
                    Matcher span = SANY_SPAN.matcher(lines.get(j));
                    if (span.find()) {
                        String what = "";
                        for (int k = j + 1; k < lines.size(); k++) {
                            if (!lines.get(k).isBlank()) {
                                what = lines.get(k);
                                break;
                            }
                        }
                        return "Semantic error in " + span.group(3) + ".tla line " + span.group(1) + ", col "
                                + span.group(2) + ": " + oneLine(what)
                                + (count > 1 ? " (and " + (count - 1) + " more)" : "");
                    }
                }
                return "Semantic error in " + (file != null ? file : "the spec");
            }
            if (l.startsWith("Cannot find source file for module")) {
                return oneLine(l);
            }
        }
        return "Parsing or semantic analysis failed"
                + lines.stream().filter(l -> !l.isBlank() && !l.startsWith("Parsing file")
                                && !l.startsWith("Semantic processing"))
                        .findFirst().map(l -> ": " + oneLine(l)).orElse("");
    }
}
