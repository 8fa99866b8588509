package reservecheck.traces.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The policy table of one protocol ({@code reservecheck policies}) as a page of the run report,
 * {@code results/policies/<protocol>.html}: one row per combination of the catalog's policy axes,
 * one column per property, each failing cell linking its counterexample.  Self-contained like the
 * other pages; the index links every such page ({@link #indexLinks}).
 */
public final class PolicyPage {
    /** The folder under the results folder that holds the policy pages. */
    public static final String FOLDER = "policies";

    /** One property of one row: each checker's verdict and counterexample (a path relative to the page, or null). */
    public record Cell(Map<String, String> verdicts, Map<String, String> traces) {
        public boolean agree() {
            return verdicts.values().stream().distinct().count() <= 1;
        }
    }

    /** One combination: the axes' values and the cells by property. */
    public record Row(Map<String, String> settings, Map<String, Cell> cells) {
    }

    private PolicyPage() {
    }

    public static String render(String protocol, String variant, List<String> axes, List<String> properties,
                                List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape("policies: " + protocol)).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.2em .5em;font-size:90%}")
                .append(".ok{background:#e6f4e6}.bad{background:#fbe3e3}.warn{background:#fff3cd}")
                .append("</style></head><body>\n<h1>Policy table: ").append(Html.escape(protocol)).append("</h1>\n")
                .append("<p>Every combination of the policy axes at the bounds of <b>").append(Html.escape(variant))
                .append("</b>; each property checked on its own (check --per-property). A cell names the verdict"
                        + " when the checkers agree, each checker's when they do not.</p>\n")
                .append("<p><a href=\"../index.html\">run report</a></p>\n<table>\n<tr><th>#</th>");
        for (String a : axes) {
            b.append("<th>").append(Html.escape(a)).append("</th>");
        }
        for (String p : properties) {
            b.append("<th>").append(Html.escape(p)).append("</th>");
        }
        b.append("</tr>\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.append("<tr><td>").append(i + 1).append("</td>");
            for (String a : axes) {
                b.append("<td>").append(Html.escape(r.settings().get(a))).append("</td>");
            }
            for (String p : properties) {
                Cell c = r.cells().get(p);
                if (c == null) {
                    b.append("<td>-</td>");
                    continue;
                }
                String text = text(c);
                String css = !c.agree() || text.contains("inconclusive") ? "warn" : text.equals("ok") ? "ok" : "bad";
                b.append("<td class=\"").append(css).append("\">").append(Html.escape(text));
                c.traces().forEach((checker, t) -> {
                    if (t != null) {
                        b.append(" <a href=\"").append(Html.escape(t)).append("\">").append(Html.escape(checker))
                                .append("</a>");
                    }
                });
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    /** The cell's text: the verdict where the checkers agree, else "tlc: X / explorer: Y". */
    public static String text(Cell c) {
        if (c.agree()) {
            return c.verdicts().values().stream().findFirst().orElse("-");
        }
        List<String> parts = new ArrayList<>();
        c.verdicts().forEach((k, v) -> parts.add(k + ": " + v));
        return String.join(" / ", parts);
    }

    /** Writes the page to {@code resultsDir/policies/<protocol>.html}. */
    public static Path write(Path resultsDir, String protocol, String html) throws IOException {
        Path page = resultsDir.resolve(FOLDER).resolve(protocol + ".html");
        Files.createDirectories(page.getParent());
        Html.writeAtomically(page, html);
        return page;
    }

    /** The index's links to the policy pages there are, as one paragraph; empty when there is none. */
    static String indexLinks(Path resultsDir) throws IOException {
        Path dir = resultsDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return "";
        }
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<p class=\"policies\">Policy tables:");
        for (String n : names) {
            b.append(" <a href=\"").append(FOLDER).append('/').append(Html.escape(n)).append("\">")
                    .append(Html.escape(n.substring(0, n.length() - ".html".length()))).append("</a>");
        }
        return b.append("</p>\n").toString();
    }
}
