package reservecheck.tlc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One TLC model check: a spec, its configuration and a private working folder.
 * Each job runs in its own forked JVM with its own -metadir and java.io.tmpdir under workDir,
 * because concurrent TLC runs sharing either folder fail (see docs/ARCHITECTURE.md).
 */
public record TlcJob(
        Path spec,                 // the .tla module to check
        Path config,               // its .cfg
        Path workDir,              // private folder: metadir, tmpdir, raw output
        Duration timeout,          // wall-clock bound; past it the verdict is inconclusive:timeout
        int tlcWorkers,            // TLC's -workers inside this one JVM (usually 1)
        boolean checkDeadlock,     // false passes -deadlock (which turns deadlock checking OFF)
        String maxHeap,            // e.g. "2g" for -Xmx, or null for the JVM default
        Consumer<TlcProgress> progress,   // may be null
        Path dumpDot) {            // with a path, TLC writes the state graph there (-dump dot,actionlabels)

    public TlcJob {
        if (spec == null || config == null || workDir == null || timeout == null) {
            throw new IllegalArgumentException("spec, config, workDir and timeout are required");
        }
    }

    public TlcJob(Path spec, Path config, Path workDir, Duration timeout, int tlcWorkers, boolean checkDeadlock,
                  String maxHeap, Consumer<TlcProgress> progress) {
        this(spec, config, workDir, timeout, tlcWorkers, checkDeadlock, maxHeap, progress, null);
    }

    /** The same job, also writing the reachable state graph as DOT (for conformance). */
    public TlcJob withDumpDot(Path dot) {
        return new TlcJob(spec, config, workDir, timeout, tlcWorkers, checkDeadlock, maxHeap, progress, dot);
    }

    /** A job with the usual settings: one TLC worker, deadlock checked, default heap, no progress. */
    public static TlcJob of(Path spec, Path config, Path workDir, Duration timeout) {
        return new TlcJob(spec, config, workDir, timeout, 1, true, null, null);
    }
}
