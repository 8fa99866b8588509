package reservecheck.cli;

import reservecheck.tlc.TlcProgress;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Progress of running jobs on stderr. Each job start and finish is a line (if asked for); while
 * jobs run, their state counts are reported periodically, so a long check shows it is alive.
 * On a terminal the periodic report is one line redrawn in place; in a log (CI) it is a plain
 * line every {@link #PLAIN_PERIOD_SECONDS} seconds, because carriage returns garble logs.
 */
final class ProgressReporter implements AutoCloseable {

    static final int PLAIN_PERIOD_SECONDS = 10;
    private static final int TERMINAL_PERIOD_SECONDS = 1;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private final boolean announceJobs;
    private final long startNanos = System.nanoTime();
    private final Map<String, TlcProgress> running = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker;
    private int done;
    private boolean statusShown;

    ProgressReporter(PrintWriter err, boolean terminal, int total, boolean announceJobs) {
        this(err, terminal, total, announceJobs, terminal ? TERMINAL_PERIOD_SECONDS : PLAIN_PERIOD_SECONDS);
    }

    /** With the period of the running-jobs report in seconds (tests use a short one). */
    ProgressReporter(PrintWriter err, boolean terminal, int total, boolean announceJobs, int periodSeconds) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        this.announceJobs = announceJobs;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reservecheck-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    synchronized void started(String job, String detail) {
        running.put(job, null);
        if (announceJobs) {
            line("[" + (done + running.size()) + "/" + total + "] start " + job + (detail == null ? "" : " " + detail));
        }
    }

    /** What a job's TLC reports while it runs. */
    Consumer<TlcProgress> listener(String job) {
        return p -> {
            synchronized (this) {
                if (running.containsKey(job)) {
                    running.put(job, p);
                }
            }
        };
    }

    synchronized void finished(String job, String summary) {
        running.remove(job);
        done++;
        if (announceJobs) {
            line("[" + done + "/" + total + " done] " + job + ": " + summary);
        }
    }

    private synchronized void line(String text) {
        if (statusShown) {
            err.print(CLEAR_LINE);
            statusShown = false;
        }
        err.println(text);
        err.flush();
    }

    private synchronized void tick() {
        try {
            if (running.isEmpty()) {
                return;
            }
            StringBuilder sb = new StringBuilder();
            sb.append("running (").append(done).append('/').append(total).append(" done, ")
                    .append(Math.round(elapsedSeconds())).append(" s):");
            String sep = " ";
            for (Map.Entry<String, TlcProgress> e : running.entrySet()) {
                sb.append(sep).append(e.getKey());
                TlcProgress p = e.getValue();
                if (p != null && p.distinctStates() >= 0) {
                    sb.append(' ').append(String.format(Locale.ROOT, "%,d", p.distinctStates())).append(" states");
                    if (p.depth() >= 0) {
                        sb.append(" depth ").append(p.depth());
                    }
                } else {
                    sb.append(" starting");
                }
                sep = "; ";
            }
            if (terminal) {
                String s = sb.toString();
                int width = terminalWidth();
                if (s.length() > width - 1) {
                    s = s.substring(0, Math.max(0, width - 4)) + "...";
                }
                err.print(CLEAR_LINE + s);
                statusShown = true;
            } else {
                err.println(sb);
            }
            err.flush();
        } catch (RuntimeException ignored) {
            // a progress report must never stop the run
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static int terminalWidth() {
        try {
            String c = System.getenv("COLUMNS");
            if (c != null) {
                return Math.max(40, Integer.parseInt(c.trim()));
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        return 120;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        synchronized (this) {
            if (statusShown) {
                err.print(CLEAR_LINE);
                statusShown = false;
                err.flush();
            }
        }
    }
}
