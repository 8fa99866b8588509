package reservecheck.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one results file every checker adds to. Each checker merges its records: a record replaces
 * the one with the same (variant, checker), all others stay. Merges are serialised with a lock
 * file (checkers may run at the same time, in different JVMs) and the file is replaced atomically,
 * so a reader never sees half of it.
 */
public final class ResultsFile {

    /** The default place, relative to the repository root. */
    public static final String DEFAULT = "results/results.json";
    /** Bumped when a reader of an older layout would misread the file. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Comparator<ResultRecord> ORDER = Comparator.comparing(ResultRecord::protocol)
            .thenComparing(ResultRecord::variant).thenComparing(ResultRecord::checker)
            .thenComparing(r -> r.property() == null ? "" : r.property());
    // FileLock is per process; threads of one JVM wait here first.
    private static final Object IN_PROCESS = new Object();

    private final Path file;

    public ResultsFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public static ResultsFile inRepository(Path root) {
        return new ResultsFile(root.resolve(DEFAULT));
    }

    public Path path() {
        return file;
    }

    /** Every record in the file; none when it does not exist. */
    public List<ResultRecord> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(file + ": not a results file: " + e.getMessage(), e);
        }
        JsonNode records = root == null ? null : root.get("records");
        if (records == null || !records.isArray()) {
            throw new IOException(file + ": not a results file: no \"records\" list");
        }
        List<ResultRecord> out = new ArrayList<>();
        for (JsonNode r : records) {
            out.add(fromJson(r));
        }
        return out;
    }

    /**
     * Adds {@code records} to the file, replacing those with the same (variant, checker, property).
     *
     * @return every record now in the file, sorted by protocol, variant, checker
     */
    public List<ResultRecord> merge(Collection<ResultRecord> records) throws IOException {
        return merge(records, false);
    }

    /**
     * {@link #merge}, then the JUnit XML of every checker in the merged file
     * ({@link JUnitXmlWriter#writeAll}), under the same lock: a JUnit file written from one run's
     * records alone would drop the records earlier runs left in results.json, and one written
     * after the lock could be overwritten by a concurrent run's older view of the file.
     *
     * @return every record now in the file, sorted by protocol, variant, checker
     */
    public List<ResultRecord> mergeWithJUnit(Collection<ResultRecord> records) throws IOException {
        return merge(records, true);
    }

    private List<ResultRecord> merge(Collection<ResultRecord> records, boolean junit) throws IOException {
        Files.createDirectories(file.getParent());
        Path lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
        synchronized (IN_PROCESS) {
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                Map<String, ResultRecord> byKey = new LinkedHashMap<>();
                for (ResultRecord r : read()) {
                    byKey.put(key(r), r);
                }
                for (ResultRecord r : records) {
                    byKey.put(key(r), r);
                }
                List<ResultRecord> merged = new ArrayList<>(byKey.values());
                merged.sort(ORDER);
                write(merged);
                if (junit) {
                    JUnitXmlWriter.writeAll(JUnitXmlWriter.junitDir(file), merged);
                }
                return merged;
            }
        }
    }

    private static String key(ResultRecord r) {
        return r.variant() + "\u0000" + r.checker() + (r.property() == null ? "" : "\u0000" + r.property());
    }

    private void write(List<ResultRecord> records) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode arr = root.putArray("records");
        for (ResultRecord r : records) {
            arr.add(toJson(r));
        }
        writeAtomically(file, JSON.writeValueAsString(root) + "\n");
    }

    /** Writes through a temporary file in the same folder and renames it over the target. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            readableByAll(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A temporary file is private (rw-------); the report it becomes is read by other tools and
     * users, like any file the build writes.
     */
    private static void readableByAll(Path p) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    static ObjectNode toJson(ResultRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("protocol", r.protocol());
        n.put("variant", r.variant());
        n.put("checker", r.checker());
        if (r.property() != null) {
            n.put("property", r.property()); // a per-property cell; the entry's own record has none
        }
        n.put("expected", r.expected());
        if (r.expectedDistinctStates() == null) {
            n.putNull("expected_distinct_states");
        } else {
            n.put("expected_distinct_states", r.expectedDistinctStates());
        }
        n.put("actual", r.actual());
        n.put("match", r.match());
        n.put("outcome", r.outcome().label());
        n.put("distinct_states", r.distinctStates());
        n.put("depth", r.depth());
        n.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        n.put("message", r.message());
        n.put("trace", r.trace());
        ObjectNode o = n.putObject("overrides");
        r.overrides().forEach(o::put);
        if (!r.coverage().isEmpty()) {
            ObjectNode c = n.putObject("coverage");
            r.coverage().forEach(c::put);
        }
        // absent, not null, for a record of no known run: such a file reads back the same
        if (r.runId() != null) {
            n.put("run_id", r.runId());
        }
        if (r.runStarted() != null) {
            n.put("run_started", r.runStarted().toString());
        }
        return n;
    }

    static ResultRecord fromJson(JsonNode n) {
        Map<String, String> overrides = new LinkedHashMap<>();
        JsonNode o = n.get("overrides");
        if (o != null && o.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                overrides.put(e.getKey(), e.getValue().asText());
            }
        }
        Map<String, Long> coverage = new LinkedHashMap<>();
        JsonNode c = n.get("coverage");
        if (c != null && c.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = c.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                coverage.put(e.getKey(), e.getValue().asLong());
            }
        }
        JsonNode eds = n.get("expected_distinct_states");
        return new ResultRecord(text(n, "protocol"), text(n, "variant"), text(n, "checker"), text(n, "expected"),
                eds == null || eds.isNull() ? null : eds.asLong(), text(n, "actual"),
                n.path("match").asBoolean(false), n.path("distinct_states").asLong(-1),
                n.path("depth").asInt(-1), n.path("seconds").asDouble(0), text(n, "message"), text(n, "trace"),
                overrides, coverage, text(n, "property"), text(n, "run_id"), instant(text(n, "run_started")));
    }

    /**
     * A run's start time, or null when the file has none or one that is not ISO-8601: a results
     * file is read to show it, and a record of an unknown time is shown as such, not refused.
     */
    private static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
