package reservecheck.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work folders of one run, each held by a lock for as long as the run uses it.  Two runs of
 * the same variant at once (two terminals, a CI job and a user) would otherwise share
 * {@code <work>/<checker>/<variant>}: the second run's {@link WorkDirs#fresh} deleted the first's
 * TLC files under it ("Cannot find source file for module Naturals", a crash, a false count of
 * divergences).  A run takes {@code <variant>} when no other run holds it, else
 * {@code <variant>-2}, {@code -3}, … ; the lock ({@code .<name>.lock} beside the folder) is the
 * operating system's, so a run that dies releases it.  Closing the claims releases them.
 */
final class WorkClaims implements AutoCloseable {
    /** Folders in use by a run of this process, removed by the shutdown hook (ChildProcesses) on an interrupt. */
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    private final List<FileChannel> channels = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    /** An empty folder under {@code parent} named after {@code name}, held until {@link #close}. */
    Path claim(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        for (int i = 1; ; i++) {
            String n = i == 1 ? name : name + "-" + i;
            FileChannel ch = FileChannel.open(parent.resolve("." + n + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;  // held by another run in this JVM (tests run several)
            }
            if (lock == null) {
                ch.close();
                continue;
            }
            channels.add(ch);
            Path dir = WorkDirs.fresh(parent.resolve(n));
            dirs.add(dir);
            IN_USE.add(dir);
            return dir;
        }
    }

    /** The folder is done with (its job finished): an interrupt no longer removes it. */
    void finished(Path dir) {
        IN_USE.remove(dir);
    }

    @Override
    public void close() {
        for (Path d : dirs) {
            IN_USE.remove(d);
        }
        for (FileChannel ch : channels) {
            try {
                ch.close();  // releases the lock
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
        channels.clear();
    }

    /** The folders of jobs that have not finished: on an interrupt they hold nothing worth keeping. */
    static List<Path> unfinished() {
        return List.copyOf(IN_USE);
    }
}
