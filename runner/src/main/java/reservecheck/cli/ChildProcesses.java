package reservecheck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every JVM the command starts (TLC, a TLC for conformance, JPF) is a child process; the
 * operating system does not end children with their parent.  SIGINT or SIGTERM (Ctrl-C, CI
 * cancelling a job, {@code timeout}) runs the JVM's shutdown hooks, and this one ends every
 * descendant and removes the work folders of the jobs that had not finished, so no TLC keeps
 * running for minutes after the command has gone.  The results file is written only at the
 * end of a run, under its lock, so an interrupt leaves the previous one as it was.
 */
final class ChildProcesses {
    private static volatile boolean exiting;

    private ChildProcesses() {
    }

    /** Installed once, by {@link Main#main} (tests calling Main.execute do not install it). */
    static void endWithThisProcess() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // the unfinished jobs' folders as they are now: once the children die, the command's
            // own threads may finish the run (an inconclusive record, its claims released)
            List<Path> unfinished = exiting ? List.of() : WorkClaims.unfinished();
            List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
            children.forEach(ProcessHandle::destroyForcibly);
            // a job's thread wakes when its child dies and tidies its work folder (TlcRunner's
            // clean-up): wait for the children to be gone, then remove the folders, and once more
            // after the threads have had their turn, so none is left re-created
            for (ProcessHandle c : children) {
                try {
                    c.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // a child that will not die is the operating system's to end; go on
                }
            }
            unfinished.forEach(WorkDirs::deleteQuietly);
            if (!unfinished.isEmpty()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                unfinished.forEach(WorkDirs::deleteQuietly);
            }
            // a diff of two revisions checks each in a temporary git worktree: never left registered
            RevisionRuns.removeAll();
        }, "reservecheck-end-children"));
    }

    /** The command ended normally: its kept work folders (of mismatches) stay. */
    static void exitingNormally() {
        exiting = true;
    }
}
