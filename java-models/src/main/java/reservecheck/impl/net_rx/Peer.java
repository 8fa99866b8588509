package reservecheck.impl.net_rx;

/**
 * The far end and the wire between: the peer sends its ordinary packets to each ordinary
 * socket in turn at the start, answers every page the swap-out writes with a reply for the
 * memalloc socket (socket 0), and sends a packet again when the receiver dropped it (TCP's
 * retransmission; for UDP, the application's resend).  The peer takes no step of its own: the
 * spec folds its sends into the actions that cause them (swap_writepage, the drop in
 * sk_filter_trim_cap), so the wire is a FIFO of destination sockets that those steps append to.
 */
final class Peer {
    /** The wire, head first; shifted on take, so that one wire has one representation (JPF matches states). */
    private int[] wire;
    private int length;

    Peer(int ordinarySockets, int ordinaryPackets) {
        int n = ordinarySockets * ordinaryPackets;
        wire = new int[n + 2];
        for (int i = 0; i < n; i++) {
            wire[i] = i % ordinarySockets + 1;
        }
        length = n;
    }

    boolean pending() {
        return length > 0;
    }

    int length() {
        return length;
    }

    /** The i-th packet on the wire, head first. */
    int at(int i) {
        return wire[i];
    }

    /** The packet at the wire's head lands in the NIC: its destination socket. */
    int take() {
        int d = wire[0];
        for (int i = 1; i < length; i++) {
            wire[i - 1] = wire[i];
        }
        length--;
        wire[length] = 0;
        return d;
    }

    /** A packet for socket {@code dst} goes on the wire, after the ones already there. */
    void send(int dst) {
        if (length == wire.length) {
            int[] w = new int[wire.length * 2];
            for (int i = 0; i < length; i++) {
                w[i] = wire[i];
            }
            wire = w;
        }
        wire[length] = dst;
        length++;
    }
}
