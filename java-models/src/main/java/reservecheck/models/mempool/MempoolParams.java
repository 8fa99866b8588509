package reservecheck.models.mempool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CONSTANTS of Mempool.tla, one field each, built from the catalog's parameter values
 * (catalog/mempool.yaml: Integer for int and tasks counts, Boolean for bool, String for enum).
 * Every catalog entry, design or bug, is a setting of these values; the model has no other
 * switch.  The constructor checks the spec's ASSUMEs, so a model never runs on values TLC
 * would reject.
 *
 * <p>Tasks are indices: procs 0..procs-1 are named p1..pn, irqs procs..tasks-1 are named
 * i1..im (the catalog's prefixes).
 */
public final class MempoolParams {
    public static final String DESIGN_2001 = "2001";
    public static final String DESIGN_MODERN = "modern";
    public static final String WAKE_AS_DESIGNED = "as_designed";
    public static final String WAKE_FIRST_WAITER = "first_waiter";
    public static final String WAKE_NOBODY = "nobody";

    /** Every CONSTANT of the spec, in the spec's order. */
    private static final String[] CONSTANTS = {
        "design", "min_nr", "procs", "irqs", "rounds", "request_elements", "bulk",
        "init_free_pages", "init_clean_pages", "init_dirty_pages", "emergency_pages", "pf_memalloc",
        "gfp_nowait_keeps_io", "atomic_skips_pool", "tq_disk_uninterruptible", "free_reads_stale",
        "first_round_full_mask", "pool_wait_timeout", "nomemalloc_only_if_free", "zero_min_refill", "wake_up",
        "curr_nr_test_unlocked"
    };

    public final String design;
    public final int minNr;
    public final int procs;
    public final int irqs;
    public final int rounds;
    public final int requestElements;
    public final boolean bulk;
    public final int initFreePages;
    public final int initCleanPages;
    public final int initDirtyPages;
    public final int emergencyPages;
    public final boolean pfMemalloc;
    // policy flags: each selects one historical bug (or its fix), as in the spec
    /** 2001 level 1 mask keeps __GFP_IO (before mempool-2.5.1-D0). */
    public final boolean gfpNowaitKeepsIo;
    /** 2001 irq caller returns NULL before level 4 (before D1). */
    public final boolean atomicSkipsPool;
    /** 2001 run_task_queue after TASK_UNINTERRUPTIBLE (before D2). */
    public final boolean tqDiskUninterruptible;
    /** mempool_free decides on a curr_nr read before its own alloc (before 5b990546e334). */
    public final boolean freeReadsStale;
    /** modern: retry with the full mask before sleeping (Tejun, 2012). */
    public final boolean firstRoundFullMask;
    /** modern: the sleep on the pool ends after 5 s at the latest. */
    public final boolean poolWaitTimeout;
    /** modern: __GFP_NOMEMALLOC only while the pool has elements (f9054c70d28b). */
    public final boolean nomemallocOnlyIfFree;
    /** 2025 mempool_free: refill and wake when min_nr = 0 and the pool is empty. */
    public final boolean zeroMinRefill;
    /**
     * A fault in wake_up(&pool->wait), to show that the properties see the wake-up:
     * "as_designed", "first_waiter" (only the first sleeper, in the modern design too) or
     * "nobody".
     */
    public final String wakeUp;
    /**
     * A fault: mempool_alloc tests curr_nr without the pool lock and removes the element in a
     * step of its own (remove_unlocked), so two tasks may take the last element.
     */
    public final boolean currNrTestUnlocked;

    private final String[] taskNames;
    private final Map<String, Object> values;

    public MempoolParams(Map<String, Object> params) {
        if (params == null) {
            throw new IllegalArgumentException("mempool parameters missing");
        }
        for (String c : CONSTANTS) {
            if (!params.containsKey(c) || params.get(c) == null) {
                throw new IllegalArgumentException("mempool parameter missing: " + c);
            }
        }
        for (String k : params.keySet()) {
            if (!isConstant(k)) {
                throw new IllegalArgumentException("not a constant of Mempool.tla: " + k);
            }
        }
        design = string(params, "design");
        minNr = natural(params, "min_nr");
        procs = natural(params, "procs");
        irqs = natural(params, "irqs");
        rounds = natural(params, "rounds");
        requestElements = natural(params, "request_elements");
        bulk = bool(params, "bulk");
        initFreePages = natural(params, "init_free_pages");
        initCleanPages = natural(params, "init_clean_pages");
        initDirtyPages = natural(params, "init_dirty_pages");
        emergencyPages = natural(params, "emergency_pages");
        pfMemalloc = bool(params, "pf_memalloc");
        gfpNowaitKeepsIo = bool(params, "gfp_nowait_keeps_io");
        atomicSkipsPool = bool(params, "atomic_skips_pool");
        tqDiskUninterruptible = bool(params, "tq_disk_uninterruptible");
        freeReadsStale = bool(params, "free_reads_stale");
        firstRoundFullMask = bool(params, "first_round_full_mask");
        poolWaitTimeout = bool(params, "pool_wait_timeout");
        nomemallocOnlyIfFree = bool(params, "nomemalloc_only_if_free");
        zeroMinRefill = bool(params, "zero_min_refill");
        wakeUp = string(params, "wake_up");
        currNrTestUnlocked = bool(params, "curr_nr_test_unlocked");

        // the spec's ASSUMEs
        if (!DESIGN_2001.equals(design) && !DESIGN_MODERN.equals(design)) {
            throw new IllegalArgumentException("design must be \"2001\" or \"modern\", not \"" + design + "\"");
        }
        if (!WAKE_AS_DESIGNED.equals(wakeUp) && !WAKE_FIRST_WAITER.equals(wakeUp) && !WAKE_NOBODY.equals(wakeUp)) {
            throw new IllegalArgumentException("wake_up must be \"as_designed\", \"first_waiter\" or \"nobody\", not \""
                    + wakeUp + "\"");
        }
        if (procs + irqs == 0) {
            throw new IllegalArgumentException("procs and irqs are both empty: Tasks # {} fails");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
        }
        if (requestElements < 1) {
            throw new IllegalArgumentException("request_elements must be at least 1, not " + requestElements);
        }
        if (bulk && requestElements > poolCapacity()) {
            // a bulk request larger than the pool could never be served from it
            throw new IllegalArgumentException("bulk needs request_elements <= the pool's capacity "
                    + poolCapacity() + ", not " + requestElements);
        }

        taskNames = new String[procs + irqs];
        for (int i = 0; i < procs; i++) {
            taskNames[i] = "p" + (i + 1);
        }
        for (int i = 0; i < irqs; i++) {
            taskNames[procs + i] = "i" + (i + 1);
        }
        Map<String, Object> copy = new LinkedHashMap<String, Object>();
        for (String c : CONSTANTS) {
            copy.put(c, params.get(c));
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** The spec's constant names, in the spec's order. */
    public static List<String> constantNames() {
        List<String> l = new ArrayList<String>();
        for (String c : CONSTANTS) {
            l.add(c);
        }
        return l;
    }

    /** The values these parameters were built from, in the spec's order. */
    public Map<String, Object> values() {
        return values;
    }

    public boolean is2001() {
        return DESIGN_2001.equals(design);
    }

    /**
     * The spec's PoolCapacity: mempool_init preallocates max(1, min_nr) since the 2025 change
     * (a5867a218d7c); before it, min_nr.
     */
    public int poolCapacity() {
        return zeroMinRefill && minNr == 0 ? 1 : minNr;
    }

    /** The spec's AllocStart: where mempool_alloc begins (2001 level 1, or the modern call). */
    public int allocStart() {
        return is2001() ? Pc.ALLOC_NOWAIT : Pc.ALLOC;
    }

    public int taskCount() {
        return taskNames.length;
    }

    /** Whether task t is in procs (process context, may block). */
    public boolean isProc(int t) {
        return t < procs;
    }

    /** Whether task t is in irqs (GFP_ATOMIC, may not block). */
    public boolean isIrq(int t) {
        return t >= procs;
    }

    public String taskName(int t) {
        return taskNames[t];
    }

    /** The task index of a name, or -1. */
    public int taskIndex(String name) {
        for (int i = 0; i < taskNames.length; i++) {
            if (taskNames[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> taskNames() {
        List<String> l = new ArrayList<String>();
        for (String n : taskNames) {
            l.add(n);
        }
        return l;
    }

    @Override
    public String toString() {
        return "MempoolParams" + values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MempoolParams && values.equals(((MempoolParams) o).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    private static boolean isConstant(String k) {
        for (String c : CONSTANTS) {
            if (c.equals(k)) {
                return true;
            }
        }
        return false;
    }

    private static String string(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException(k + " must be a string, not " + v);
        }
        return (String) v;
    }

    private static int natural(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)) {
            throw new IllegalArgumentException(k + " must be an integer, not " + v);
        }
        long n = ((Number) v).longValue();
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(k + " must be a natural number, not " + n);
        }
        return (int) n;
    }

    private static boolean bool(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Boolean)) {
            throw new IllegalArgumentException(k + " must be a boolean, not " + v);
        }
        return ((Boolean) v).booleanValue();
    }
}
