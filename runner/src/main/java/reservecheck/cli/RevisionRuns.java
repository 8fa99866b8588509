package reservecheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One git revision of the repository checked out in a temporary worktree of its own, for
 * {@code diff --a-rev/--b-rev}: the revision's catalog, specs and (when built) code, never the
 * caller's checkout.  The worktree is removed when the run ends, and on an interrupt by
 * {@link ChildProcesses}' shutdown hook ({@link #removeAll}), so no checkout of an old revision is
 * left registered in the repository.
 */
final class RevisionRuns implements AutoCloseable {
    /** Worktrees of this process not yet removed: the shutdown hook removes them. */
    private static final Set<RevisionRuns> OPEN = ConcurrentHashMap.newKeySet();

    private final Path repo;
    private final String rev;
    private final String commit;
    private final Path tree;

    private RevisionRuns(Path repo, String rev, String commit, Path tree) {
        this.repo = repo;
        this.rev = rev;
        this.commit = commit;
        this.tree = tree;
    }

    /** The commit {@code rev} names in {@code repo}; an unknown revision is exit {@link ExitCodes#UNKNOWN_REVISION}. */
    static String resolve(Path repo, String rev) {
        if (rev.isBlank() || rev.startsWith("-")) {
            throw new CliException(ExitCodes.UNKNOWN_REVISION, "unknown revision '" + rev + "'");
        }
        Result r = git(repo, "rev-parse", "--verify", "--quiet", rev + "^{commit}");
        if (r.code != 0 || r.out.isBlank()) {
            throw new CliException(ExitCodes.UNKNOWN_REVISION, "unknown revision '" + rev + "' in " + repo
                    + (r.code == 128 ? " (not a git repository?)" : ""));
        }
        return r.out.strip();
    }

    /** A detached worktree of {@code rev} under a fresh temporary folder. */
    static RevisionRuns checkout(Path repo, String rev) {
        String commit = resolve(repo, rev);
        Path parent;
        try {
            parent = Files.createTempDirectory("reservecheck-rev-");
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, "cannot make a folder for " + rev + ": " + Main.oneLine(e.getMessage()));
        }
        Path tree = parent.resolve("tree");
        RevisionRuns runs = new RevisionRuns(repo, rev, commit, tree);
        OPEN.add(runs);
        Result r = git(repo, "worktree", "add", "--detach", "--quiet", tree.toString(), commit);
        if (r.code != 0) {
            runs.close();
            throw new CliException(ExitCodes.CRASH, "git worktree add " + rev + ": " + Main.oneLine(r.err));
        }
        return runs;
    }

    String rev() {
        return rev;
    }

    String commit() {
        return commit;
    }

    /** The revision's repository root (its catalog/, specs/, bin/). */
    Path root() {
        return tree;
    }

    /** Builds the revision as its README says ({@code mvn -o -q package -DskipTests}), output to {@code log}. */
    void build(Path log) {
        int code = run(List.of("mvn", "-o", "-B", "-q", "package", "-DskipTests"), log);
        if (code != 0) {
            throw new CliException(ExitCodes.CRASH, "revision " + rev + " does not build (mvn exited " + code
                    + ", see " + log + ")");
        }
    }

    /** Runs a command in the revision's root; its output goes to {@code log}; the exit code. */
    int run(List<String> command, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tree.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove(CliContext.ROOT_ENV);
        try {
            Process p = pb.start();
            return p.waitFor();
        } catch (IOException e) {
            throw new CliException(ExitCodes.CRASH, "cannot run " + command.get(0) + " for " + rev + ": "
                    + Main.oneLine(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.CRASH, "interrupted while running " + command.get(0) + " for " + rev);
        }
    }

    /** Removes the worktree and its registration in the repository. */
    @Override
    public void close() {
        if (!OPEN.remove(this)) {
            return;
        }
        git(repo, "worktree", "remove", "--force", tree.toString());
        WorkDirs.deleteQuietly(tree.getParent());
        git(repo, "worktree", "prune");
    }

    /** On an interrupt: every worktree still open goes (the children were ended first). */
    static void removeAll() {
        for (RevisionRuns r : List.copyOf(OPEN)) {
            r.close();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result git(Path repo, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", "git " + args[0] + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "", "cannot run git: " + Main.oneLine(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }
}
