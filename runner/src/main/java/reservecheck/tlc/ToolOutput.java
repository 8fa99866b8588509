package reservecheck.tlc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLC's {@code -tool} output read into messages, statistics, a counterexample and a verdict. A pure
 * function of the text (and of the exit code and cfg for the verdict), so it is tested against
 * recorded outputs without running TLC.
 *
 * <p>Framing: {@code @!@!@STARTMSG code:severity @!@!@} ... {@code @!@!@ENDMSG code @!@!@}. A start
 * marker can appear in the middle of a line (after text of the enclosing message) and messages nest:
 * e.g. an "unexpected exception" 1000 wraps the cfg error 5006 that explains it. Text outside every
 * message (SANY's parse errors, JVM errors, stack traces) is kept as {@link #plainLines()}.
 *
 * <p>Message codes used (TLC 2.18, tlc2.output.EC):
 * <ul>
 *   <li>statistics: 2190 initial states ("Finished computing initial states: N distinct states
 *       generated"), 2200 progress ("Progress(depth) at ...: G states generated (...), D distinct
 *       states found (...), Q states left on queue", numbers with thousands separators), 2199 final
 *       counts ("G states generated, D distinct states found, Q states left on queue", no separators),
 *       2194 depth of the complete state graph, 2192 distinct states when temporal checking starts,
 *       2186 "Finished in 462ms" / "01min 05s";</li>
 *   <li>outcome: 2193 no error; 2110 invariant violated, 2107 in the initial state (the state is in
 *       the message body, no 2217 follows), 2108 property violated in the initial state, 2112 action
 *       property violated, 2114 deadlock, 2116 temporal properties violated (no name), 2132 Assert;</li>
 *   <li>counterexample: 2217 a state, 2218 stuttering, 2122 back to state N; 2121 and 2264
 *       introduce it, 2103 lists where an evaluation failed;</li>
 *   <li>errors: 3002 parsing or semantic analysis failed (details only in the plain text before it),
 *       2222-2243/2146/2280/2281/5001-5006 cfg, 2104 ASSUME false, 2105/2109/2111/2113/2176-2184/
 *       2251/2265 ... evaluation, 1000 with a 2103 or exit code 75-77 evaluation too, 1000 unexpected exception, 1001-1003 out of memory, 1101/1102/3100+
 *       bad command line.</li>
 * </ul>
 */
public final class ToolOutput {

    /** One framed message; {@code body} excludes nested messages, which are in {@code nested}. */
    public record Message(int code, int severity, String body, List<Message> nested) {
        public Message {
            nested = List.copyOf(nested);
        }

        /** The body and, after it, the text of all nested messages. */
        public String fullText() {
            StringBuilder sb = new StringBuilder(body);
            for (Message n : nested) {
                sb.append('\n').append(n.fullText());
            }
            return sb.toString();
        }

        public String firstLine() {
            int nl = body.indexOf('\n');
            return nl < 0 ? body : body.substring(0, nl);
        }

        /** Severity 1 (error) or 2 (TLC bug). */
        public boolean isError() {
            return severity == 1 || severity == 2;
        }
    }

    /** A verdict string as in docs/CATALOG.md and one line a person can read. */
    public record Verdict(String verdict, String message) {
    }

    public static final int PROGRESS = 2200;
    public static final int STATS = 2199;
    public static final int INIT_DONE = 2190;

    private static final Pattern MARKER =
            Pattern.compile("@!@!@(?:STARTMSG (\\d+):(\\d+)|ENDMSG (\\d+)) @!@!@");

    private final List<Message> messages;
    private final List<String> plainLines;
    private final boolean truncated;
    private final TlcProgress statistics;

    private ToolOutput(List<Message> messages, List<String> plainLines, boolean truncated,
                       TlcProgress statistics) {
        this.messages = List.copyOf(messages);
        this.plainLines = List.copyOf(plainLines);
        this.truncated = truncated;
        this.statistics = statistics;
    }

    public static ToolOutput parse(String text) {
        Reader r = new Reader(m -> { });
        for (String line : text.split("\r?\n", -1)) {
            r.line(line);
        }
        return r.finish();
    }

    /** Top-level messages in order. */
    public List<Message> messages() {
        return messages;
    }

    /** Every message, nested ones right after the message that contains them. */
    public List<Message> allMessages() {
        List<Message> all = new ArrayList<>();
        for (Message m : messages) {
            addAll(m, all);
        }
        return all;
    }

    private static void addAll(Message m, List<Message> out) {
        out.add(m);
        for (Message n : m.nested()) {
            addAll(n, out);
        }
    }

    public List<Message> messages(int code) {
        return allMessages().stream().filter(m -> m.code() == code).toList();
    }

    public Optional<Message> first(int code) {
        return allMessages().stream().filter(m -> m.code() == code).findFirst();
    }

    /** Lines outside every message: SANY's reports, JVM errors, stack traces. */
    public List<String> plainLines() {
        return plainLines;
    }

    /** True if the output ended inside a message (TLC was killed or crashed mid-message). */
    public boolean truncated() {
        return truncated;
    }

    /**
     * The statistics TLC printed, the final ones if it finished: distinct states, states generated,
     * queue, depth (-1 each when not printed); seconds from TLC's "Finished in" (-1 if absent).
     */
    public TlcProgress statistics() {
        return statistics;
    }

    // ---- incremental reading ------------------------------------------------------------------------

    /**
     * Reads the output line by line as TLC prints it, reporting each message as soon as it is
     * complete, so that a caller can stream progress while TLC runs.
     */
    public static final class Reader {
        private final Consumer<Message> onMessage;
        private final List<Message> top = new ArrayList<>();
        private final List<String> plain = new ArrayList<>();
        private final Deque<Open> open = new ArrayDeque<>();
        private final ToolStatistics stats = new ToolStatistics();

        private static final class Open {
            final int code;
            final int severity;
            final StringBuilder body = new StringBuilder();
            final List<Message> nested = new ArrayList<>();

            Open(int code, int severity) {
                this.code = code;
                this.severity = severity;
            }
        }

        /** @param onMessage called for every completed message, nested ones before their container */
        public Reader(Consumer<Message> onMessage) {
            this.onMessage = onMessage;
        }

        public void line(String line) {
            Matcher m = MARKER.matcher(line);
            int from = 0;
            boolean markerOnLine = false;
            while (m.find()) {
                String before = line.substring(from, m.start());
                if (m.group(1) != null) {
                    text(before, false);
                    open.push(new Open(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                    markerOnLine = true;
                    from = m.end();
                } else {
                    int code = Integer.parseInt(m.group(3));
                    if (open.stream().anyMatch(o -> o.code == code)) {
                        text(before, false);
                        while (true) {
                            Open o = open.pop();
                            close(o);
                            if (o.code == code) {
                                break;
                            }
                        }
                        markerOnLine = true;
                        from = m.end();
                    }
                    // an end marker nobody opened stays part of the text
                }
            }
            String rest = line.substring(from);
            // the line break after a marker is framing, not content
            if (!(markerOnLine && rest.isEmpty())) {
                text(rest, true);
            }
        }

        private void text(String s, boolean endOfLine) {
            if (open.isEmpty()) {
                if (!s.isEmpty() || endOfLine) {
                    plain.add(s);
                }
            } else {
                open.peek().body.append(s);
                if (endOfLine) {
                    open.peek().body.append('\n');
                }
            }
        }

        private void close(Open o) {
            Message msg = new Message(o.code, o.severity, o.body.toString().stripTrailing(), o.nested);
            if (open.isEmpty()) {
                top.add(msg);
            } else {
                open.peek().nested.add(msg);
            }
            stats.update(msg);
            onMessage.accept(msg);
        }

        /** Statistics seen so far. */
        public TlcProgress statistics() {
            return stats.snapshot();
        }

        /** Ends the input: messages still open are closed as they are (see {@link #truncated()}). */
        public ToolOutput finish() {
            boolean truncated = !open.isEmpty();
            while (!open.isEmpty()) {
                close(open.pop());
            }
            while (!plain.isEmpty() && plain.get(plain.size() - 1).isBlank()) {
                plain.remove(plain.size() - 1);
            }
            return new ToolOutput(top, plain, truncated, stats.snapshot());
        }
    }

    // ---- statistics (read by ToolStatistics) -------------------------------------------------------

    /** Whether a message carries statistics worth reporting as progress: 2190, 2200 or 2199. */
    public static boolean isProgress(Message m) {
        return m.code() == PROGRESS || m.code() == STATS || m.code() == INIT_DONE;
    }

    // ---- counterexample (read by ToolCounterexample) -----------------------------------------------

    /**
     * The counterexample: the 2217 states in order, a 2218 stuttering marker or 2122 loop marker at
     * its end; for an invariant violated by an initial state (2107) that one state.
     */
    public List<TraceStep> trace() {
        return ToolCounterexample.trace(allMessages());
    }

    // ---- verdict (ToolVerdict, with MessageCodes and SanyReport) ---------------------------------

    /**
     * The verdict. Violations and errors are read from the message codes; the exit code only decides
     * when no message does (and is noted in the message when it disagrees with what the messages say).
     *
     * @param exitCode TLC's exit code
     * @param cfg      the names the cfg checks, or null if unknown: names a violated temporal property,
     *                 (a {@code []P} PROPERTY that TLC reports as an invariant is one)
     */
    public Verdict verdict(int exitCode, TlcConfig cfg) {
        return new ToolVerdict(this).verdict(exitCode, cfg);
    }

    /** The verdict from the exit code alone (TOOLS.md), for outputs whose messages say nothing. */
    public Verdict fromExitCode(int exitCode) {
        return new ToolVerdict(this).fromExitCode(exitCode);
    }

    /** Whitespace (line breaks included) collapsed, a final full stop dropped, at most 300 characters. */
    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        if (t.endsWith(".") && !t.endsWith("..")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.length() > 300 ? t.substring(0, 297) + "..." : t;
    }

    @Override
    public String toString() {
        return "ToolOutput[" + messages.size() + " messages, " + plainLines.size() + " plain lines"
                + (truncated ? ", truncated" : "") + ", " + statistics + "]";
    }
}
