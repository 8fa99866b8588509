package reservecheck.tlc;

import static reservecheck.tlc.MessageCodes.ASSUMPTION_CODES;
import static reservecheck.tlc.MessageCodes.CMDLINE_CODES;
import static reservecheck.tlc.MessageCodes.OOM_CODES;
import static reservecheck.tlc.MessageCodes.PARSE_CODES;
import static reservecheck.tlc.MessageCodes.isConfigCode;
import static reservecheck.tlc.MessageCodes.isEvaluationCode;
import static reservecheck.tlc.ToolOutput.oneLine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reservecheck.tlc.ToolOutput.Message;
import reservecheck.tlc.ToolOutput.Verdict;

/**
 * The verdict of one TLC run (docs/CATALOG.md's vocabulary) from its {@link ToolOutput}: the
 * messages first, in the order of the rules below, then, when no message decides, the exit code.
 */
final class ToolVerdict {
    private static final Pattern INVARIANT = Pattern.compile("Invariant (\\S+) is violated");
    private static final Pattern PROPERTY = Pattern.compile("[Pp]roperty (\\S+) is violated");
    private static final Pattern NAMED_TEMPORAL = Pattern.compile("[Tt]emporal property (\\S+) (?:is|was) violated");
    private static final Pattern NESTED_POSITION = Pattern.compile(
            "^\\d+\\. Line (\\d+), column (\\d+) to line \\d+, column \\d+ in (\\S+)", Pattern.MULTILINE);

    private final ToolOutput out;
    private final List<String> plainLines;

    ToolVerdict(ToolOutput out) {
        this.out = out;
        this.plainLines = out.plainLines();
    }

    /** See {@link ToolOutput#verdict}: the messages decide, else the exit code. */
    Verdict verdict(int exitCode, TlcConfig cfg) {
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
        List<Message> all = out.allMessages();
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
                return new Verdict("error:parse", SanyReport.summary(plainLines));
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
        if (out.first(2193).isPresent() && !out.truncated()) {
            TlcProgress s = out.statistics();
            return new Verdict("ok", "No error found"
                    + (s.distinctStates() >= 0 ? " (" + s.distinctStates() + " distinct states)" : ""));
        }
        // nothing decisive (or an error no rule above knows): the exit code decides
        return null;
    }

    /** See {@link ToolOutput#fromExitCode}: the exit code's meaning in TOOLS.md. */
    Verdict fromExitCode(int exitCode) {
        String firstError = out.allMessages().stream().filter(Message::isError).findFirst()
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
            case 150 -> new Verdict("error:parse", SanyReport.summary(plainLines));
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
}
