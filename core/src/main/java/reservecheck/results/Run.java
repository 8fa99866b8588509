package reservecheck.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One invocation that writes results ({@code reservecheck check}, {@code jpf}): its id and when it
 * started.  A results file merges records of many runs, so the report can show a TLC row and an
 * explorer row made at different overrides side by side; the stamp on each record is what lets
 * it say which rows are from an earlier run.
 *
 * @param id      the run's id: letters, digits and {@code . _ : -}
 * @param started when it started, to the second (written as ISO-8601 UTC, {@code 2026-12-04T02:18:43Z})
 */
public record Run(String id, Instant started) {

    /** What a run id may hold: it is written into file names' neighbours, pages and CI logs. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,80}");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public Run {
        Objects.requireNonNull(started, "started");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a run id is 1 to 80 letters, digits, '.', '_', ':' or '-': " + id);
        }
        started = started.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * A run starting now.  Its id is the start time and this process's id, so two runs started in
     * the same second on one machine (two {@code check}s at once) still differ.
     */
    public static Run startingNow() {
        Instant now = Instant.now();
        return new Run(COMPACT.format(now) + "-" + ProcessHandle.current().pid(), now);
    }

    /**
     * The environment variable that names the run of every invocation started under it: {@code make
     * test} sets it, so its test JVMs (jqwik, Lincheck) and any {@code check} write records of one run.
     */
    public static final String ENV = "RESERVECHECK_RUN_ID";

    /**
     * This invocation's run: under {@value #ENV}'s id when it is set, else a new id.
     *
     * @throws IllegalArgumentException when {@value #ENV} holds no valid id
     */
    public static Run ofThisInvocation() {
        String id = System.getenv(ENV);
        if (id == null || id.isBlank()) {
            return startingNow();
        }
        if (!ID.matcher(id.strip()).matches()) {
            throw new IllegalArgumentException(ENV + " is not a run id (1 to 80 letters, digits, '.', '_', ':' or '-')");
        }
        return startingNow(id.strip());
    }

    /** A run starting now under a given id (the shards of one CI run share theirs). */
    public static Run startingNow(String id) {
        return new Run(id, Instant.now());
    }
}
