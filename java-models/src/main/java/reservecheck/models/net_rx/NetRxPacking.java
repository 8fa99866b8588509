package reservecheck.models.net_rx;

import reservecheck.models.lts.PackedBits;
import reservecheck.models.lts.Packing;

/**
 * NetRx.tla's variables packed into longs for the explorer's visited set (issue 14: the
 * protocols after mempool and reserve_tree offer a packing from the start).  Each field takes
 * the bits of its range from the parameters: a socket id, an skb (bit 0 pfm, bit 1 res), cur
 * as NO_SKB + 1 or dst * 4 + skb + 1, the counters of TypeOK (reserve_used one past
 * reserve_skbs: ReserveWithinBound reports it).  A sequence (wire, ring, each socket's queue)
 * is its length and then slots up to its bound, the unused ones 0, so equal states encode alike.
 * A packet is in one place at a time (a dropped one is sent again), so no sequence is longer
 * than every packet there is.  A value outside its range is refused, never truncated.
 */
final class NetRxPacking implements Packing<NetRxState> {
    private static final int SKB = 2;
    private static final int SWAP_STATE = 2;

    private final int sockets;
    private final int packets;
    private final int ringSlots;
    private final int socketBits;
    private final int lengthBits;
    private final int ringLengthBits;
    private final int curBits;
    private final int freeBits;
    private final int reserveBits;
    private final int swappedBits;
    private final int width;

    NetRxPacking(NetRxParams p) {
        this.sockets = p.socketCount();
        // the ordinary packets, and the swap-outs' writes and replies
        this.packets = p.ordinarySockets * p.ordinaryPackets + 2 * p.swapouts;
        this.ringSlots = p.ringSlots;
        this.socketBits = PackedBits.bitsFor(sockets);
        this.lengthBits = PackedBits.bitsFor(packets + 1);
        this.ringLengthBits = PackedBits.bitsFor(ringSlots + 1);
        this.curBits = PackedBits.bitsFor(sockets * 4 + 1);
        this.freeBits = PackedBits.bitsFor(p.maxPages() + 1);
        this.reserveBits = PackedBits.bitsFor(p.reserveSkbs + 2);
        this.swappedBits = PackedBits.bitsFor(p.swapouts + 1);
        int bits = lengthBits + packets * socketBits              // wire
                + ringLengthBits + ringSlots * SKB                // ring
                + curBits + 1                                     // cur, pf_memalloc
                + sockets * (lengthBits + packets * SKB)          // queue
                + freeBits + reserveBits + 1 + SWAP_STATE + 1 + swappedBits;
        this.width = PackedBits.words(bits);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void encode(NetRxState s, long[] into, int at) {
        if (s.queue.length != sockets) {
            throw new IllegalArgumentException("a state of " + s.queue.length + " sockets, packing for " + sockets);
        }
        PackedBits.clear(into, at, width);
        int pos = putSeq(into, at, 0, s.wire, packets, lengthBits, socketBits, "wire");
        pos = putSeq(into, at, pos, s.ring, ringSlots, ringLengthBits, SKB, "ring");
        pos = PackedBits.put(into, at, pos, s.cur + 1, curBits, "cur");
        pos = PackedBits.put(into, at, pos, s.pfMemalloc);
        for (int k = 0; k < sockets; k++) {
            pos = putSeq(into, at, pos, s.queue[k], packets, lengthBits, SKB, "queue");
        }
        pos = PackedBits.put(into, at, pos, s.free, freeBits, "free");
        pos = PackedBits.put(into, at, pos, s.reserveUsed, reserveBits, "reserve_used");
        pos = PackedBits.put(into, at, pos, s.cachePfm);
        pos = PackedBits.put(into, at, pos, s.swapState, SWAP_STATE, "swap_state");
        pos = PackedBits.put(into, at, pos, s.wbReserve, 1, "wb_reserve");
        PackedBits.put(into, at, pos, s.swapped, swappedBits, "swapped");
    }

    private static int putSeq(long[] into, int at, int pos, int[] seq, int slots, int lengthBits, int bits,
                              String field) {
        if (seq.length > slots) {
            throw new IllegalStateException(String.format("%s has %d entries, the packing %d", field, seq.length,
                    slots));
        }
        pos = PackedBits.put(into, at, pos, seq.length, lengthBits, field + " length");
        for (int i = 0; i < slots; i++) {
            pos = PackedBits.put(into, at, pos, i < seq.length ? seq[i] : 0, bits, field);
        }
        return pos;
    }

    @Override
    public NetRxState decode(long[] from, int at) {
        NetRxState.Builder b = new NetRxState.Builder(sockets);
        int[] pos = {0};
        b.wire = getSeq(from, at, pos, packets, lengthBits, socketBits);
        b.ring = getSeq(from, at, pos, ringSlots, ringLengthBits, SKB);
        b.cur = get(from, at, pos, curBits) - 1;
        b.pfMemalloc = get(from, at, pos, 1) == 1;
        for (int k = 0; k < sockets; k++) {
            b.queue[k] = getSeq(from, at, pos, packets, lengthBits, SKB);
        }
        b.free = get(from, at, pos, freeBits);
        b.reserveUsed = get(from, at, pos, reserveBits);
        b.cachePfm = get(from, at, pos, 1) == 1;
        b.swapState = get(from, at, pos, SWAP_STATE);
        b.wbReserve = get(from, at, pos, 1);
        b.swapped = get(from, at, pos, swappedBits);
        return b.build();
    }

    private static int get(long[] from, int at, int[] pos, int bits) {
        int v = PackedBits.get(from, at, pos[0], bits);
        pos[0] += bits;
        return v;
    }

    private static int[] getSeq(long[] from, int at, int[] pos, int slots, int lengthBits, int bits) {
        int[] seq = new int[get(from, at, pos, lengthBits)];
        for (int i = 0; i < slots; i++) {
            int v = get(from, at, pos, bits);
            if (i < seq.length) {
                seq[i] = v;
            }
        }
        return seq;
    }
}
