package reservecheck.impl.reserve_tree;

import reservecheck.models.reserve_tree.ReserveTreeParams;

/**
 * Where each of the spec's 28 variables sits in a state snapshot (one int[] per step, see
 * {@link ReserveTree#snapshot}).  Recording copies ints only; the TLA+ text is made when a
 * log is replayed ({@link StateText}), so a step costs a few dozen stores.
 */
final class Layout {
    /** The spec's VARIABLES, in the spec's order (ReserveTree.tla). */
    static final String[] VARIABLES = {
        "own4", "pages", "limit", "usage", "net_linked", "var_free_kbytes", "pending",
        "sock_memalloc", "memalloc_socks", "xprt_swapper", "spc", "srounds", "sv", "sysctl_pc",
        "upc", "hn", "he", "charged", "urounds", "normal_free",
        "free_pages", "swap_left", "oom_victim_alive", "kswapd_awake", "dpc", "killed", "memdie", "drounds"
    };
    /** ints per pending record: var, path (node bit mask), dl, du, next (a pc code). */
    static final int PENDING_WORDS = 5;
    /** ints per sv record: op, old, err. */
    static final int SV_WORDS = 3;

    final int f;
    final int a;
    final int x;
    final int u;
    final int d;
    /** Start of each variable, by VARIABLES index; start[28] is the snapshot's size. */
    final int[] start = new int[VARIABLES.length + 1];

    Layout(ReserveTreeParams p) {
        f = p.swapfileCount();
        a = p.adjusterCount();
        x = p.xprts;
        u = p.reserveUsers;
        d = p.allocators;
        int[] width = {
            1, 4, 4, 4, 1, 1, a * PENDING_WORDS,
            x, 1, x, f, f, f * SV_WORDS, 1,
            u, u, u, u, u, 1,
            1, 1, 1, 1, d, d, d, d
        };
        for (int i = 0; i < width.length; i++) {
            start[i + 1] = start[i] + width[i];
        }
    }

    int size() {
        return start[VARIABLES.length];
    }

    static int variable(String name) {
        for (int i = 0; i < VARIABLES.length; i++) {
            if (VARIABLES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
