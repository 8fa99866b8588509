package reservecheck.impl.reserve_tree;

/**
 * struct mem_reserve of mm/reserve.c: a node of the reserve tree with its own pages (leaves),
 * the aggregate pages, limit and usage, and its parent (null: disconnected, or the root).
 */
final class MemReserve {
    final int index;
    int own;
    int pages;
    int limit;
    int usage;
    MemReserve parent;

    MemReserve(int index) {
        this.index = index;
    }

    /** Bit of this node in a path mask (root, net, ipv4, ipv6 = bits 0..3, as the spec's Nodes). */
    int bit() {
        return 1 << index;
    }
}
