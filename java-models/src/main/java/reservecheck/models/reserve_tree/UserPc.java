package reservecheck.models.reserve_tree;

/** The spec's UserPCs (a reserve user's step), as int codes in the spec's order. */
public final class UserPc {
    public static final int IDLE = 0;
    public static final int ALLOC = 1;
    public static final int WAIT_CHARGE = 2;
    public static final int WAIT_MEM = 3;
    public static final int HOLD = 4;
    public static final int DONE = 5;

    private static final String[] NAMES = {"idle", "alloc", "wait_charge", "wait_mem", "hold", "done"};

    private UserPc() {
    }

    public static String name(int pc) {
        return NAMES[pc];
    }

    /** The names by code (a copy), for a whole function of pcs as TLA+ text. */
    public static String[] names() {
        return NAMES.clone();
    }

    public static boolean valid(int pc) {
        return pc >= IDLE && pc <= DONE;
    }

    /** The spec's InReserveAlloc(u): inside __alloc_pages_reserve (a page or NULL still to come). */
    public static boolean inReserveAlloc(int pc) {
        return pc == ALLOC || pc == WAIT_CHARGE || pc == WAIT_MEM;
    }
}
