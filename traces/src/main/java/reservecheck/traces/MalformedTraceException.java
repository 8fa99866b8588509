package reservecheck.traces;

import java.io.IOException;

/**
 * A trace file that is not a well-formed reservecheck ITF trace.  The message is one line,
 * {@code source: $.json.path: problem}, so that a person can go straight to the spot in the
 * file and a script can show it as it is.  It is an IOException, as Jackson's parse errors are,
 * so code that reads a trace file handles a bad file where it handles an unreadable one.
 */
public final class MalformedTraceException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String jsonPath;
    private final String problem;

    /**
     * @param source   the file as the user named it (or another short name of the input)
     * @param jsonPath where in the document, as {@code $.states[2].curr_nr}
     * @param problem  what is wrong there, one line
     */
    public MalformedTraceException(String source, String jsonPath, String problem) {
        super(source + ": " + jsonPath + ": " + oneLine(problem));
        this.source = source;
        this.jsonPath = jsonPath;
        this.problem = oneLine(problem);
    }

    public String source() {
        return source;
    }

    public String jsonPath() {
        return jsonPath;
    }

    public String problem() {
        return problem;
    }

    static String oneLine(String s) {
        if (s == null || s.isBlank()) {
            return "(no detail)";
        }
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
