package reservecheck.tlc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * One model checked by TLC's distributed server ({@link DistributedTlc}), made to give a local run's
 * verdict or none:
 * <ul>
 *   <li>the server checks no temporal property, so it is given the cfg without its PROPERTY lines, and
 *       a safety pass of a cfg that has some is {@code inconclusive:unchecked}, never ok;</li>
 *   <li>on a violation the server names no invariant and no deadlock, prints only the last two states
 *       and exits 0; the model is then checked again by TLC on this machine, which stops at the first
 *       violation (breadth-first: at no greater depth than the server's), for the property's name and
 *       the whole trace, converted like any local trace.</li>
 * </ul>
 */
final class DistributedRun {
    static final String UNCHECKED = "inconclusive:unchecked";

    private DistributedRun() {
    }

    static TlcResult run(TlcRunner server, TlcRunner local, TlcJob job) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path cfgFile = job.config().toAbsolutePath().normalize();
        Path specFile = job.spec().toAbsolutePath().normalize();
        if (!Files.isRegularFile(specFile) || !Files.isRegularFile(cfgFile)) {
            return server.runOnce(job);  // reported as for a local run
        }
        String text = Files.readString(cfgFile, StandardCharsets.UTF_8);
        List<String> properties = TlcConfig.parse(text).properties();
        // the server serves the spec's modules and the cfg to its workers by file name from its own
        // folder only (a cfg elsewhere fails every worker): spec, sibling modules and cfg side by side
        Path served = job.workDir().resolve("spec");
        Files.createDirectories(served);
        try (Stream<Path> modules = Files.list(specFile.getParent())) {
            for (Path m : modules.filter(f -> f.getFileName().toString().endsWith(".tla")).toList()) {
                Files.copy(m, served.resolve(m.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path cfg = served.resolve(stem(cfgFile) + (properties.isEmpty() ? "" : "-safety") + ".cfg");
        Files.writeString(cfg, properties.isEmpty() ? text : TlcRunner.withoutPropertySections(text),
                StandardCharsets.UTF_8);
        TlcJob safety = new TlcJob(served.resolve(specFile.getFileName()), cfg, job.workDir(), job.timeout(),
                job.tlcWorkers(), job.checkDeadlock(), job.maxHeap(), job.progress(), null);
        TlcResult d = server.runOnce(safety);
        boolean violation = !d.trace().isEmpty() && d.verdict().startsWith("inconclusive:crash");
        if (violation) {
            return confirmLocally(local, job, d, start);
        }
        if (d.verdict().equals("ok") && !properties.isEmpty()) {
            return new TlcResult(UNCHECKED, "distributed TLC checks no temporal property: "
                    + String.join(", ", properties) + " not checked (check without distributed TLC for them); "
                    + "the invariants and the deadlock check hold", d.exitCode(), d.distinctStates(),
                    d.statesGenerated(), d.depth(), d.seconds(), d.trace(), d.rawOutput());
        }
        return d;
    }

    private static TlcResult confirmLocally(TlcRunner local, TlcJob job, TlcResult d, long start)
            throws IOException, InterruptedException {
        Duration left = job.timeout().minusNanos(System.nanoTime() - start);
        if (left.isNegative() || left.isZero()) {
            left = Duration.ofSeconds(1);
        }
        TlcResult r = local.run(new TlcJob(job.spec(), job.config(), job.workDir().resolve("local"), left,
                job.tlcWorkers(), job.checkDeadlock(), job.maxHeap(), job.progress(), null));
        String found = "distributed TLC found a violation after " + d.distinctStates()
                + " distinct states (it names no property and prints only the last " + d.trace().size()
                + (d.trace().size() == 1 ? " state" : " states") + "); TLC on this machine: ";
        String verdict = r.verdict();
        String message = found + r.message() + sameState(d.trace(), r.trace());
        if (verdict.equals("ok") || verdict.startsWith(UNCHECKED)) {
            verdict = "inconclusive:crash";
            message = found + "no violation, which contradicts the distributed run";
        }
        return new TlcResult(verdict, message, r.exitCode(), r.distinctStates(), r.statesGenerated(), r.depth(),
                d.seconds() + r.seconds(), r.trace(), r.rawOutput());
    }

    /** Whether the local trace ends in the state the server reported (breadth-first order may differ). */
    private static String sameState(List<TraceStep> distributed, List<TraceStep> local) {
        TraceStep d = lastState(distributed);
        TraceStep l = lastState(local);
        if (d == null || l == null) {
            return "";
        }
        return d.vars().equals(l.vars()) ? ", ending in the state the server reported"
                : ", ending in another violating state than the server's";
    }

    private static TraceStep lastState(List<TraceStep> trace) {
        for (int i = trace.size() - 1; i >= 0; i--) {
            if (!trace.get(i).isMarker()) {
                return trace.get(i);
            }
        }
        return null;
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".cfg") ? name.substring(0, name.length() - 4) : name;
    }
}
