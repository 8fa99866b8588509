package reservecheck.tlc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reservecheck.tlc.ToolOutput.Message;

/**
 * The counterexample in TLC's {@code -tool} messages: 2217 a state (its header "N: <Action line
 * .., col .. of module M>", then its variables), 2218 stuttering, 2122 back to state N, and the
 * state in the body of a 2107 or 2108 violation by the initial state.
 */
final class ToolCounterexample {

    private static final Pattern STATE_HEADER = Pattern.compile("^(\\d+): <(.*)>\\s*$");
    private static final Pattern LOCATION = Pattern.compile(
            "^(.*?) ?(line \\d+, col \\d+ to line \\d+, col \\d+ of module \\S+)$");
    private static final Pattern STUTTER = Pattern.compile("^(\\d+): Stuttering");
    private static final Pattern BACK_TO = Pattern.compile("^(\\d+): Back to state(?::\\s*<(.*)>)?");
    private static final Pattern CONJUNCT = Pattern.compile("^/\\\\ ([A-Za-z0-9_]+) = (.*)$");
    private static final Pattern SINGLE = Pattern.compile("^([A-Za-z0-9_]+) = (.*)$");

    /** The counterexample in the messages {@code all}, nested ones in place (see {@link ToolOutput#trace}). */
    static List<TraceStep> trace(List<Message> all) {
        List<TraceStep> steps = new ArrayList<>();
        for (Message m : all) {
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
}
