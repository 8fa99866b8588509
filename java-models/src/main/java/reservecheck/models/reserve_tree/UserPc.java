package reservecheck.models.reserve_tree;

/** The spec's UserPCs (a reserve user's step), as int codes in the spec's order. */
final class UserPc {
    static final int IDLE = 0;
    static final int ALLOC = 1;
    static final int WAIT_CHARGE = 2;
    static final int WAIT_MEM = 3;
    static final int HOLD = 4;
    static final int DONE = 5;

    private static final String[] NAMES = {"idle", "alloc", "wait_charge", "wait_mem", "hold", "done"};

    private UserPc() {
    }

    static String name(int pc) {
        return NAMES[pc];
    }

    static boolean valid(int pc) {
        return pc >= IDLE && pc <= DONE;
    }

    /** The spec's InReserveAlloc(u): inside __alloc_pages_reserve (a page or NULL still to come). */
    static boolean inReserveAlloc(int pc) {
        return pc == ALLOC || pc == WAIT_CHARGE || pc == WAIT_MEM;
    }
}
