package reservecheck.catalog;

/**
 * A parameter value given on the command line ({@code --set NAME=VALUE}) that the protocol cannot
 * take: unknown name, wrong type, or outside the declared bounds. The message is one line,
 * starting with the {@code --set} option as given.
 */
public class BadParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadParameterException(String message) {
        super(message);
    }
}
