package reservecheck.models.alloc_policy;

import reservecheck.models.lts.SpecState;

/**
 * One state of AllocPolicy.tla: its 10 variables.  pc (one entry per task, task 1 at index 0)
 * and victim hold the spec's strings (the constants below), so a state prints as TLC prints it.
 * Immutable: actions build successors through {@link Builder}.
 */
public final class AllocPolicyState extends SpecState {
    // pc[t]: where task t is in its allocation
    public static final String LOCK = "lock";
    public static final String FAST = "fast";
    public static final String RECLAIM = "reclaim";
    public static final String OOM = "oom";
    public static final String GOT = "got";
    public static final String NULL = "null";
    // victim: task 2 as the OOM killer sees it (EXITED is also task 2's pc once it has exited)
    public static final String NONE = "none";
    public static final String ALIVE = "alive";
    public static final String KILLED = "killed";
    public static final String EXITED = "exited";
    public static final String REAPED = "reaped";

    /** The spec's Tasks == 1..2. */
    public static final int TASKS = 2;

    final int free;
    final int clean;
    final int dirty;
    final int wb;
    private final String[] pc;
    /** lock L's owner: a task's number (1 or 2), 0 when free. */
    final int lock;
    final String victim;
    final boolean bandTaken;
    final boolean illegalOom;
    final boolean killedReclaimable;

    AllocPolicyState(int free, int clean, int dirty, int wb, String[] pc, int lock, String victim,
                     boolean bandTaken, boolean illegalOom, boolean killedReclaimable) {
        super(hash(free, clean, dirty, wb, pc, lock, victim, bandTaken, illegalOom, killedReclaimable));
        this.free = free;
        this.clean = clean;
        this.dirty = dirty;
        this.wb = wb;
        this.pc = pc;
        this.lock = lock;
        this.victim = victim;
        this.bandTaken = bandTaken;
        this.illegalOom = illegalOom;
        this.killedReclaimable = killedReclaimable;
    }

    /**
     * A state from the implementation's recorded values (impl.alloc_policy.EventLog): pc1 and
     * pc2 and victim are the spec's strings (the constants above).
     */
    public static AllocPolicyState of(int free, int clean, int dirty, int wb, String pc1, String pc2, int lock,
                                      String victim, boolean bandTaken, boolean illegalOom,
                                      boolean killedReclaimable) {
        return new AllocPolicyState(free, clean, dirty, wb, new String[] {pc1, pc2}, lock, victim, bandTaken,
                illegalOom, killedReclaimable);
    }

    /** The hash of the variables, in the spec's order. */
    private static int hash(int free, int clean, int dirty, int wb, String[] pc, int lock, String victim,
                            boolean bandTaken, boolean illegalOom, boolean killedReclaimable) {
        int h = ((free * 31 + clean) * 31 + dirty) * 31 + wb;
        for (String x : pc) {
            h = h * 31 + x.hashCode();
        }
        h = (h * 31 + lock) * 31 + victim.hashCode();
        h = h * 8 + (bandTaken ? 4 : 0) + (illegalOom ? 2 : 0) + (killedReclaimable ? 1 : 0);
        return h;
    }

    public int free() { return free; }

    public int clean() { return clean; }

    public int dirty() { return dirty; }

    public int wb() { return wb; }

    /** pc[t] for task t in 1..2, as the spec numbers them. */
    public String pc(int t) { return pc[t - 1]; }

    public int lock() { return lock; }

    public String victim() { return victim; }

    public boolean bandTaken() { return bandTaken; }

    public boolean illegalOom() { return illegalOom; }

    public boolean killedReclaimable() { return killedReclaimable; }

    /** The spec's Done: task t has returned with a page or NULL, or exited once killed. */
    public boolean done(int t) {
        return isDone(pc(t));
    }

    static boolean isDone(String pc) {
        return GOT.equals(pc) || NULL.equals(pc) || EXITED.equals(pc);
    }

    /** Every task is done: Terminated's guard. */
    public boolean allDone() {
        for (int t = 1; t <= TASKS; t++) {
            if (!done(t)) {
                return false;
            }
        }
        return true;
    }

    /** A copy to change: the primed variables of one action, unchanged unless set. */
    Builder edit() {
        return new Builder(this);
    }

    @Override
    protected boolean sameVariables(SpecState o) {
        AllocPolicyState s = (AllocPolicyState) o;
        if (!(free == s.free && clean == s.clean && dirty == s.dirty && wb == s.wb && lock == s.lock
                && victim.equals(s.victim) && bandTaken == s.bandTaken && illegalOom == s.illegalOom
                && killedReclaimable == s.killedReclaimable)) {
            return false;
        }
        for (int i = 0; i < TASKS; i++) {
            if (!pc[i].equals(s.pc[i])) {
                return false;
            }
        }
        return true;
    }

    /** The variables of the next state, starting from a state's (or nothing, for Init). */
    static final class Builder {
        int free;
        int clean;
        int dirty;
        int wb;
        final String[] pc = new String[TASKS];
        int lock;
        String victim;
        boolean bandTaken;
        boolean illegalOom;
        boolean killedReclaimable;

        Builder() {
        }

        Builder(AllocPolicyState s) {
            free = s.free;
            clean = s.clean;
            dirty = s.dirty;
            wb = s.wb;
            System.arraycopy(s.pc, 0, pc, 0, TASKS);
            lock = s.lock;
            victim = s.victim;
            bandTaken = s.bandTaken;
            illegalOom = s.illegalOom;
            killedReclaimable = s.killedReclaimable;
        }

        /** The spec's Goto(t, newpc): task t moves on; returning drops the lock it holds. */
        Builder goTo(int t, String newpc) {
            pc[t - 1] = newpc;
            if (isDone(newpc) && lock == t) {
                lock = 0;
            }
            return this;
        }

        /** pc' = [pc EXCEPT ![t] = newpc], the lock unchanged. */
        Builder move(int t, String newpc) {
            pc[t - 1] = newpc;
            return this;
        }

        AllocPolicyState build() {
            return new AllocPolicyState(free, clean, dirty, wb, pc.clone(), lock, victim, bandTaken, illegalOom,
                    killedReclaimable);
        }
    }
}
