package reservecheck.impl.alloc_policy;

import java.util.ArrayList;
import java.util.List;

import reservecheck.impl.common.StateLog;
import reservecheck.models.alloc_policy.AllocPolicyModel;
import reservecheck.models.alloc_policy.AllocPolicyParams;
import reservecheck.models.alloc_policy.AllocPolicyState;
import reservecheck.models.lts.Model;

/**
 * What the implementation did: the spec variables' values when it was built, then per step its
 * action, its task and the state after it, in the order the steps held the monitor.  Decoded
 * after a run from the ints the steps recorded ({@link AllocKernel#snapshot}); the values are
 * the model's own text of the decoded states, so the replay compares the implementation's
 * variables with the model's, variable by variable.
 */
public final class EventLog extends StateLog<AllocPolicyState> {
    private EventLog(Model<AllocPolicyState> model, List<AllocPolicyState> states, List<String> labels,
                     List<String> tasks) {
        super(model, states, labels, tasks);
    }

    /** Decodes a record: the initial snapshot, then per step label code, task, snapshot. */
    public static EventLog decode(AllocPolicyParams p, int[] rec) {
        List<AllocPolicyState> states = new ArrayList<AllocPolicyState>();
        List<String> labels = new ArrayList<String>();
        List<String> tasks = new ArrayList<String>();
        states.add(read(rec, 0));
        for (int at = AllocKernel.SNAPSHOT; at < rec.length; at += 2 + AllocKernel.SNAPSHOT) {
            labels.add(AllocKernel.LABELS[rec[at]]);
            int task = rec[at + 1];
            tasks.add(task == AllocKernel.NO_TASK ? null : Integer.toString(task));
            states.add(read(rec, at + 2));
        }
        return new EventLog(new AllocPolicyModel(p), states, labels, tasks);
    }

    private static AllocPolicyState read(int[] r, int i) {
        return AllocPolicyState.of(r[i], r[i + 1], r[i + 2], r[i + 3], AllocKernel.PCS[r[i + 4]],
                AllocKernel.PCS[r[i + 5]], r[i + 6], AllocKernel.VICTIMS[r[i + 7]], r[i + 8] == 1, r[i + 9] == 1,
                r[i + 10] == 1);
    }
}
