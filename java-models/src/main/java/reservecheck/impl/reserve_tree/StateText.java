package reservecheck.impl.reserve_tree;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.TlaText;
import reservecheck.models.reserve_tree.AllocPc;
import reservecheck.models.reserve_tree.ReserveTreeParams;
import reservecheck.models.reserve_tree.Sv;
import reservecheck.models.reserve_tree.SwapPc;
import reservecheck.models.reserve_tree.UserPc;

/**
 * A snapshot's variables as canonical TLA+ text ({@link TlaText}), in the form the reference
 * model prints them: functions over Nodes as records, over Xprts as sequences, over Swapfiles
 * and Adjusters keyed by tuples, over tasks keyed by model values, pcs as strings.
 */
final class StateText {
    private static final String[] NODES = {"root", "net", "ipv4", "ipv6"};

    private final ReserveTreeParams p;
    private final Layout l;

    StateText(ReserveTreeParams p) {
        this.p = p;
        this.l = new Layout(p);
    }

    /** Variable {@code var} (a Layout index) of the snapshot starting at {@code at}. */
    String render(int[] w, int at, int var) {
        int s = at + l.start[var];
        switch (Layout.VARIABLES[var]) {
            case "pages":
            case "limit":
            case "usage": {
                List<String> f = new ArrayList<String>();
                List<String> v = new ArrayList<String>();
                for (int n = 0; n < 4; n++) {
                    f.add(NODES[n]);
                    v.add(TlaText.integer(w[s + n]));
                }
                return TlaText.record(f, v);
            }
            case "net_linked":
            case "oom_victim_alive":
            case "kswapd_awake":
                return TlaText.bool(w[s] != 0);
            case "pending": {
                List<String> keys = new ArrayList<String>();
                List<String> values = new ArrayList<String>();
                for (int a = 0; a < l.a; a++) {
                    keys.add(p.adjusterName(a));
                    values.add(pending(w, s + a * Layout.PENDING_WORDS));
                }
                return TlaText.function(keys, values);
            }
            case "sock_memalloc":
                return TlaText.sequence(bools(w, s, l.x));
            case "xprt_swapper":
                return TlaText.sequence(ints(w, s, l.x));
            case "spc":
                return TlaText.function(p.swapfileNames(), strings(w, s, l.f, SwapPc.names()));
            case "srounds":
                return TlaText.function(p.swapfileNames(), ints(w, s, l.f));
            case "sv": {
                List<String> v = new ArrayList<String>();
                for (int f = 0; f < l.f; f++) {
                    int o = s + f * Layout.SV_WORDS;
                    List<String> fields = new ArrayList<String>();
                    List<String> vals = new ArrayList<String>();
                    fields.add("op");
                    vals.add(TlaText.string(Sv.opName(w[o])));
                    fields.add("old");
                    vals.add(TlaText.integer(w[o + 1]));
                    fields.add("err");
                    vals.add(TlaText.bool(w[o + 2] != 0));
                    v.add(TlaText.record(fields, vals));
                }
                return TlaText.function(p.swapfileNames(), v);
            }
            case "sysctl_pc":
                return TlaText.string(SwapPc.name(w[s]));
            case "upc":
                return users(strings(w, s, l.u, UserPc.names()));
            case "hn":
            case "he":
            case "charged":
            case "urounds":
                return users(ints(w, s, l.u));
            case "dpc":
                return allocators(strings(w, s, l.d, AllocPc.names()));
            case "killed":
            case "memdie":
                return allocators(bools(w, s, l.d));
            case "drounds":
                return allocators(ints(w, s, l.d));
            default:
                return TlaText.integer(w[s]);
        }
    }

    private static String pending(int[] w, int o) {
        List<String> path = new ArrayList<String>();
        for (int n = 0; n < 4; n++) {
            if ((w[o + 1] & 1 << n) != 0) {
                path.add(TlaText.string(NODES[n]));
            }
        }
        List<String> f = new ArrayList<String>();
        List<String> v = new ArrayList<String>();
        f.add("var");
        v.add(TlaText.integer(w[o]));
        f.add("path");
        v.add(TlaText.set(path));
        f.add("dl");
        v.add(TlaText.integer(w[o + 2]));
        f.add("du");
        v.add(TlaText.integer(w[o + 3]));
        f.add("next");
        v.add(TlaText.string(SwapPc.name(w[o + 4])));
        return TlaText.record(f, v);
    }

    private static List<String> ints(int[] w, int s, int n) {
        List<String> v = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            v.add(TlaText.integer(w[s + i]));
        }
        return v;
    }

    private static List<String> bools(int[] w, int s, int n) {
        List<String> v = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            v.add(TlaText.bool(w[s + i] != 0));
        }
        return v;
    }

    private static List<String> strings(int[] w, int s, int n, String[] names) {
        List<String> v = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            v.add(TlaText.string(names[w[s + i]]));
        }
        return v;
    }

    private String users(List<String> values) {
        List<String> keys = new ArrayList<String>();
        for (int u = 0; u < p.reserveUsers; u++) {
            keys.add(TlaText.modelValue(p.userName(u)));
        }
        return TlaText.function(keys, values);
    }

    private String allocators(List<String> values) {
        List<String> keys = new ArrayList<String>();
        for (int d = 0; d < p.allocators; d++) {
            keys.add(TlaText.modelValue(p.allocatorName(d)));
        }
        return TlaText.function(keys, values);
    }
}
