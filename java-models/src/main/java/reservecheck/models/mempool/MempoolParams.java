package reservecheck.models.mempool;

import java.util.List;
import java.util.Map;

import reservecheck.models.lts.Names;
import reservecheck.models.params.ParamReader;
import reservecheck.models.params.SpecParams;

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
public final class MempoolParams extends SpecParams {
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

    public MempoolParams(Map<String, Object> params) {
        this(new ParamReader("mempool", "Mempool.tla", CONSTANTS, params));
    }

    private MempoolParams(ParamReader r) {
        super("MempoolParams", r.values());
        design = r.string("design");
        minNr = r.natural("min_nr");
        procs = r.natural("procs");
        irqs = r.natural("irqs");
        rounds = r.natural("rounds");
        requestElements = r.natural("request_elements");
        bulk = r.bool("bulk");
        initFreePages = r.natural("init_free_pages");
        initCleanPages = r.natural("init_clean_pages");
        initDirtyPages = r.natural("init_dirty_pages");
        emergencyPages = r.natural("emergency_pages");
        pfMemalloc = r.bool("pf_memalloc");
        gfpNowaitKeepsIo = r.bool("gfp_nowait_keeps_io");
        atomicSkipsPool = r.bool("atomic_skips_pool");
        tqDiskUninterruptible = r.bool("tq_disk_uninterruptible");
        freeReadsStale = r.bool("free_reads_stale");
        firstRoundFullMask = r.bool("first_round_full_mask");
        poolWaitTimeout = r.bool("pool_wait_timeout");
        nomemallocOnlyIfFree = r.bool("nomemalloc_only_if_free");
        zeroMinRefill = r.bool("zero_min_refill");
        wakeUp = r.string("wake_up");
        currNrTestUnlocked = r.bool("curr_nr_test_unlocked");

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
        System.arraycopy(Names.numbered("p", procs), 0, taskNames, 0, procs);
        System.arraycopy(Names.numbered("i", irqs), 0, taskNames, procs, irqs);
    }

    /** The spec's constant names, in the spec's order. */
    public static List<String> constantNames() {
        return ParamReader.constantNames(CONSTANTS);
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
        return Names.indexOf(taskNames, name);
    }

    public List<String> taskNames() {
        return Names.list(taskNames);
    }
}
