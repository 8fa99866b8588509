package reservecheck.cli.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import reservecheck.cli.CliException;
import reservecheck.cli.ExitCodes;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceReplay;
import reservecheck.traces.TraceTestWriter;

/**
 * {@code reservecheck trace junit FILE [-o DIR]}: a JUnit 5 test that replays the trace and
 * asserts that its violation reproduces.  Only a trace that reproduces now becomes a test: a
 * test that fails from the day it is written would teach nothing.
 */
@Command(name = "junit", mixinStandardHelpOptions = true,
        description = "Writes a JUnit 5 test that replays FILE and asserts its violation reproduces.")
final class TraceJunitCommand implements Callable<Integer> {

    @ParentCommand
    TraceCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the trace (.itf.json)")
    String file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "the folder the test's .java file goes into (default: the current folder)")
    Path output;

    @Option(names = "--package", paramLabel = "P",
            description = "the test's package (default: from DIR's path below src/test/java, else none)")
    String packageName;

    @Option(names = "--resource", paramLabel = "R",
            description = "read the trace from this classpath resource (e.g. /traces/explorer/x.itf.json) instead of"
                    + " embedding it in the test")
    String resource;

    @Override
    public Integer call() {
        if (packageName != null && !packageName.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new ParameterException(spec.commandLine(), "--package " + packageName + " is not a Java package name");
        }
        if (resource != null && !resource.startsWith("/")) {
            throw new ParameterException(spec.commandLine(), "--resource " + resource
                    + " must be an absolute resource name, starting with /");
        }
        ItfTrace t = parent.load(file);
        TraceReplay.Result r = TraceReplay.replay(t);
        if (!r.reproduced()) {
            throw new CliException(ExitCodes.MISMATCH, file + ": " + r.message() + "; no test written");
        }
        Path dir = parent.context().resolve(output);
        String pkg = packageName != null ? packageName : packageOf(dir);
        Path java = dir.resolve(TraceTestWriter.className(t) + ".java");
        try {
            Files.createDirectories(dir);
            Files.writeString(java, TraceTestWriter.source(t, pkg, resource), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, "cannot write " + java + ": " + e.getMessage());
        }
        parent.context().out().println(java + (pkg.isEmpty() ? "" : " (package " + pkg + ")") + ": replays " + file
                + ", which " + r.message());
        return 0;
    }

    /** {@code .../src/test/java/a/b} is package {@code a.b}; any other folder the default package. */
    static String packageOf(Path dir) {
        List<String> names = new ArrayList<>();
        for (Path p : dir.normalize()) {
            names.add(p.toString());
        }
        for (int i = names.size() - 1; i >= 1; i--) {
            if (names.get(i).equals("java") && (names.get(i - 1).equals("test") || names.get(i - 1).equals("main"))) {
                List<String> rest = names.subList(i + 1, names.size());
                return rest.stream().allMatch(s -> s.matches("[A-Za-z_][A-Za-z0-9_]*")) ? String.join(".", rest) : "";
            }
        }
        return "";
    }
}
