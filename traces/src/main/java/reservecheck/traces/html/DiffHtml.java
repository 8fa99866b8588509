package reservecheck.traces.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import reservecheck.results.ResultRecord;

/**
 * The page of a {@code reservecheck diff}, {@code diff.html} beside the new side's
 * {@code index.html} (which links it): the (variant, checker, property) cells that flip, old to
 * new, each new failure linking the viewer page of its counterexample.  One self-contained file,
 * as the report and the trace pages are.
 */
public final class DiffHtml {

    /** The page's file name in the results folder; the report links it when it is there. */
    public static final String FILE = "diff.html";

    /**
     * One flipped cell.
     *
     * @param after the new side's record (null when the cell is absent there): its trace is linked
     *              when the cell is a new failure
     */
    public record Flip(String protocol, String variant, String checker, String property, String oldVerdict,
                       String newVerdict, boolean newFailure, ResultRecord after) {
    }

    private DiffHtml() {
    }

    /** Writes {@code resultsDir/diff.html}; the new side's traces are looked up as the report does. */
    public static Path write(Path resultsDir, String oldName, String newName, int cells, List<Flip> flips)
            throws IOException {
        Path dir = resultsDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        StringBuilder rows = new StringBuilder();
        for (Flip f : flips) {
            rows.append("<tr class=\"").append(f.newFailure() ? "mismatch" : "match").append("\">")
                    .append(td(f.protocol())).append(td(f.variant())).append(td(f.checker()))
                    .append(td(f.property() == null ? "-" : f.property()))
                    .append(td(f.oldVerdict())).append(td(f.newVerdict()));
            Path page = f.newFailure() && f.after() != null ? ReportHtml.tracePage(f.after(), dir) : null;
            rows.append("<td class=\"trace\">").append(page == null ? ""
                    : "<a class=\"trace-link\" href=\"" + Html.escape(ReportHtml.href(dir, page)) + "\">counterexample</a>")
                    .append("</td></tr>\n");
        }
        long conclusive = flips.stream().filter(f -> !f.oldVerdict().startsWith("inconclusive")
                && !f.newVerdict().startsWith("inconclusive")).count();
        String title = "reservecheck diff: " + conclusive + (conclusive == 1 ? " flip" : " flips") + " in " + cells
                + (cells == 1 ? " cell" : " cells");
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title>\n<style>" + Html.resource("common.css") + Html.resource("report.css") + "</style></head>\n"
                + "<body><h1>" + Html.escape(title) + "</h1>\n"
                + "<p id=\"sides\">old: <b>" + Html.escape(oldName) + "</b><br>new: <b>" + Html.escape(newName)
                + "</b></p>\n<p><a href=\"index.html\">the new side's results</a></p>\n"
                + (flips.isEmpty() ? "<p id=\"no-flips\" class=\"note\">No cell flips.</p>\n"
                : "<table id=\"flips\"><thead><tr><th>protocol</th><th>variant</th><th>checker</th><th>property</th>"
                + "<th>old</th><th>new</th><th>trace</th></tr></thead>\n<tbody>\n" + rows + "</tbody></table>\n")
                + "</body></html>\n";
        Path out = dir.resolve(FILE);
        Html.writeAtomically(out, html);
        return out;
    }

    private static String td(String s) {
        return "<td>" + Html.escape(s) + "</td>";
    }
}
