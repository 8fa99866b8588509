package reservecheck.models.net_rx;

import java.util.Arrays;

import reservecheck.models.lts.SpecState;

/**
 * One state of NetRx.tla: its VARIABLES, immutable.  An skb [pfm, res] is an int (bit 0 the
 * pfmemalloc mark, bit 1 reserve-backed); cur is NO_SKB or dst * 4 + those bits.
 */
public final class NetRxState extends SpecState {
    public static final int PFM = 1;
    public static final int RES = 2;
    public static final int NO_SKB = -1;
    public static final int IDLE = 0;
    public static final int SENT = 1;
    public static final int REPLIED = 2;

    final int[] wire;
    final int[] ring;
    final int cur;
    final boolean pfMemalloc;
    final int[][] queue;
    final int free;
    final int reserveUsed;
    final boolean cachePfm;
    final int swapState;
    final int wbReserve;
    final int swapped;

    private NetRxState(Builder b) {
        super(hash(b));
        wire = b.wire;
        ring = b.ring;
        cur = b.cur;
        pfMemalloc = b.pfMemalloc;
        queue = b.queue;
        free = b.free;
        reserveUsed = b.reserveUsed;
        cachePfm = b.cachePfm;
        swapState = b.swapState;
        wbReserve = b.wbReserve;
        swapped = b.swapped;
    }

    private static int hash(Builder b) {
        int h = Arrays.hashCode(b.wire);
        h = h * 31 + Arrays.hashCode(b.ring);
        h = h * 31 + b.cur;
        h = h * 31 + (b.pfMemalloc ? 1 : 0);
        h = h * 31 + Arrays.deepHashCode(b.queue);
        h = h * 31 + b.free;
        h = h * 31 + b.reserveUsed;
        h = h * 31 + (b.cachePfm ? 1 : 0);
        h = h * 31 + b.swapState;
        h = h * 31 + b.wbReserve;
        return h * 31 + b.swapped;
    }

    @Override
    protected boolean sameVariables(SpecState o) {
        NetRxState s = (NetRxState) o;
        return cur == s.cur && pfMemalloc == s.pfMemalloc && free == s.free && reserveUsed == s.reserveUsed
                && cachePfm == s.cachePfm && swapState == s.swapState && wbReserve == s.wbReserve
                && swapped == s.swapped && Arrays.equals(wire, s.wire) && Arrays.equals(ring, s.ring)
                && Arrays.deepEquals(queue, s.queue);
    }

    /**
     * A state from its variables' values (queue[s] the skbs queued to socket s, cur NO_SKB or
     * dst * 4 + the skb's bits): how the implementation's event log is read on the model.  The
     * arrays are the state's from here on; the caller must not write them.
     */
    public static NetRxState of(int[] wire, int[] ring, int cur, boolean pfMemalloc, int[][] queue, int free,
                                int reserveUsed, boolean cachePfm, int swapState, int wbReserve, int swapped) {
        Builder b = new Builder(queue.length);
        b.wire = wire;
        b.ring = ring;
        b.cur = cur;
        b.pfMemalloc = pfMemalloc;
        b.queue = queue;
        b.free = free;
        b.reserveUsed = reserveUsed;
        b.cachePfm = cachePfm;
        b.swapState = swapState;
        b.wbReserve = wbReserve;
        b.swapped = swapped;
        return b.build();
    }

    static int curDst(int cur) {
        return cur / 4;
    }

    static int curSkb(int cur) {
        return cur == NO_SKB ? 0 : cur % 4;
    }

    Builder builder() {
        return new Builder(this);
    }

    /** A copy to change: arrays are replaced, never written, so states share them safely. */
    static final class Builder {
        int[] wire;
        int[] ring;
        int cur;
        boolean pfMemalloc;
        int[][] queue;
        int free;
        int reserveUsed;
        boolean cachePfm;
        int swapState;
        int wbReserve;
        int swapped;

        Builder(int sockets) {
            wire = new int[0];
            ring = new int[0];
            cur = NO_SKB;
            queue = new int[sockets][];
            for (int i = 0; i < sockets; i++) {
                queue[i] = new int[0];
            }
        }

        Builder(NetRxState s) {
            wire = s.wire;
            ring = s.ring;
            cur = s.cur;
            pfMemalloc = s.pfMemalloc;
            queue = s.queue;
            free = s.free;
            reserveUsed = s.reserveUsed;
            cachePfm = s.cachePfm;
            swapState = s.swapState;
            wbReserve = s.wbReserve;
            swapped = s.swapped;
        }

        /** queue[s] := q, copying the outer array only. */
        void setQueue(int s, int[] q) {
            int[][] c = queue.clone();
            c[s] = q;
            queue = c;
        }

        NetRxState build() {
            return new NetRxState(this);
        }
    }

    static int[] append(int[] a, int x) {
        int[] c = Arrays.copyOf(a, a.length + 1);
        c[a.length] = x;
        return c;
    }

    static int[] tail(int[] a) {
        return Arrays.copyOfRange(a, 1, a.length);
    }
}
