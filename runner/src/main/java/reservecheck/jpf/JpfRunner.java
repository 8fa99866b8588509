package reservecheck.jpf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code .jpf} file with a jpf-core build (branch java-17, JPF_HOME) in a forked JVM.
 * JPF needs the JDK's internals opened to it; its whole output goes to a file beside the .jpf.
 */
public final class JpfRunner {
    /** The options jpf-core's java-17 branch needs on Java 17. */
    static final List<String> JVM_OPTIONS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.access=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

    /** The verdict of one run, its statistics and where JPF's output is. */
    public record Run(JpfOutput output, double seconds, Path log) {
    }

    private JpfRunner() {
    }

    /** The RunJPF.jar of a jpf-core build, or null if {@code jpfHome} is not one. */
    public static Path runJpfJar(Path jpfHome) {
        if (jpfHome == null) {
            return null;
        }
        Path jar = jpfHome.resolve("build/RunJPF.jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    public static Run run(Path jpfHome, Path jpfFile, Duration timeout) throws IOException, InterruptedException {
        Path jar = runJpfJar(jpfHome);
        if (jar == null) {
            throw new IOException("no jpf-core build at " + jpfHome + " (build/RunJPF.jar is missing)");
        }
        Path log = jpfFile.resolveSibling(jpfFile.getFileName().toString().replaceAll("\\.jpf$", "") + ".out");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.add(jpfFile.toAbsolutePath().toString());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            return new Run(new JpfOutput("inconclusive:timeout", "JPF found nothing in " + timeout.toSeconds() + " s",
                    -1), (System.nanoTime() - t0) / 1e9, log);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        return new Run(JpfOutput.parse(out), (System.nanoTime() - t0) / 1e9, log);
    }
}
