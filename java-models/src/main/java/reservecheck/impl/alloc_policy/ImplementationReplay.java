package reservecheck.impl.alloc_policy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import reservecheck.impl.common.Reproduction;
import reservecheck.models.alloc_policy.AllocPolicyParams;

/**
 * A trace's steps run on the implementation (reservecheck trace replay of a Lincheck or JPF
 * trace): the kernel's own step code on one thread, in the trace's order, the trace's
 * invariant (if it shows one) checked after every step.  Reproduces an invariant when it breaks
 * at the trace's last step, a deadlock when no action is enabled after the last step (and the
 * run is not done), a livelock when the way back leads to the loop's state again.
 */
public final class ImplementationReplay {
    private ImplementationReplay() {
    }

    /**
     * @param steps    {@code label(task)} or {@code label}, the trace's steps in order
     * @param loop     the state a lasso returns to, or -1
     * @param loopStep the lasso's way back, or null
     */
    public static Reproduction run(Map<String, Object> parameters, String violation, List<String> steps, int loop,
                                   String loopStep) {
        AllocPolicyParams p = new AllocPolicyParams(parameters);
        String[] checked = violation.startsWith("invariant:")
                ? new String[] {violation.substring("invariant:".length())} : new String[0];
        AllocKernel k = new AllocKernel(p, AllocPolicyChecks.codes(checked), false, false, 1);
        int n = steps.size();
        int total = n + (loopStep == null ? 0 : 1);
        int[] loopState = null;
        for (int i = 0; i < total; i++) {
            if (i == loop) {
                loopState = snapshot(k);
            }
            String step = i < n ? steps.get(i) : loopStep;
            try {
                k.replayStep(label(step), task(step));
            } catch (InvariantViolation e) {
                return Reproduction.invariantBroke(violation, e.verdict(), i, n);
            } catch (IllegalStateException e) {
                return new Reproduction(false, e.getMessage());
            }
        }
        if (loop == total && loopState == null) {
            loopState = snapshot(k);
        }
        if (violation.startsWith("invariant:")) {
            return new Reproduction(false, "every invariant holds after the trace's " + n + " steps");
        }
        if (violation.startsWith("liveness:")) {
            if (loopState == null) {
                return new Reproduction(false, "the trace has no loop");
            }
            boolean back = Arrays.equals(loopState, snapshot(k));
            return new Reproduction(back, back ? "after the way back (" + loopStep + ") it is in state " + loop
                    + " again, where the loop starts" : "the way back does not lead to state " + loop);
        }
        String enabled = k.enabledStep();
        if (enabled != null || (k.done(1) && k.done(2))) {
            return new Reproduction(false, "not a deadlock: " + (enabled != null ? enabled + " can still step"
                    : "every task has returned"));
        }
        return new Reproduction(true, "deadlock: no thread can step after the trace's " + n + " steps");
    }

    private static int[] snapshot(AllocKernel k) {
        synchronized (k) {
            int[] w = new int[AllocKernel.SNAPSHOT];
            k.snapshot(w, 0);
            return w;
        }
    }

    private static int label(String step) {
        int paren = step.indexOf('(');
        String name = paren < 0 ? step : step.substring(0, paren);
        for (int i = 0; i < AllocKernel.LABELS.length; i++) {
            if (AllocKernel.LABELS[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an action of AllocPolicy.tla: " + name);
    }

    private static int task(String step) {
        int paren = step.indexOf('(');
        if (paren < 0) {
            return AllocKernel.NO_TASK;
        }
        String t = step.substring(paren + 1, step.length() - 1);
        if (!"1".equals(t) && !"2".equals(t)) {
            throw new IllegalArgumentException("not a task of AllocPolicy.tla (1 or 2): " + t);
        }
        return Integer.parseInt(t);
    }
}
