package reservecheck.tlc;

import static reservecheck.tlc.ToolOutput.INIT_DONE;
import static reservecheck.tlc.ToolOutput.PROGRESS;
import static reservecheck.tlc.ToolOutput.STATS;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reservecheck.tlc.ToolOutput.Message;

/**
 * The statistics in TLC's {@code -tool} messages, accumulated from messages in the order TLC
 * prints them: 2190 (and 2191, 2207, 2208) initial states, 2200 progress, 2199 final counts, 2194
 * depth, 2192 distinct states when temporal checking starts, 2186 the time TLC took (see
 * {@link ToolOutput} for the texts).
 */
final class ToolStatistics {
    private static final String NUM = "([\\d,]+)";
    private static final Pattern INIT_STATES = Pattern.compile(
            "Finished computing initial states: " + NUM + " (distinct )?states?(?: generated, with " + NUM
                    + " of them distinct)?");
    private static final Pattern PROGRESS_STATS = Pattern.compile(
            "Progress\\(" + NUM + "\\) at .*?: " + NUM + " states generated(?: \\([^)]*\\))?, " + NUM
                    + " distinct states found(?: \\([^)]*\\))?, " + NUM + " states left on queue");
    private static final Pattern FINAL_STATS = Pattern.compile(
            NUM + " states generated, " + NUM + " distinct states found(?:, " + NUM + " states left on queue)?");
    private static final Pattern DEPTH = Pattern.compile("The depth of the complete state graph search is " + NUM);
    private static final Pattern TEMPORAL_START = Pattern.compile("with " + NUM + " total distinct states");
    private static final Pattern FINISHED_MS = Pattern.compile("Finished in (\\d+)ms");
    private static final Pattern FINISHED_UNITS = Pattern.compile("Finished in ((?:\\d+(?:h|min|s) ?)+)");
    private static final Pattern UNIT = Pattern.compile("(\\d+)(h|min|s)");

    private static long num(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    long distinct = -1;
    long generated = -1;
    long queued = -1;
    int depth = -1;
    double seconds = -1;

    void update(Message m) {
        Matcher x;
        switch (m.code()) {
            case INIT_DONE, 2191, 2207, 2208 -> {
                if ((x = INIT_STATES.matcher(m.body())).find()) {
                    long n = num(x.group(1));
                    distinct = x.group(3) != null ? num(x.group(3)) : n;
                    generated = n;
                    depth = Math.max(depth, 1);
                }
            }
            case PROGRESS -> {
                if ((x = PROGRESS_STATS.matcher(m.body())).find()) {
                    depth = (int) num(x.group(1));
                    generated = num(x.group(2));
                    distinct = num(x.group(3));
                    queued = num(x.group(4));
                }
            }
            case STATS -> {
                if ((x = FINAL_STATS.matcher(m.body())).find()) {
                    generated = num(x.group(1));
                    distinct = num(x.group(2));
                    if (x.group(3) != null) {
                        queued = num(x.group(3));
                    }
                }
            }
            case 2194 -> {
                if ((x = DEPTH.matcher(m.body())).find()) {
                    depth = (int) num(x.group(1));
                }
            }
            case 2192 -> {
                if ((x = TEMPORAL_START.matcher(m.body())).find()) {
                    distinct = num(x.group(1));
                }
            }
            case 2186 -> {
                if ((x = FINISHED_MS.matcher(m.body())).find()) {
                    seconds = Long.parseLong(x.group(1)) / 1000.0;
                } else if ((x = FINISHED_UNITS.matcher(m.body())).find()) {
                    double s = 0;
                    Matcher u = UNIT.matcher(x.group(1));
                    while (u.find()) {
                        long n = Long.parseLong(u.group(1));
                        s += switch (u.group(2)) {
                            case "h" -> n * 3600;
                            case "min" -> n * 60;
                            default -> n;
                        };
                    }
                    seconds = s;
                }
            }
            default -> { }
        }
    }

    TlcProgress snapshot() {
        return new TlcProgress(distinct, generated, queued, depth, seconds);
    }
}
