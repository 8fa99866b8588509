package reservecheck.models.reserve_tree;

/**
 * The spec's Nodes, the fixed tree root &lt;- net &lt;- {ipv4, ipv6}, as array indices, and
 * sets of nodes (Path, pending[a].path) as bit masks over those indices.
 */
final class Node {
    static final int ROOT = 0;
    static final int NET = 1;
    static final int IPV4 = 2;
    static final int IPV6 = 3;
    static final int COUNT = 4;

    private static final String[] NAMES = {"root", "net", "ipv4", "ipv6"};

    private Node() {
    }

    static String name(int n) {
        return NAMES[n];
    }

    static int bit(int n) {
        return 1 << n;
    }

    static boolean in(int mask, int n) {
        return (mask & bit(n)) != 0;
    }
}
