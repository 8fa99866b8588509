package reservecheck.models.mempool;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.SpecText;
import reservecheck.models.lts.TlaText;

/**
 * The spec's variables as canonical TLA+ text, built only through {@link TlaText} so they
 * compare equal to TLC's printing: functions over Tasks with the tasks as model values
 * (p1, i1, ...), waitq as a sequence of model values, pc and tstate as strings.
 */
final class MempoolText extends SpecText<MempoolState> {
    /** The spec's VARIABLES, in the spec's order. */
    private static final String[] VARIABLES = {
        "curr_nr", "free_pages", "clean_pages", "dirty_pages", "waitq", "pc", "held",
        "rounds_left", "full_mask", "plugged", "snap", "tstate", "saw_empty"
    };

    private final MempoolParams p;

    MempoolText(MempoolParams p) {
        super("Mempool.tla", VARIABLES);
        this.p = p;
    }

    @Override
    protected String value(MempoolState s, String name) {
        if ("curr_nr".equals(name)) {
            return TlaText.integer(s.currNr);
        } else if ("free_pages".equals(name)) {
            return TlaText.integer(s.freePages);
        } else if ("clean_pages".equals(name)) {
            return TlaText.integer(s.cleanPages);
        } else if ("dirty_pages".equals(name)) {
            return TlaText.integer(s.dirtyPages);
        } else if ("waitq".equals(name)) {
            List<String> items = new ArrayList<String>();
            for (int x : s.waitq) {
                items.add(TlaText.modelValue(p.taskName(x)));
            }
            return TlaText.sequence(items);
        } else if ("pc".equals(name)) {
            List<String> v = new ArrayList<String>();
            for (int t = 0; t < p.taskCount(); t++) {
                v.add(TlaText.string(Pc.name(s.pc[t])));
            }
            return function(v);
        } else if ("held".equals(name)) {
            return function(TlaText.integers(s.held));
        } else if ("rounds_left".equals(name)) {
            return function(TlaText.integers(s.roundsLeft));
        } else if ("full_mask".equals(name)) {
            return function(TlaText.bools(s.fullMask));
        } else if ("plugged".equals(name)) {
            return function(TlaText.integers(s.plugged));
        } else if ("snap".equals(name)) {
            return function(TlaText.integers(s.snap));
        } else if ("tstate".equals(name)) {
            List<String> v = new ArrayList<String>();
            for (int t = 0; t < p.taskCount(); t++) {
                v.add(TlaText.string(TaskState.name(s.tstate[t])));
            }
            return function(v);
        } else if ("saw_empty".equals(name)) {
            return function(TlaText.bools(s.sawEmpty));
        }
        return null;
    }

    /** A function over Tasks, keyed by the tasks' model values. */
    private String function(List<String> values) {
        return TlaText.functionOver(p.taskNames(), values);
    }
}
