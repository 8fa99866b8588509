package reservecheck.traces.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import reservecheck.results.Outcome;
import reservecheck.results.ResultRecord;

/**
 * The page for a whole run, {@code results/index.html}: every checker's verdict next to the
 * catalog's, mismatches first to the eye, each row linking the viewer page of its counterexample.
 * Like the trace pages it is one self-contained file, so the results folder can be archived and
 * opened anywhere.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    /**
     * The report page.
     *
     * @param records    the run's records (results.json)
     * @param resultsDir the folder the page is written to; links are relative to it, and a link is
     *                   made only to a viewer page that exists there
     */
    public static String render(List<ResultRecord> records, Path resultsDir) {
        Path dir = resultsDir.toAbsolutePath().normalize();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        Map<String, int[]> perChecker = new TreeMap<>();
        StringBuilder rows = new StringBuilder();
        ResultRecord latest = latestRun(records);
        int earlier = 0;
        for (ResultRecord r : records) {
            Outcome o = r.outcome();
            counts.merge(o, 1, Integer::sum);
            int[] c = perChecker.computeIfAbsent(r.checker(), k -> new int[Outcome.values().length]);
            c[o.ordinal()]++;
            boolean old = fromEarlierRun(r, latest);
            earlier += old ? 1 : 0;
            rows.append(row(r, dir, old));
        }

        StringBuilder summary = new StringBuilder();
        summary.append(badge("total", "", records.size() + " results"));
        summary.append(badge("match", "ok", counts.get(Outcome.MATCH) + " match"));
        // a zero count is grey: the eye should go to the counts that are not
        summary.append(badge("mismatch", counts.get(Outcome.MISMATCH) > 0 ? "bad" : "muted",
                counts.get(Outcome.MISMATCH) + " mismatch"));
        summary.append(badge("inconclusive", counts.get(Outcome.INCONCLUSIVE) > 0 ? "warn" : "muted",
                counts.get(Outcome.INCONCLUSIVE) + " inconclusive"));
        StringBuilder checkers = new StringBuilder();
        perChecker.forEach((checker, c) -> checkers.append("<span class=\"checker-sum\" data-checker=\"")
                .append(Html.escape(checker)).append("\"><b>").append(Html.escape(checker)).append("</b> ")
                .append(c[Outcome.MATCH.ordinal()]).append("/").append(c[0] + c[1] + c[2]).append(" match</span>"));

        int bad = counts.get(Outcome.MISMATCH);
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("title", Html.escape("reservecheck results: " + records.size() + " results, " + bad
                + (bad == 1 ? " mismatch" : " mismatches")));
        slots.put("style", Html.resource("common.css") + Html.resource("report.css"));
        if (Files.isRegularFile(dir.resolve(DiffHtml.FILE))) {
            summary.append("<a id=\"diff-link\" href=\"").append(DiffHtml.FILE).append("\">the cells a diff flips</a> ");
        }
        slots.put("summary", summary.toString());
        slots.put("checkers", checkers.toString());
        slots.put("runs", runsLine(latest, earlier));
        slots.put("rows", rows.toString());
        slots.put("empty", records.isEmpty() ? "<p id=\"no-results\" class=\"note\">No results yet: run reservecheck check.</p>" : "");
        slots.put("script", Html.resource("report.js"));
        return Html.fill(Html.resource("report.html"), slots);
    }

    /**
     * The record of the run that started last (ties by id), or null when no record knows its run.
     * The rows of that run are the current ones; with {@code check --run-id} the shards of one
     * CI run share it, so a merged report shows them all as current.
     */
    static ResultRecord latestRun(List<ResultRecord> records) {
        return records.stream().filter(r -> r.runId() != null)
                .max(Comparator.comparing((ResultRecord r) -> r.runStarted() == null ? Instant.MIN : r.runStarted())
                        .thenComparing(ResultRecord::runId))
                .orElse(null);
    }

    /**
     * True for a record another run made than the latest: it may be of other bounds or an older
     * catalog, so it is not read as part of the latest run.  A record of no known run (a results
     * file from before runs were recorded) is earlier than any known run.
     */
    static boolean fromEarlierRun(ResultRecord r, ResultRecord latest) {
        return latest != null && !latest.runId().equals(r.runId());
    }

    private static String runsLine(ResultRecord latest, int earlier) {
        if (latest == null) {
            return "<p id=\"runs\" class=\"note\">No record says which run made it (unknown run).</p>";
        }
        return "<p id=\"runs\" class=\"note\">Latest run <code id=\"latest-run\">" + Html.escape(latest.runId())
                + "</code>, started " + Html.escape(started(latest)) + (earlier == 0 ? ": every record is from it."
                : "; <span id=\"earlier-count\" class=\"badge warn\">" + earlier
                + (earlier == 1 ? " record" : " records") + " from an earlier run</span>") + "</p>";
    }

    private static String started(ResultRecord r) {
        return r.runStarted() == null ? "at an unknown time" : r.runStarted().toString();
    }

    private static String row(ResultRecord r, Path dir, boolean earlier) {
        Outcome o = r.outcome();
        StringBuilder sb = new StringBuilder();
        sb.append("<tr class=\"").append(o.label()).append(earlier ? " earlier" : "").append("\" data-protocol=\"").append(Html.escape(r.protocol()))
                .append("\" data-variant=\"").append(Html.escape(r.variant())).append("\" data-checker=\"")
                .append(Html.escape(r.checker())).append("\" data-outcome=\"").append(o.label()).append("\" data-run=\"")
                .append(Html.escape(r.runId() == null ? "" : r.runId())).append("\">");
        sb.append(td("protocol", Html.escape(r.protocol())));
        String variant = "<span class=\"name\">" + Html.escape(r.variant()) + "</span>";
        if (r.message() != null && !r.message().isBlank()) {
            variant += "<span class=\"msg\">" + Html.escape(r.message()) + "</span>";
        }
        if (!r.overrides().isEmpty()) {
            variant += "<span class=\"msg\">overrides: " + Html.escape(r.overrides().toString()) + "</span>";
        }
        sb.append(td("variant", variant));
        sb.append(td("checker", Html.escape(r.property() == null ? r.checker() : r.checker() + " / " + r.property())));
        sb.append(td("expected", r.expected() == null ? "<span class=\"none\">none recorded</span>" : Html.escape(r.expected())));
        sb.append(td("actual", Html.escape(r.actual() == null ? "\u2014" : r.actual())));
        String mark = switch (o) {
            case MATCH -> "<span class=\"mark ok\" title=\"as the catalog expects\">\u2713</span>";
            case MISMATCH -> "<span class=\"mark bad\" title=\"not what the catalog expects\">\u2717</span>";
            case INCONCLUSIVE -> "<span class=\"mark warn\" title=\"no verdict reached\">?</span>";
        };
        sb.append(td("match", mark));
        String states = r.distinctStates() < 0 ? "\u2014" : String.format(Locale.ROOT, "%,d", r.distinctStates());
        if (r.expectedDistinctStates() != null && r.expectedDistinctStates() != r.distinctStates()) {
            states += "<span class=\"msg\">catalog: " + String.format(Locale.ROOT, "%,d", r.expectedDistinctStates()) + "</span>";
        }
        sb.append(td("states num", states));
        sb.append(td("seconds num", String.format(Locale.ROOT, "%.2f", r.seconds())));
        sb.append(td("trace", traceLinks(r, dir)));
        sb.append(td("run", runCell(r, earlier)));
        return sb.append("</tr>\n").toString();
    }

    private static String runCell(ResultRecord r, boolean earlier) {
        String mark = earlier ? "<span class=\"earlier-mark\" title=\"not made by the latest run: its bounds or catalog"
                + " may differ\">from an earlier run</span>" : "";
        if (r.runId() == null) {
            return "<span class=\"none\">unknown run</span>" + mark;
        }
        String time = r.runStarted() == null ? "unknown time" : r.runStarted().toString();
        return "<time" + (r.runStarted() == null ? "" : " datetime=\"" + Html.escape(time) + "\"") + ">" + Html.escape(time)
                + "</time><span class=\"msg\">" + Html.escape(r.runId()) + "</span>" + mark;
    }

    private static String traceLinks(ResultRecord r, Path dir) {
        Path file = traceFile(r, dir);
        Path page = tracePage(r, dir);
        StringBuilder sb = new StringBuilder();
        if (page != null) {
            sb.append("<a class=\"trace-link\" href=\"").append(Html.escape(href(dir, page)))
                    .append("\">counterexample</a>");
        }
        if (file != null && Files.isRegularFile(file)) {
            sb.append(sb.length() > 0 ? " " : "").append("<a class=\"raw-link\" href=\"")
                    .append(Html.escape(href(dir, file))).append("\">raw</a>");
        }
        return sb.toString();
    }

    /** The viewer page of a record's counterexample under {@code dir}, or null when there is none. */
    static Path tracePage(ResultRecord r, Path dir) {
        Path file = traceFile(r, dir);
        Path page = null;
        if (file != null && file.getFileName().toString().endsWith(".itf.json")) {
            page = TraceHtml.pageFor(file);
        }
        if (page == null || !Files.isRegularFile(page)) {
            // check --per-property writes a cell's counterexample in a folder of its property
            Path traces = r.property() == null ? dir.resolve("traces")
                    : dir.resolve("traces").resolve("by-property").resolve(r.property());
            Path conventional = traces.resolve(r.checker()).resolve(r.variant() + ".html");
            page = Files.isRegularFile(conventional) ? conventional : null;
        }
        return page;
    }

    /**
     * Where a record's trace is: results records name it relative to the repository (the results
     * folder's parent, {@code results/traces/...}), but an absolute path or one relative to the
     * results folder is accepted too.
     */
    static Path traceFile(ResultRecord r, Path dir) {
        if (r.trace() == null || r.trace().isBlank()) {
            return null;
        }
        Path t = Path.of(r.trace());
        if (t.isAbsolute()) {
            return t.normalize();
        }
        Path viaRoot = dir.getParent() == null ? null : dir.getParent().resolve(t).normalize();
        if (viaRoot != null && Files.exists(viaRoot)) {
            return viaRoot;
        }
        Path viaDir = dir.resolve(t).normalize();
        if (Files.exists(viaDir)) {
            return viaDir;
        }
        return viaRoot != null ? viaRoot : viaDir;
    }

    /** A relative link from the results folder, each path segment URL-encoded. */
    static String href(Path dir, Path target) {
        Path rel = dir.relativize(target.toAbsolutePath().normalize());
        StringBuilder sb = new StringBuilder();
        for (Path seg : rel) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            String s = seg.toString();
            sb.append(s.equals("..") ? s : URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    private static String td(String cls, String html) {
        return "<td class=\"" + cls + "\">" + html + "</td>";
    }

    private static String badge(String id, String cls, String text) {
        return "<span class=\"badge " + cls + "\" id=\"count-" + id + "\">" + Html.escape(text) + "</span> ";
    }
}
