package reservecheck.tlc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        private final Stats stats = new Stats();

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

    // ---- statistics -------------------------------------------------------------------------------------

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

    /** Accumulates statistics from messages in the order TLC prints them. */
    private static final class Stats {
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

    /** Whether a message carries statistics worth reporting as progress: 2190, 2200 or 2199. */
    public static boolean isProgress(Message m) {
        return m.code() == PROGRESS || m.code() == STATS || m.code() == INIT_DONE;
    }

    // ---- counterexample ------------------------------------------------------------------------------

    private static final Pattern STATE_HEADER = Pattern.compile("^(\\d+): <(.*)>\\s*$");
    private static final Pattern LOCATION = Pattern.compile(
            "^(.*?) ?(line \\d+, col \\d+ to line \\d+, col \\d+ of module \\S+)$");
    private static final Pattern STUTTER = Pattern.compile("^(\\d+): Stuttering");
    private static final Pattern BACK_TO = Pattern.compile("^(\\d+): Back to state(?::\\s*<(.*)>)?");
    private static final Pattern CONJUNCT = Pattern.compile("^/\\\\ ([A-Za-z0-9_]+) = (.*)$");
    private static final Pattern SINGLE = Pattern.compile("^([A-Za-z0-9_]+) = (.*)$");

    /**
     * The counterexample: the 2217 states in order, a 2218 stuttering marker or 2122 loop marker at
     * its end; for an invariant violated by an initial state (2107) that one state.
     */
    public List<TraceStep> trace() {
        List<TraceStep> steps = new ArrayList<>();
        for (Message m : allMessages()) {
            switch (m.code()) {
                case 2107, 2108 -> {
                    // "Invariant X is violated by the initial state:" followed by the state
                    String body = m.body();
                    int nl = body.indexOf('\n');
                    if (nl >= 0) {
                        steps.add(new TraceStep(1, "Initial predicate", null, false, null,
                                vars(body.substring(nl + 1).lines().toList())));
                    }
                }
                case 2217 -> {
                    List<String> lines = m.body().lines().toList();
                    if (lines.isEmpty()) {
                        continue;
                    }
                    Matcher h = STATE_HEADER.matcher(lines.get(0));
                    if (!h.matches()) {
                        continue;
                    }
                    String[] action = action(h.group(2));
                    steps.add(new TraceStep(Integer.parseInt(h.group(1)), action[0], action[1], false, null,
                            vars(lines.subList(1, lines.size()))));
                }
                case 2218 -> {
                    Matcher s = STUTTER.matcher(m.body());
                    int index = s.find() ? Integer.parseInt(s.group(1)) : steps.size() + 1;
                    steps.add(new TraceStep(index, null, null, true, null, new LinkedHashMap<>()));
                }
                case 2122 -> {
                    Matcher b = BACK_TO.matcher(m.body());
                    if (b.find()) {
                        String[] action = b.group(2) == null ? new String[] {null, null} : action(b.group(2));
                        int index = steps.isEmpty() ? 1 : steps.get(steps.size() - 1).index() + 1;
                        steps.add(new TraceStep(index, action[0], action[1], false,
                                Integer.parseInt(b.group(1)), new LinkedHashMap<>()));
                    }
                }
                default -> { }
            }
        }
        return steps;
    }

    /** "Name line 5, col 9 to line 5, col 27 of module M" into name and location. */
    private static String[] action(String text) {
        Matcher l = LOCATION.matcher(text.strip());
        if (l.matches()) {
            String name = l.group(1).strip();
            return new String[] {name.isEmpty() ? null : name, l.group(2)};
        }
        return new String[] {text.strip(), null};
    }

    /**
     * A state's variables: {@code /\ v = value} lines, or a single {@code v = value} when the spec has
     * one variable. Values TLC breaks over several lines keep their line breaks.
     */
    static LinkedHashMap<String, String> vars(List<String> lines) {
        LinkedHashMap<String, String> vars = new LinkedHashMap<>();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            return vars;
        }
        boolean conjunction = lines.get(first).startsWith("/\\ ");
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines.subList(first, lines.size())) {
            Matcher m = conjunction ? CONJUNCT.matcher(line) : (name == null ? SINGLE.matcher(line) : null);
            if (m != null && m.matches()) {
                if (name != null) {
                    vars.put(name, value.toString().stripTrailing());
                }
                name = m.group(1);
                value.setLength(0);
                value.append(m.group(2));
            } else if (name != null) {
                value.append('\n').append(line);
            }
        }
        if (name != null) {
            vars.put(name, value.toString().stripTrailing());
        }
        return vars;
    }

    // ---- verdict ---------------------------------------------------------------------------------

    private static final Pattern INVARIANT = Pattern.compile("Invariant (\\S+) is violated");
    private static final Pattern PROPERTY = Pattern.compile("[Pp]roperty (\\S+) is violated");
    private static final Pattern NAMED_TEMPORAL = Pattern.compile("[Tt]emporal property (\\S+) (?:is|was) violated");
    private static final Pattern NESTED_POSITION = Pattern.compile(
            "^\\d+\\. Line (\\d+), column (\\d+) to line \\d+, column \\d+ in (\\S+)", Pattern.MULTILINE);

    private static final Set<Integer> PARSE_CODES = Set.of(3002, 4000, 4001, 4002, 2171, 2245, 2119);
    private static final Set<Integer> ASSUMPTION_CODES = Set.of(2104);
    private static final Set<Integer> OOM_CODES = Set.of(1001, 1002, 1003);
    private static final Set<Integer> CMDLINE_CODES = Set.of(1101, 1102);

    private static boolean isConfigCode(int code) {
        // 2146: an INVARIANT that is not a state predicate, a wrong name in the cfg like the others
        return (code >= 2222 && code <= 2243) || code == 2146 || code == 2280 || code == 2281
                || (code >= 5001 && code <= 5006);
    }

    private static boolean isEvaluationCode(int code) {
        return code == 2105 || code == 2106 || code == 2109 || code == 2111 || code == 2113 || code == 2118
                || code == 2120 || (code >= 2141 && code <= 2145) || code == 2147 || (code >= 2164 && code <= 2165)
                || (code >= 2169 && code <= 2170) || (code >= 2176 && code <= 2184) || code == 2246
                || code == 2247 || code == 2248 || (code >= 2250 && code <= 2253) || code == 2260
                || code == 2261 || code == 2265 || code == 2266 || code == 2283;
    }

    /**
     * The verdict. Violations and errors are read from the message codes; the exit code only decides
     * when no message does (and is noted in the message when it disagrees with what the messages say).
     *
     * @param exitCode TLC's exit code
     * @param cfg      the names the cfg checks, or null if unknown: names a violated temporal property,
     *                 (a {@code []P} PROPERTY that TLC reports as an invariant is one)
     */
    public Verdict verdict(int exitCode, TlcConfig cfg) {
        Verdict v = fromMessages(exitCode, cfg);
        if (v == null) {
            return fromExitCode(exitCode);
        }
        if (!exitCodeAgrees(v.verdict(), exitCode)) {
            return new Verdict(v.verdict(), v.message() + " (TLC exit code " + exitCode + ")");
        }
        return v;
    }

    private Verdict fromMessages(int exitCode, TlcConfig cfg) {
        List<Message> all = allMessages();
        // a violation is a definite finding: it wins over whatever went wrong afterwards
        for (Message m : all) {
            Matcher x;
            switch (m.code()) {
                case 2110, 2107 -> {
                    String name = (x = INVARIANT.matcher(m.body())).find() ? x.group(1) : "unknown";
                    // TLC checks a []P listed under PROPERTIES as an invariant, reports it as one
                    // (2110) and exits 12: it is a safety violation with a finite trace, so it is
                    // an invariant verdict whether the cfg lists P as INVARIANT or as PROPERTY
                    return new Verdict("invariant:" + name, oneLine(m.firstLine()).replaceFirst(":$", ""));
                }
                case 2108, 2112 -> {
                    String name = (x = PROPERTY.matcher(m.body())).find() ? x.group(1) : "unknown";
                    return new Verdict("liveness:" + name, oneLine(m.firstLine()).replaceFirst(":$", ""));
                }
                case 2116 -> {
                    String name;
                    if ((x = NAMED_TEMPORAL.matcher(m.body())).find()) {
                        name = x.group(1);
                    } else if (cfg != null && cfg.properties().size() == 1) {
                        name = cfg.properties().get(0);
                    } else {
                        name = "unknown";
                    }
                    String message = name.equals("unknown")
                            ? "Temporal properties were violated"
                              + (cfg != null && !cfg.properties().isEmpty()
                                 ? " (one of " + String.join(", ", cfg.properties()) + ")" : "")
                            : "Temporal property " + name + " is violated";
                    return new Verdict("liveness:" + name, message);
                }
                case 2114 -> {
                    return new Verdict("deadlock", "Deadlock reached");
                }
                case 2132 -> {
                    return new Verdict("assert", assertMessage(m, all));
                }
                default -> { }
            }
        }
        String oom = outOfMemory(all);
        if (oom != null) {
            return new Verdict("inconclusive:out-of-memory", oom);
        }
        for (Message m : all) {
            if (PARSE_CODES.contains(m.code())) {
                return new Verdict("error:parse", parseMessage());
            }
        }
        for (Message m : all) {
            if (isConfigCode(m.code())) {
                return new Verdict("error:config", "Configuration error: " + oneLine(m.fullText()));
            }
        }
        for (Message m : all) {
            if (ASSUMPTION_CODES.contains(m.code())) {
                return new Verdict("error:assumption", oneLine(m.fullText()));
            }
        }
        for (Message m : all) {
            if (isEvaluationCode(m.code())) {
                return new Verdict("error:evaluation", evaluationMessage(m, all));
            }
        }
        for (Message m : all) {
            if (CMDLINE_CODES.contains(m.code()) || (m.code() >= 3100 && m.code() < 3200)) {
                return new Verdict("inconclusive:crash", "TLC rejected its command line: " + oneLine(m.fullText()));
            }
            if (m.code() == 2128) {
                return new Verdict("inconclusive:crash", "TLC bug: " + oneLine(m.fullText()));
            }
        }
        for (Message m : all) {
            if (m.code() == 1000) {
                // TLC reports most errors in a spec's expressions as an "unexpected exception" too; they
                // come with the positions being evaluated (2103) or an evaluation-failure exit code
                boolean evaluation = exitCode == 75 || exitCode == 76 || exitCode == 77
                        || all.stream().anyMatch(x -> x.code() == 2103)
                        || m.body().contains("The exception was a java.lang.RuntimeException")
                        || m.body().contains("EvalException");
                return evaluation
                        ? new Verdict("error:evaluation", evaluationMessage(m, all))
                        : new Verdict("inconclusive:crash", "TLC crashed: " + exceptionText(m));
            }
        }
        String exception = javaException();
        if (exception != null) {
            return new Verdict("inconclusive:crash", exception);
        }
        if (first(2193).isPresent() && !truncated) {
            TlcProgress s = statistics;
            return new Verdict("ok", "No error found"
                    + (s.distinctStates() >= 0 ? " (" + s.distinctStates() + " distinct states)" : ""));
        }
        // nothing decisive (or an error no rule above knows): the exit code decides
        return null;
    }

    /** The verdict from the exit code alone (TOOLS.md), for outputs whose messages say nothing. */
    public Verdict fromExitCode(int exitCode) {
        String firstError = allMessages().stream().filter(Message::isError).findFirst()
                .map(m -> oneLine(m.fullText())).orElse(null);
        String detail = firstError != null ? firstError
                : plainLines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).map(ToolOutput::oneLine)
                .orElse("no output");
        return switch (exitCode) {
            case 0 -> new Verdict("inconclusive:crash", "TLC exited normally without reporting a result");
            case 10 -> new Verdict("error:assumption", "An assumption is false: " + detail);
            case 11 -> new Verdict("deadlock", "Deadlock reached");
            case 12 -> new Verdict("invariant:unknown", "An invariant is violated: " + detail);
            case 13 -> new Verdict("liveness:unknown", "A property is violated: " + detail);
            case 14 -> new Verdict("assert", "Assert failed: " + detail);
            case 75, 76, 77 -> new Verdict("error:evaluation", "Evaluation error: " + detail);
            case 150 -> new Verdict("error:parse", parseMessage());
            case 151 -> new Verdict("error:config", "Configuration error: " + detail);
            case 255 -> javaException() != null
                    ? new Verdict("inconclusive:crash", javaException())
                    : new Verdict("error:evaluation", "TLC error: " + detail);
            case 3 -> new Verdict("inconclusive:out-of-memory", "The TLC JVM ran out of memory: " + detail);
            default -> new Verdict("inconclusive:crash", exitCode > 128
                    ? "TLC was killed by signal " + (exitCode - 128) : "TLC exited with code " + exitCode + ": " + detail);
        };
    }

    private static boolean exitCodeAgrees(String verdict, int exit) {
        if (verdict.startsWith("inconclusive:")) {
            return true;
        }
        if (verdict.startsWith("invariant:") || verdict.startsWith("liveness:")) {
            return exit == 12 || exit == 13;
        }
        return switch (verdict) {
            case "ok" -> exit == 0;
            case "deadlock" -> exit == 11;
            case "assert" -> exit == 14;
            case "error:parse" -> exit == 150;
            case "error:config" -> exit == 151 || exit == 255;
            case "error:assumption" -> exit == 10;
            case "error:evaluation" -> exit == 75 || exit == 76 || exit == 77 || exit == 255;
            default -> true;
        };
    }

    private String outOfMemory(List<Message> all) {
        for (Message m : all) {
            if (OOM_CODES.contains(m.code())) {
                return "TLC ran out of memory: " + oneLine(m.firstLine());
            }
        }
        // not the state messages: a spec's own strings must not look like an out-of-memory error
        for (Message m : all) {
            if (m.isError() && m.code() != 2217 && mentionsOom(m.body())) {
                return "TLC ran out of memory (" + oneLine(m.firstLine()) + ")";
            }
        }
        for (String line : plainLines) {
            if (mentionsOom(line)) {
                return "The TLC JVM ran out of memory: " + oneLine(line);
            }
        }
        return null;
    }

    private static boolean mentionsOom(String s) {
        return s.contains("OutOfMemoryError") || s.contains("Java heap space")
                || s.contains("GC overhead limit exceeded");
    }

    private static final Pattern EXCEPTION_LINE = Pattern.compile(
            "^(?:Exception in thread \"[^\"]*\" )?([a-z][\\w$]*\\.)+[\\w$]*(Exception|Error)\\b.*");

    /** The first line of a Java stack trace in the plain text, if any. */
    private String javaException() {
        for (int i = 0; i < plainLines.size(); i++) {
            String l = plainLines.get(i).strip();
            if (EXCEPTION_LINE.matcher(l).matches() && i + 1 < plainLines.size()
                    && plainLines.get(i + 1).strip().startsWith("at ")) {
                return "TLC crashed: " + oneLine(l);
            }
        }
        return null;
    }

    private String assertMessage(Message m, List<Message> all) {
        String body = m.body();
        int colon = body.indexOf("second argument was:");
        String what = colon >= 0 ? body.substring(colon + "second argument was:".length()) : body;
        String where = deepestPosition(all);
        return "Assert failed: " + oneLine(what) + (where != null ? " (" + where + ")" : "");
    }

    /** The error, its nested explanation and where it was evaluated, on one line. */
    private static String evaluationMessage(Message m, List<Message> all) {
        StringBuilder sb = new StringBuilder(m.code() == 1000 ? exceptionText(m) : oneLine(m.body()));
        for (Message n : m.nested()) {
            sb.append(": ").append(oneLine(n.fullText()));
        }
        String where = deepestPosition(all);
        if (where != null && !sb.toString().contains(" of module ")) {
            sb.append(" (").append(where).append(')');
        }
        return sb.toString();
    }

    /** A 1000 message without TLC's boilerplate: the exception's own text, else its class. */
    private static String exceptionText(Message m) {
        String body = m.body();
        int at = body.indexOf("The exception was a ");
        if (at < 0) {
            return oneLine(m.fullText());
        }
        String rest = body.substring(at + "The exception was a ".length());
        int colon = rest.indexOf("\n:");
        String detail = colon >= 0 ? rest.substring(colon + 2).strip() : "";
        if (detail.isEmpty()) {
            detail = m.nested().isEmpty() ? rest : m.nested().get(0).fullText();
        }
        return oneLine(detail);
    }

    /** The innermost expression position of a 2103 message: where the evaluation failed. */
    private static String deepestPosition(List<Message> all) {
        return all.stream().filter(x -> x.code() == 2103).findFirst().map(loc -> {
            Matcher p = NESTED_POSITION.matcher(loc.body());
            String last = null;
            while (p.find()) {
                last = p.group(3) + ".tla line " + p.group(1) + ", col " + p.group(2);
            }
            return last;
        }).orElse(null);
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
    String parseMessage() {
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
