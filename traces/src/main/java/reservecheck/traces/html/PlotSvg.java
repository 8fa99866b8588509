package reservecheck.traces.html;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import reservecheck.traces.html.PlotData.Line;

/**
 * The declared plots as inline SVG, written when the page is generated: a page without script
 * (a mail preview, a text search of the file) still has them.  Every point carries its step and
 * value ({@code data-step}, {@code data-value}), so the page's script can move a cursor over
 * them and a test can read them back.
 */
final class PlotSvg {

    private static final String[] COLORS = {"#2563eb", "#d9480f", "#2b8a3e", "#9c36b5", "#0b7285", "#c2255c",
        "#5c940d", "#e67700"};
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 18;
    private static final int HEIGHT = 120;
    private static final int BOTTOM = 22;

    private PlotSvg() {
    }

    /** The section with every plot, or "" when there is nothing to plot. */
    static String section(List<PlotData> plots, List<String> problems, Integer loop) {
        if (plots.isEmpty() && problems.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<section id=\"plots\" class=\"panel\">\n  <h2>Declared plots</h2>\n");
        for (String p : problems) {
            sb.append("  <p class=\"note plot-problem\">Not plotted: ").append(Html.escape(p)).append(".</p>\n");
        }
        sb.append("  <div class=\"plots\">\n");
        for (PlotData p : plots) {
            sb.append(figure(p, loop));
        }
        return sb.append("  </div>\n</section>\n").toString();
    }

    static String figure(PlotData p, Integer loop) {
        int n = p.lines().get(0).values().size();
        double stepW = Math.max(14, Math.min(40, 640.0 / Math.max(1, n)));
        double plotW = stepW * Math.max(1, n - 1);
        int width = (int) Math.ceil(LEFT + plotW + RIGHT);
        long hi = p.limit() == null ? 1 : Math.max(1, p.limit().longValue());
        long lo = 0;
        for (Line l : p.lines()) {
            for (BigInteger v : l.values()) {
                if (v != null) {
                    hi = Math.max(hi, v.longValue());
                    lo = Math.min(lo, v.longValue());
                }
            }
        }
        final long top = hi;
        final long bottom = lo;
        java.util.function.LongFunction<Double> y = v -> TOP + (top - v) * (double) HEIGHT / (top - bottom);
        java.util.function.IntFunction<Double> x = i -> LEFT + i * stepW;
        int h = TOP + HEIGHT + BOTTOM;

        StringBuilder sb = new StringBuilder();
        String id = Html.escape(p.plot().id());
        sb.append("    <figure class=\"decl-plot\" id=\"plot-").append(id).append("\" data-plot=\"").append(id)
                .append("\" data-steps=\"").append(n).append("\">\n");
        sb.append("      <figcaption>").append(Html.escape(p.plot().title())).append("</figcaption>\n");
        sb.append("      <svg width=\"").append(width).append("\" height=\"").append(h).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(h).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(p.plot().title())).append("\">\n");
        // axes: the y range's ends, and every step on x (labelled where there is room)
        sb.append(String.format(Locale.ROOT, "        <line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>%n",
                LEFT, width - RIGHT, y.apply(lo), y.apply(lo)));
        sb.append(String.format(Locale.ROOT, "        <text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
                LEFT - 6, y.apply(hi) + 4, hi));
        sb.append(String.format(Locale.ROOT, "        <text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
                LEFT - 6, y.apply(lo) + 4, lo));
        int every = stepW >= 20 ? 1 : stepW >= 10 ? 2 : 5;
        for (int i = 0; i < n; i += every) {
            sb.append(String.format(Locale.ROOT, "        <text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x.apply(i), TOP + HEIGHT + 16, i));
        }
        if (loop != null) {
            sb.append(String.format(Locale.ROOT,
                    "        <rect class=\"loop-band\" data-loop=\"%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>the lasso loops from step %d to step %d</title></rect>%n",
                    loop, x.apply(loop), TOP, x.apply(n - 1) - x.apply(loop), HEIGHT, loop, n - 1));
        }
        if (p.limit() != null) {
            sb.append(String.format(Locale.ROOT,
                    "        <line class=\"limit\" data-limit=\"%s\" data-value=\"%s\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>%n",
                    Html.escape(p.plot().limit()), p.limit(), LEFT, width - RIGHT, y.apply(p.limit().longValue()),
                    y.apply(p.limit().longValue())));
            sb.append(String.format(Locale.ROOT, "        <text class=\"limit-label\" x=\"%d\" y=\"%.1f\">%s = %s</text>%n",
                    LEFT + 4, y.apply(p.limit().longValue()) - 4, Html.escape(p.plot().limit()), p.limit()));
        }
        sb.append(String.format(Locale.ROOT, "        <line class=\"plot-cursor\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>%n",
                x.apply(0), x.apply(0), TOP, TOP + HEIGHT));
        for (int li = 0; li < p.lines().size(); li++) {
            Line l = p.lines().get(li);
            String color = COLORS[li % COLORS.length];
            // lines that coincide are offset a little, so each stays visible
            double off = (li - (p.lines().size() - 1) / 2.0) * 2.0;
            String name = Html.escape(l.name());
            sb.append("        <g class=\"series").append(l.mark() != null ? " marked" : "").append("\" data-series=\"")
                    .append(name).append("\"").append(l.mark() != null ? " data-mark=\"" + Html.escape(l.mark()) + "\"" : "")
                    .append(" stroke=\"").append(color).append("\" fill=\"").append(color).append("\">\n");
            // Step-shaped: a state's value holds until the next step changes it, so the line
            // goes flat to the next step and then up or down, never on a slope.
            StringBuilder pts = new StringBuilder();
            Double prevY = null;
            for (int i = 0; i < n; i++) {
                BigInteger v = l.values().get(i);
                if (v == null) {
                    prevY = null;
                    continue;
                }
                double yy = y.apply(v.longValue()) + off;
                if (prevY != null && prevY != yy) {
                    pts.append(String.format(Locale.ROOT, " %.1f,%.1f", x.apply(i), prevY));
                }
                pts.append(String.format(Locale.ROOT, "%s%.1f,%.1f", pts.length() == 0 ? "" : " ", x.apply(i), yy));
                prevY = yy;
            }
            sb.append("          <polyline points=\"").append(pts).append("\"/>\n");
            for (int i = 0; i < n; i++) {
                BigInteger v = l.values().get(i);
                if (v == null) {
                    continue;
                }
                sb.append(String.format(Locale.ROOT,
                        "          <circle class=\"pt\" data-step=\"%d\" data-value=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\"><title>step %d: %s = %s</title></circle>%n",
                        i, v, x.apply(i), y.apply(v.longValue()) + off, l.mark() != null ? "3.5" : "2.5", i, name, v));
            }
            sb.append("        </g>\n");
        }
        sb.append("      </svg>\n      <div class=\"plot-legend\">");
        for (int li = 0; li < p.lines().size(); li++) {
            Line l = p.lines().get(li);
            sb.append("<span data-series=\"").append(Html.escape(l.name())).append("\"")
                    .append(l.mark() != null ? " class=\"marked\"" : "").append("><span class=\"sw\" style=\"background:")
                    .append(COLORS[li % COLORS.length]).append("\"></span>").append(Html.escape(l.name()));
            if (l.mark() != null) {
                sb.append(" <b class=\"mark\">").append(Html.escape(l.mark())).append("</b>");
            }
            sb.append("</span>");
        }
        if (p.limit() != null) {
            sb.append("<span class=\"limit-key\"><span class=\"sw dashed\"></span>").append(Html.escape(p.plot().limit()))
                    .append("</span>");
        }
        sb.append("</div>\n    </figure>\n");
        return sb.toString();
    }
}
