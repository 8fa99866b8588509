package reservecheck.models.reserve_tree;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.SpecText;
import reservecheck.models.lts.TlaText;

/**
 * The spec's variables as canonical TLA+ text, built only through {@link TlaText} so they
 * compare equal to TLC's printing: functions over Nodes as records (TLC's form for a function
 * of strings), functions over Xprts = 1..xprts as sequences, functions over Swapfiles and
 * Adjusters keyed by tuples, functions over reserve_users and allocators keyed by model values,
 * pcs as strings.
 */
final class ReserveTreeText extends SpecText<ReserveTreeState> {
    /** The spec's VARIABLES, in the spec's order. */
    private static final String[] VARIABLES = {
        "own4", "pages", "limit", "usage", "net_linked", "var_free_kbytes", "pending",
        "sock_memalloc", "memalloc_socks", "xprt_swapper", "spc", "srounds", "sv", "sysctl_pc",
        "upc", "hn", "he", "charged", "urounds", "normal_free",
        "free_pages", "swap_left", "oom_victim_alive", "kswapd_awake", "dpc", "killed", "memdie", "drounds"
    };

    private final ReserveTreeParams p;

    ReserveTreeText(ReserveTreeParams p) {
        super("ReserveTree.tla", VARIABLES);
        this.p = p;
    }

    @Override
    protected String value(ReserveTreeState s, String name) {
        if ("own4".equals(name)) {
            return TlaText.integer(s.own4);
        } else if ("pages".equals(name)) {
            return nodes(s.pages);
        } else if ("limit".equals(name)) {
            return nodes(s.limit);
        } else if ("usage".equals(name)) {
            return nodes(s.usage);
        } else if ("net_linked".equals(name)) {
            return TlaText.bool(s.netLinked);
        } else if ("var_free_kbytes".equals(name)) {
            return TlaText.integer(s.varFreeKbytes);
        } else if ("pending".equals(name)) {
            List<String> keys = new ArrayList<String>();
            List<String> values = new ArrayList<String>();
            for (int a = 0; a < p.adjusterCount(); a++) {
                keys.add(p.adjusterName(a));
                values.add(pending(s.pending[a]));
            }
            return TlaText.function(keys, values);
        } else if ("sock_memalloc".equals(name)) {
            return TlaText.sequence(TlaText.bools(s.sockMemalloc));
        } else if ("memalloc_socks".equals(name)) {
            return TlaText.integer(s.memallocSocks);
        } else if ("xprt_swapper".equals(name)) {
            return TlaText.sequence(TlaText.integers(s.xprtSwapper));
        } else if ("spc".equals(name)) {
            List<String> v = new ArrayList<String>();
            for (int pc : s.spc) {
                v.add(TlaText.string(SwapPc.name(pc)));
            }
            return swapfiles(v);
        } else if ("srounds".equals(name)) {
            return swapfiles(TlaText.integers(s.srounds));
        } else if ("sv".equals(name)) {
            List<String> v = new ArrayList<String>();
            for (Sv x : s.sv) {
                v.add(sv(x));
            }
            return swapfiles(v);
        } else if ("sysctl_pc".equals(name)) {
            return TlaText.string(SwapPc.name(s.sysctlPc));
        } else if ("upc".equals(name)) {
            List<String> v = new ArrayList<String>();
            for (int pc : s.upc) {
                v.add(TlaText.string(UserPc.name(pc)));
            }
            return users(v);
        } else if ("hn".equals(name)) {
            return users(TlaText.integers(s.hn));
        } else if ("he".equals(name)) {
            return users(TlaText.integers(s.he));
        } else if ("charged".equals(name)) {
            return users(TlaText.integers(s.charged));
        } else if ("urounds".equals(name)) {
            return users(TlaText.integers(s.urounds));
        } else if ("normal_free".equals(name)) {
            return TlaText.integer(s.normalFree);
        } else if ("free_pages".equals(name)) {
            return TlaText.integer(s.freePages);
        } else if ("swap_left".equals(name)) {
            return TlaText.integer(s.swapLeft);
        } else if ("oom_victim_alive".equals(name)) {
            return TlaText.bool(s.oomVictimAlive);
        } else if ("kswapd_awake".equals(name)) {
            return TlaText.bool(s.kswapdAwake);
        } else if ("dpc".equals(name)) {
            List<String> v = new ArrayList<String>();
            for (int pc : s.dpc) {
                v.add(TlaText.string(AllocPc.name(pc)));
            }
            return allocators(v);
        } else if ("killed".equals(name)) {
            return allocators(TlaText.bools(s.killed));
        } else if ("memdie".equals(name)) {
            return allocators(TlaText.bools(s.memdie));
        } else if ("drounds".equals(name)) {
            return allocators(TlaText.integers(s.drounds));
        }
        return null;
    }

    /** A function over Nodes: TLC prints a function of strings as the record it equals. */
    private static String nodes(int[] a) {
        List<String> fields = new ArrayList<String>();
        List<String> values = new ArrayList<String>();
        for (int n = 0; n < Node.COUNT; n++) {
            fields.add(Node.name(n));
            values.add(TlaText.integer(a[n]));
        }
        return TlaText.record(fields, values);
    }

    /** A pending adjust: [var, path, dl, du, next]. */
    private static String pending(Pending x) {
        List<String> path = new ArrayList<String>();
        for (int n = 0; n < Node.COUNT; n++) {
            if (Node.in(x.path, n)) {
                path.add(TlaText.string(Node.name(n)));
            }
        }
        List<String> fields = new ArrayList<String>();
        List<String> values = new ArrayList<String>();
        fields.add("var");
        values.add(TlaText.integer(x.var));
        fields.add("path");
        values.add(TlaText.set(path));
        fields.add("dl");
        values.add(TlaText.integer(x.dl));
        fields.add("du");
        values.add(TlaText.integer(x.du));
        fields.add("next");
        values.add(TlaText.string(SwapPc.name(x.next)));
        return TlaText.record(fields, values);
    }

    private static String sv(Sv x) {
        List<String> fields = new ArrayList<String>();
        List<String> values = new ArrayList<String>();
        fields.add("op");
        values.add(TlaText.string(Sv.opName(x.op)));
        fields.add("old");
        values.add(TlaText.integer(x.old));
        fields.add("err");
        values.add(TlaText.bool(x.err));
        return TlaText.record(fields, values);
    }

    /** A function over Swapfiles, keyed by the tuples &lt;&lt;x, k&gt;&gt;. */
    private String swapfiles(List<String> values) {
        return TlaText.function(p.swapfileNames(), values);
    }

    /** A function over reserve_users, keyed by the model values u1, u2, ... */
    private String users(List<String> values) {
        return TlaText.functionOver(p.userNames(), values);
    }

    /** A function over allocators, keyed by the model values d1, d2, ... */
    private String allocators(List<String> values) {
        return TlaText.functionOver(p.allocatorNames(), values);
    }
}
