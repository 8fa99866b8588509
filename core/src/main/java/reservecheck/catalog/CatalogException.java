package reservecheck.catalog;

import java.util.List;

/**
 * The catalog cannot be used. The message is one line, {@code file:line: path: problem}, so that
 * editors and CI logs can jump to it; {@link #problems()} holds every problem found, first one
 * first (the message is the first).
 */
public class CatalogException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public CatalogException(String message) {
        this(List.of(message));
    }

    public CatalogException(List<String> problems) {
        super(problems.isEmpty() ? "catalog: unknown problem" : problems.get(0));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each one line, in file then line order. */
    public List<String> problems() {
        return problems;
    }
}
