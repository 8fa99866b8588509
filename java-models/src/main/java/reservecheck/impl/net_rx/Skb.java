package reservecheck.impl.net_rx;

/**
 * A struct sk_buff as the receive path sees it: the page its data lives in came from the
 * emergency reserve or from normal memory (what the page allocator knows), the skb's
 * {@code pfmemalloc} mark (what the stack reads), and the socket the packet is for once it has
 * landed in it (-1 while the skb waits in the rx ring).
 */
final class Skb {
    final boolean fromReserve;
    final boolean pfmemalloc;
    final int dst;

    Skb(boolean fromReserve, boolean pfmemalloc, int dst) {
        this.fromReserve = fromReserve;
        this.pfmemalloc = pfmemalloc;
        this.dst = dst;
    }

    /** The spec's skb bits: bit 0 pfm, bit 1 res (NetRxState's encoding). */
    int bits() {
        return (pfmemalloc ? 1 : 0) | (fromReserve ? 2 : 0);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Skb)) {
            return false;
        }
        Skb s = (Skb) o;
        return fromReserve == s.fromReserve && pfmemalloc == s.pfmemalloc && dst == s.dst;
    }

    @Override
    public int hashCode() {
        return bits() * 31 + dst;
    }
}
