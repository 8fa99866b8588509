package reservecheck.cli;

/**
 * The bounds of every {@code --timeout S}. Without an upper bound a huge value overflows when it is
 * turned into milliseconds for the child process's wait and the user sees an ArithmeticException
 * instead of one usage line.
 */
final class TimeoutOption {

    /** Thirty days: longer than any check of the catalog, far below a long's milliseconds. */
    static final long MAX_SECONDS = 30L * 24 * 3600;

    private TimeoutOption() {
    }

    /** Refuses (exit 2) a timeout below 1 second or above {@link #MAX_SECONDS}. */
    static void validate(long seconds) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new CliException(ExitCodes.USAGE,
                    "--timeout takes 1 to " + MAX_SECONDS + " seconds, not " + seconds);
        }
    }
}
