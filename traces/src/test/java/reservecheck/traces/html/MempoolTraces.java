package reservecheck.traces.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.CatalogException;
import reservecheck.catalog.CatalogLoader;
import reservecheck.tla.TlaValue;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.ItfTrace.ItfState;
import reservecheck.traces.TraceMeta;

/**
 * Counterexamples of specs/mempool/Mempool.tla built state by state as the spec's actions
 * compute them, so the viewer is tested on what a checker really reports.
 */
final class MempoolTraces {

    static final List<String> VARS = List.of("curr_nr", "free_pages", "clean_pages", "dirty_pages", "waitq", "pc",
            "held", "rounds_left", "full_mask", "plugged", "snap", "tstate", "saw_empty");

    private MempoolTraces() {
    }

    /**
     * zero_min_lost_wakeup (min_nr = 0, procs = {p1, p2}, init_free_pages = 1, zero_min_refill =
     * FALSE): p1 takes the only free page, p2 finds the pool empty and sleeps, p1 frees its page
     * to the allocator without waking p2, and from there on only the unfair timeout could move
     * p2: the behaviour stutters in state 8 with p2's mempool_alloc never returning.
     */
    static ItfTrace zeroMinLostWakeup() {
        B b = new B(List.of("p1", "p2"));
        b.set("curr_nr", i(0)).set("free_pages", i(1)).set("clean_pages", i(0)).set("dirty_pages", i(0))
                .set("waitq", TlaValue.seqOf()).all("pc", s("idle")).all("held", i(0)).all("rounds_left", i(1))
                .all("full_mask", TlaValue.of(false)).all("plugged", i(0)).all("snap", i(0))
                .all("tstate", s("running")).all("saw_empty", TlaValue.of(false)).state(null, null);
        b.at("pc", "p1", s("alloc")).at("full_mask", "p1", TlaValue.of(false))
                .at("saw_empty", "p1", TlaValue.of(false)).state("mempool_alloc", "p1");
        b.set("free_pages", i(0)).at("held", "p1", i(1)).at("pc", "p1", s("hold")).state("pool_alloc", "p1");
        b.at("pc", "p2", s("alloc")).state("mempool_alloc", "p2");
        b.at("pc", "p2", s("remove_element")).state("pool_alloc", "p2");
        b.at("full_mask", "p2", TlaValue.of(true)).at("pc", "p2", s("alloc")).state("remove_element", "p2");
        b.at("pc", "p2", s("remove_element")).state("pool_alloc", "p2");
        b.set("waitq", TlaValue.seqOf(TlaValue.modelValue("p2"))).at("tstate", "p2", s("uninterruptible"))
                .at("pc", "p2", s("io_schedule")).state("remove_element", "p2");
        b.set("free_pages", i(1)).at("held", "p1", i(0)).at("rounds_left", "p1", i(0)).at("pc", "p1", s("done"))
                .stuttering().state("mempool_free", "p1");
        Map<String, Object> meta = TraceMeta.of("tlc", "mempool", "zero_min_lost_wakeup", "liveness:AllocReturns",
                "mempool_free never refills a zero-minimum pool nor wakes the waiter", parameters("zero_min_lost_wakeup"));
        meta = TraceMeta.with(meta, TraceMeta.TASK, "p2");
        // A behaviour that stutters forever is a loop on its last state.
        return new ItfTrace(meta, List.of(), VARS, b.states, 8);
    }

    /**
     * same_bioset_recursion (min_nr = 1, procs = {p1}, request_elements = 2): p1 takes the pool's
     * only element for its first bio and asks the same pool for the second; nothing frees, so it
     * sleeps, the timeout wakes it, it retries and sleeps again forever: a lasso over states 5
     * to 7, closed by io_schedule_timeout back to state 5.
     */
    static ItfTrace sameBiosetLasso() {
        B b = new B(List.of("p1"));
        b.set("curr_nr", i(1)).set("free_pages", i(0)).set("clean_pages", i(0)).set("dirty_pages", i(0))
                .set("waitq", TlaValue.seqOf()).all("pc", s("idle")).all("held", i(0)).all("rounds_left", i(1))
                .all("full_mask", TlaValue.of(false)).all("plugged", i(0)).all("snap", i(0))
                .all("tstate", s("running")).all("saw_empty", TlaValue.of(false)).state(null, null);
        b.at("pc", "p1", s("alloc")).state("mempool_alloc", "p1");
        b.at("pc", "p1", s("remove_element")).state("pool_alloc", "p1");
        b.set("curr_nr", i(0)).at("held", "p1", i(1)).at("pc", "p1", s("alloc")).state("remove_element", "p1");
        b.at("pc", "p1", s("remove_element")).state("pool_alloc", "p1");
        b.at("full_mask", "p1", TlaValue.of(true)).at("pc", "p1", s("alloc")).state("remove_element", "p1");
        b.at("pc", "p1", s("remove_element")).state("pool_alloc", "p1");
        b.set("waitq", TlaValue.seqOf(TlaValue.modelValue("p1"))).at("tstate", "p1", s("uninterruptible"))
                .at("pc", "p1", s("io_schedule")).state("remove_element", "p1");
        Map<String, Object> meta = TraceMeta.of("explorer", "mempool", "same_bioset_recursion", "liveness:AllocReturns",
                "a second bio is taken from the same bioset while the first sits unsubmitted",
                parameters("same_bioset_recursion"));
        meta = TraceMeta.with(meta, TraceMeta.TASK, "p1");
        meta = TraceMeta.with(meta, TraceMeta.LOOP_ACTION, "io_schedule_timeout");
        meta = TraceMeta.with(meta, TraceMeta.LOOP_TASK, "p1");
        return new ItfTrace(meta, List.of(), VARS, b.states, 5);
    }

    /** A catalog variant's parameter values, as the checkers put them in a trace's meta. */
    static Map<String, Object> parameters(String variant) {
        return catalog().variant(variant).orElseThrow().parameters();
    }

    private static Catalog catalog;

    static synchronized Catalog catalog() {
        if (catalog == null) {
            try {
                catalog = CatalogLoader.loadAllowingMissingSpecs(root());
            } catch (CatalogException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return catalog;
    }

    /** The repository root: the build passes it; an IDE run finds it from the working folder. */
    static Path root() {
        String prop = System.getProperty("reservecheck.root");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "catalog"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(CatalogLoader.SCHEMA))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the repository root");
    }

    static TlaValue i(long n) {
        return TlaValue.of(n);
    }

    static TlaValue s(String v) {
        return TlaValue.str(v);
    }

    /** Builds states as the spec does: each state is the previous one with some entries replaced. */
    static final class B {
        final List<String> tasks;
        final Map<String, TlaValue> cur = new LinkedHashMap<>();
        final Map<String, Map<TlaValue, TlaValue>> funs = new LinkedHashMap<>();
        final java.util.ArrayList<ItfState> states = new java.util.ArrayList<>();
        boolean stutter;

        B(List<String> tasks) {
            this.tasks = tasks;
        }

        B set(String var, TlaValue v) {
            cur.put(var, v);
            return this;
        }

        B all(String var, TlaValue v) {
            Map<TlaValue, TlaValue> f = new LinkedHashMap<>();
            tasks.forEach(t -> f.put(TlaValue.modelValue(t), v));
            funs.put(var, f);
            cur.put(var, TlaValue.function(f));
            return this;
        }

        B at(String var, String task, TlaValue v) {
            funs.get(var).put(TlaValue.modelValue(task), v);
            cur.put(var, TlaValue.function(funs.get(var)));
            return this;
        }

        B stuttering() {
            stutter = true;
            return this;
        }

        void state(String action, String task) {
            states.add(new ItfState(states.size(), action, task, stutter, cur));
            stutter = false;
        }
    }
}
