package reservecheck.impl.mempool;

import reservecheck.models.mempool.Label;

/**
 * The spec actions a step of the implementation can be, each the model's label of the same
 * name: the one table of the implementation's action codes (a step's code is the ordinal, so
 * a step passes an int through its trace, no string compares per step).
 */
enum Action {
    MEMPOOL_ALLOC(Label.MEMPOOL_ALLOC),
    POOL_ALLOC(Label.POOL_ALLOC),
    REMOVE_ELEMENT(Label.REMOVE_ELEMENT),
    RUN_TASK_QUEUE(Label.RUN_TASK_QUEUE),
    ADD_WAIT_QUEUE(Label.ADD_WAIT_QUEUE),
    SCHEDULE(Label.SCHEDULE),
    FINISH_WAIT(Label.FINISH_WAIT),
    IO_SCHEDULE_TIMEOUT(Label.IO_SCHEDULE_TIMEOUT),
    MEMPOOL_FREE(Label.MEMPOOL_FREE),
    BIO_ENDIO(Label.BIO_ENDIO),
    RETURN_NULL(Label.RETURN_NULL),
    REMOVE_UNLOCKED(Label.REMOVE_UNLOCKED);

    /** values() copies its array on each call; steps decode codes often. */
    private static final Action[] BY_CODE = values();

    /** The model's transition label. */
    final String label;

    Action(String label) {
        this.label = label;
    }

    /** The label of the action with this code (an ordinal). */
    static String label(int code) {
        return BY_CODE[code].label;
    }

    /** The code of the action with this label, or -1. */
    static int code(String label) {
        for (Action a : BY_CODE) {
            if (a.label.equals(label)) {
                return a.ordinal();
            }
        }
        return -1;
    }
}
