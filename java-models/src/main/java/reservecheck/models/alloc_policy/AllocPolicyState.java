package reservecheck.models.alloc_policy;

import reservecheck.models.lts.SpecState;

/**
 * One state of AllocPolicy.tla: its 9 variables.  apc and victim hold the spec's strings (the
 * constants below), so a state prints as TLC prints it.  Immutable: actions build successors
 * through {@link Builder}.
 */
public final class AllocPolicyState extends SpecState {
    // apc: where the allocating task is in the slow path
    public static final String FAST = "fast";
    public static final String RECLAIM = "reclaim";
    public static final String OOM = "oom";
    public static final String GOT = "got";
    public static final String NULL = "null";
    // victim: the task the OOM killer would kill
    public static final String NONE = "none";
    public static final String ALIVE = "alive";
    public static final String KILLED = "killed";
    public static final String EXITED = "exited";
    public static final String REAPED = "reaped";

    final int free;
    final int clean;
    final int dirty;
    final int wb;
    final String apc;
    final String victim;
    final boolean bandTaken;
    final boolean illegalOom;
    final boolean killedReclaimable;

    AllocPolicyState(int free, int clean, int dirty, int wb, String apc, String victim, boolean bandTaken,
                     boolean illegalOom, boolean killedReclaimable) {
        super(hash(free, clean, dirty, wb, apc, victim, bandTaken, illegalOom, killedReclaimable));
        this.free = free;
        this.clean = clean;
        this.dirty = dirty;
        this.wb = wb;
        this.apc = apc;
        this.victim = victim;
        this.bandTaken = bandTaken;
        this.illegalOom = illegalOom;
        this.killedReclaimable = killedReclaimable;
    }

    /** The hash of the variables, in the spec's order. */
    private static int hash(int free, int clean, int dirty, int wb, String apc, String victim, boolean bandTaken,
                            boolean illegalOom, boolean killedReclaimable) {
        int h = ((free * 31 + clean) * 31 + dirty) * 31 + wb;
        h = (h * 31 + apc.hashCode()) * 31 + victim.hashCode();
        h = h * 8 + (bandTaken ? 4 : 0) + (illegalOom ? 2 : 0) + (killedReclaimable ? 1 : 0);
        return h;
    }

    public int free() { return free; }

    public int clean() { return clean; }

    public int dirty() { return dirty; }

    public int wb() { return wb; }

    public String apc() { return apc; }

    public String victim() { return victim; }

    public boolean bandTaken() { return bandTaken; }

    public boolean illegalOom() { return illegalOom; }

    public boolean killedReclaimable() { return killedReclaimable; }

    /** The allocation has returned, with a page or NULL (the spec's apc \in {"got", "null"}). */
    public boolean returned() {
        return GOT.equals(apc) || NULL.equals(apc);
    }

    /** Held: the allocating task holds its lock until it returns. */
    boolean held() {
        return !returned();
    }

    /** A copy to change: the primed variables of one action, unchanged unless set. */
    Builder edit() {
        return new Builder(this);
    }

    @Override
    protected boolean sameVariables(SpecState o) {
        AllocPolicyState s = (AllocPolicyState) o;
        return free == s.free && clean == s.clean && dirty == s.dirty && wb == s.wb && apc.equals(s.apc)
                && victim.equals(s.victim) && bandTaken == s.bandTaken && illegalOom == s.illegalOom
                && killedReclaimable == s.killedReclaimable;
    }

    /** The variables of the next state, starting from a state's (or nothing, for Init). */
    static final class Builder {
        int free;
        int clean;
        int dirty;
        int wb;
        String apc;
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
            apc = s.apc;
            victim = s.victim;
            bandTaken = s.bandTaken;
            illegalOom = s.illegalOom;
            killedReclaimable = s.killedReclaimable;
        }

        AllocPolicyState build() {
            return new AllocPolicyState(free, clean, dirty, wb, apc, victim, bandTaken, illegalOom,
                    killedReclaimable);
        }
    }
}
