package reservecheck.models.reserve_tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reservecheck.models.lts.Names;
import reservecheck.models.lts.TlaText;
import reservecheck.models.params.ParamReader;
import reservecheck.models.params.SpecParams;

/**
 * The CONSTANTS of specs/reserve_tree/ReserveTree.tla, one field each, built from the catalog's
 * parameter values (catalog/reserve_tree.yaml: Integer for int and tasks counts, Boolean for
 * bool, String for enum).  Every catalog entry, design or bug, is a setting of these values;
 * the model has no other switch.  The constructor checks the spec's ASSUMEs, so a model never
 * runs on values TLC would reject.
 *
 * <p>Actors are indices.  Swapfiles: the spec's Swapfiles = Xprts \X (1..swapfiles_per_xprt)
 * in lexicographic order, so swapfile i is &lt;&lt;i / swapfiles_per_xprt + 1, i %
 * swapfiles_per_xprt + 1&gt;&gt;; pending has one more slot, {@link #sysctlSlot()}, for the
 * spec's SYSCTL adjuster &lt;&lt;0, 0&gt;&gt;.  Transports are 0-based (the spec's 1..xprts).
 * Reserve users u1..un and allocators d1..dm are the catalog's model values.
 *
 * <p>Names: a user's or allocator's model value is both its task name and its key in the
 * spec's functions.  A swapfile's key is a tuple, which cannot be a task name (tasks are
 * identifiers in ITF traces), so its task name spells the tuple: &lt;&lt;1, 2&gt;&gt; is "f1_2"
 * ({@link #swapfileName}), its key "&lt;&lt;1, 2&gt;&gt;" ({@link #swapfileKey}).
 */
public final class ReserveTreeParams extends SpecParams {
    public static final String TREE_2008 = "tree_2008";
    public static final String MERGED_2012 = "merged_2012";

    /** Every CONSTANT of the spec, in the spec's order. */
    private static final String[] CONSTANTS = {
        "design", "xprts", "swapfiles_per_xprt", "swapping_at_start", "swap_stays_on", "rounds",
        "reserve_users", "blocking", "request_pages", "init_normal_pages", "ipv4_pages", "ipv6_pages",
        "sysctl_pages", "max_reserve_pages", "allocators", "min_wmark", "init_free_pages", "swap_pages",
        "oom_victim_pages", "sigkill", "node_has_normal_zone", "connect_propagates_usage",
        "memalloc_count_locked", "memalloc_flag_atomic", "reserve_adjust_locked", "per_user_accounting",
        "swapper_counted", "swapper_clear_on_last", "killed_task_counts_as_progress",
        "throttle_checks_node_has_normal_zone"
    };

    public final String design;
    public final int xprts;
    public final int swapfilesPerXprt;
    public final boolean swappingAtStart;
    public final boolean swapStaysOn;
    public final int rounds;
    /** The number of reserve users (the catalog's tasks count; the spec's set u1..un). */
    public final int reserveUsers;
    public final boolean blocking;
    public final int requestPages;
    public final int initNormalPages;
    public final int ipv4Pages;
    public final int ipv6Pages;
    public final int sysctlPages;
    public final int maxReservePages;
    /** The number of allocators (the spec's set d1..dm). */
    public final int allocators;
    public final int minWmark;
    public final int initFreePages;
    public final int swapPages;
    public final int oomVictimPages;
    public final boolean sigkill;
    public final boolean nodeHasNormalZone;
    // policy flags: each selects one historical bug (or its fix), as in the spec
    /** mem_reserve_connect/disconnect move usage too (NeilBrown, Aug 2008). */
    public final boolean connectPropagatesUsage;
    /** sk_adjust_memalloc under one lock (Morton's "some locking?", Feb 2008). */
    public final boolean memallocCountLocked;
    /** test_and_set_bit / test_and_clear_bit on SOCK_MEMALLOC (same review). */
    public final boolean memallocFlagAtomic;
    /** adjust_memalloc_reserve serialised (Zupancic, Aug 2006). */
    public final boolean reserveAdjustLocked;
    /** mem_reserve_charge before emergency pages (Gorman's nbd note, 2012). */
    public final boolean perUserAccounting;
    /** xprt->swapper counts swapfiles, not a single bit (seed 003, Feb 2008). */
    public final boolean swapperCounted;
    /** SOCK_MEMALLOC on swapper's 0->1 / 1->0 only (Layton, 2015). */
    public final boolean swapperClearOnLast;
    /** try_to_free_pages returns 1 for any killed task (5515061d22f0, before its fix). */
    public final boolean killedTaskCountsAsProgress;
    /** no throttle on a node without ZONE_NORMAL (675becce15f3). */
    public final boolean throttleChecksNodeHasNormalZone;

    private final String[] swapfileTasks;
    private final String[] swapfileKeys;
    private final String[] userNames;
    private final String[] allocatorNames;

    public ReserveTreeParams(Map<String, Object> params) {
        this(new ParamReader("reserve_tree", "ReserveTree.tla", CONSTANTS, params));
    }

    private ReserveTreeParams(ParamReader r) {
        super("ReserveTreeParams", r.values());
        design = r.string("design");
        xprts = r.natural("xprts");
        swapfilesPerXprt = r.natural("swapfiles_per_xprt");
        swappingAtStart = r.bool("swapping_at_start");
        swapStaysOn = r.bool("swap_stays_on");
        rounds = r.natural("rounds");
        reserveUsers = r.natural("reserve_users");
        blocking = r.bool("blocking");
        requestPages = r.natural("request_pages");
        initNormalPages = r.natural("init_normal_pages");
        ipv4Pages = r.natural("ipv4_pages");
        ipv6Pages = r.natural("ipv6_pages");
        sysctlPages = r.natural("sysctl_pages");
        maxReservePages = r.natural("max_reserve_pages");
        allocators = r.natural("allocators");
        minWmark = r.natural("min_wmark");
        initFreePages = r.natural("init_free_pages");
        swapPages = r.natural("swap_pages");
        oomVictimPages = r.natural("oom_victim_pages");
        sigkill = r.bool("sigkill");
        nodeHasNormalZone = r.bool("node_has_normal_zone");
        connectPropagatesUsage = r.bool("connect_propagates_usage");
        memallocCountLocked = r.bool("memalloc_count_locked");
        memallocFlagAtomic = r.bool("memalloc_flag_atomic");
        reserveAdjustLocked = r.bool("reserve_adjust_locked");
        perUserAccounting = r.bool("per_user_accounting");
        swapperCounted = r.bool("swapper_counted");
        swapperClearOnLast = r.bool("swapper_clear_on_last");
        killedTaskCountsAsProgress = r.bool("killed_task_counts_as_progress");
        throttleChecksNodeHasNormalZone = r.bool("throttle_checks_node_has_normal_zone");

        // the spec's ASSUMEs
        if (!TREE_2008.equals(design) && !MERGED_2012.equals(design)) {
            throw new IllegalArgumentException("design must be \"tree_2008\" or \"merged_2012\", not \""
                    + design + "\"");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
        }
        if (swappingAtStart && (xprts < 1 || swapfilesPerXprt < 1)) {
            throw new IllegalArgumentException("swapping_at_start needs a transport with a swapfile");
        }
        if (tree() && allocators > 0) {
            throw new IllegalArgumentException("allocators belong to merged_2012, not tree_2008");
        }
        if (!tree() && reserveUsers > 0) {
            throw new IllegalArgumentException("reserve_users belong to tree_2008, not merged_2012");
        }
        if (reserveUsers > 0 && xprts < 1) {
            throw new IllegalArgumentException("reserve users receive on transport 1: xprts must be at least 1");
        }
        if (requestPages < 1) {
            throw new IllegalArgumentException("request_pages must be at least 1, not " + requestPages);
        }
        if (perUserAccounting && reserveUsers > 0 && requestPages > ipv4Pages + ipv6Pages) {
            // a request larger than the reserve could never be charged
            throw new IllegalArgumentException("with per_user_accounting, request_pages must be at most ipv4_pages"
                    + " + ipv6_pages = " + (ipv4Pages + ipv6Pages) + ", not " + requestPages);
        }
        if (tree() && swappingAtStart && ipv4Pages + ipv6Pages > maxReservePages) {
            throw new IllegalArgumentException("swapping_at_start connects the network reserve: ipv4_pages"
                    + " + ipv6_pages must be at most max_reserve_pages");
        }

        swapfileTasks = new String[xprts * swapfilesPerXprt];
        swapfileKeys = new String[swapfileTasks.length];
        for (int i = 0; i < swapfileTasks.length; i++) {
            int x = i / swapfilesPerXprt + 1;
            int k = i % swapfilesPerXprt + 1;
            swapfileTasks[i] = "f" + x + "_" + k;
            swapfileKeys[i] = tuple(x, k);
        }
        userNames = Names.numbered("u", reserveUsers);
        allocatorNames = Names.numbered("d", allocators);
    }

    /** The spec's constant names, in the spec's order. */
    public static List<String> constantNames() {
        return ParamReader.constantNames(CONSTANTS);
    }

    /** The spec's Tree: design = "tree_2008". */
    public boolean tree() {
        return TREE_2008.equals(design);
    }

    /** The spec's Sysctl: the ipfrag sysctl raises ipv4 once (tree_2008 only). */
    public boolean sysctl() {
        return tree() && sysctlPages > ipv4Pages;
    }

    /** The spec's StartLinked: the network reserve is connected at the start. */
    public boolean startLinked() {
        return tree() && swappingAtStart;
    }

    /** The spec's NetPages. */
    public int netPages() {
        return ipv4Pages + ipv6Pages;
    }

    /**
     * The spec's AtomicMemalloc: swapon and swapoff are single critical sections exactly when
     * every lock flag holds (and always in merged_2012, which has none of these races).
     */
    public boolean atomicMemalloc() {
        return !tree() || (memallocFlagAtomic && memallocCountLocked && reserveAdjustLocked);
    }

    public int swapfileCount() {
        return swapfileTasks.length;
    }

    /** The 0-based transport of swapfile f (the spec's f[1] - 1). */
    public int xprtOf(int f) {
        return f / swapfilesPerXprt;
    }

    /** Whether swapfile f is &lt;&lt;1, 1&gt;&gt;, the one live at the start with swapping_at_start. */
    public boolean isFirstSwapfile(int f) {
        return f == 0;
    }

    /** The index of the SYSCTL adjuster in pending, after the swapfiles. */
    public int sysctlSlot() {
        return swapfileTasks.length;
    }

    /** The number of adjusters (the domain of pending): every swapfile and SYSCTL. */
    public int adjusterCount() {
        return swapfileTasks.length + 1;
    }

    /** A swapfile's task name in transitions, e.g. "f1_2" for &lt;&lt;1, 2&gt;&gt;. */
    public String swapfileName(int f) {
        return swapfileTasks[f];
    }

    /** A swapfile's canonical TLA+ text, e.g. &lt;&lt;1, 2&gt;&gt;: its key in spc, srounds and sv. */
    public String swapfileKey(int f) {
        return swapfileKeys[f];
    }

    /** The key of adjuster a in pending: a swapfile's tuple, or SYSCTL = &lt;&lt;0, 0&gt;&gt;. */
    public String adjusterName(int a) {
        return a == sysctlSlot() ? tuple(0, 0) : swapfileKeys[a];
    }

    public String userName(int u) {
        return userNames[u];
    }

    public String allocatorName(int d) {
        return allocatorNames[d];
    }

    /** The swapfile, user or allocator of a task name (e.g. "f1_2", "u1", "d1"), or -1. */
    public int swapfileIndex(String name) {
        return Names.indexOf(swapfileTasks, name);
    }

    public int userIndex(String name) {
        return Names.indexOf(userNames, name);
    }

    public int allocatorIndex(String name) {
        return Names.indexOf(allocatorNames, name);
    }

    /** Every swapfile's key (TLA+ text, as {@link #swapfileKey}), in Swapfiles' order. */
    public List<String> swapfileNames() {
        return Names.list(swapfileKeys);
    }

    /** Every swapfile's task name (as {@link #swapfileName}), in Swapfiles' order. */
    public List<String> swapfileTasks() {
        return Names.list(swapfileTasks);
    }

    public List<String> userNames() {
        return Names.list(userNames);
    }

    public List<String> allocatorNames() {
        return Names.list(allocatorNames);
    }

    private static String tuple(int a, int b) {
        List<String> items = new ArrayList<String>();
        items.add(TlaText.integer(a));
        items.add(TlaText.integer(b));
        return TlaText.sequence(items);
    }
}
