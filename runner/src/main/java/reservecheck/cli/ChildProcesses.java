package reservecheck.cli;

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
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            if (!exiting) {
                WorkClaims.removeUnfinished();
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
