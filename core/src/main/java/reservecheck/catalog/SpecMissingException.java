package reservecheck.catalog;

/**
 * A protocol names a TLA+ spec that does not exist. Separate from a malformed catalog because the
 * CLI reports it with its own exit code, and only for the protocols it was asked to check.
 */
public class SpecMissingException extends CatalogException {

    private static final long serialVersionUID = 1L;

    public SpecMissingException(String message) {
        super(message);
    }
}
