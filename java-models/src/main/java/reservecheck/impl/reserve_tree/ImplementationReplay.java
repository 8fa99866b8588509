package reservecheck.impl.reserve_tree;

import java.util.List;
import java.util.Map;

import reservecheck.impl.common.Reproduction;
import reservecheck.models.reserve_tree.ReserveTreeParams;

/**
 * A trace's steps run on the reserve-tree implementation, in the trace's order and on one
 * thread (as {@link Schedule} does), with the catalog's invariants checked after every step:
 * does the implementation reach the trace's violation there?  {@code invariant:X} must break at
 * the trace's last step and not before; {@code deadlock} must leave every actor that is not
 * done unable to step (each would have to sleep); {@code liveness:P} must bring the
 * implementation back, by the loop's way back, into the state the trace loops to.  The
 * answer is one line.
 */
public final class ImplementationReplay {
    private ImplementationReplay() {
    }

    /**
     * @param parameters the trace's parameters, in the catalog's form
     * @param steps      {@code label(task)} or {@code label}, the trace's steps in order
     * @param loop       the state a lasso returns to, or -1
     * @param loopStep   the lasso's way back ({@code label(task)}), or null
     */
    public static Reproduction run(Map<String, Object> parameters, String violation, List<String> steps, int loop,
                             String loopStep) {
        ReserveTreeParams p = new ReserveTreeParams(parameters);
        Layout layout = new Layout(p);
        int[] schedule;
        try {
            schedule = schedule(p, steps, loopStep);
        } catch (IllegalArgumentException e) {
            return new Reproduction(false, e.getMessage());
        }
        int n = steps.size();
        int[] full = Checks.codes(Checks.NAMES);
        ReserveTree k = new ReserveTree(p, layout, full, true, false, 1);
        k.replaying = true;
        int[] loopState = null;
        for (int i = 0; i < schedule.length / 2; i++) {
            if (loop >= 0 && i == loop) {
                loopState = snapshot(k, layout);
            }
            try {
                Schedule.take(k, schedule[2 * i], schedule[2 * i + 1]);
            } catch (InvariantViolation e) {
                return Reproduction.invariantBroke(violation, e.verdict(), i, n);
            } catch (IllegalStateException | InterruptedException e) {
                return new Reproduction(false, "step " + (i + 1) + " " + (i < n ? steps.get(i) : loopStep)
                        + " cannot be taken there: " + e.getMessage());
            }
        }
        if (loop >= 0 && loop == n && loopState == null) {
            loopState = snapshot(k, layout);
        }
        if (violation.startsWith("invariant:")) {
            return new Reproduction(false, "every invariant holds after the trace's " + n + " steps");
        }
        if (violation.startsWith("liveness:")) {
            if (loopState == null) {
                return new Reproduction(false, "the trace has no loop");
            }
            boolean back = java.util.Arrays.equals(loopState, snapshot(k, layout));
            return new Reproduction(back, back ? "after the way back (" + loopStep + ") it is in state " + loop
                    + " again, where the loop starts" : "the way back does not lead to state " + loop);
        }
        String blocked = blockedEverywhere(k, p);
        return blocked == null ? new Reproduction(true, "deadlock: no actor can step after the trace's " + n + " steps")
                : new Reproduction(false, "not a deadlock: " + blocked + " can still step");
    }

    private static int[] snapshot(ReserveTree k, Layout layout) {
        int[] w = new int[layout.size()];
        k.snapshot(w, 0);
        return w;
    }

    /** Tries every actor's next step; a step that would sleep throws and changes nothing. */
    private static String blockedEverywhere(ReserveTree k, ReserveTreeParams p) {
        try {
            for (int f = 0; f < p.swapfileCount(); f++) {
                if (tries(k, SWAP, f)) {
                    return p.swapfileName(f);
                }
            }
            if (tries(k, SYSCTL, 0)) {
                return "the sysctl writer";
            }
            for (int u = 0; u < p.reserveUsers; u++) {
                if (tries(k, USER, u)) {
                    return p.userName(u);
                }
            }
            for (int d = 0; d < p.allocators; d++) {
                if (tries(k, ALLOC, d)) {
                    return p.allocatorName(d);
                }
            }
            if (!p.tree() && p.allocators > 0 && tries(k, KSWAPD, 0)) {
                return "kswapd";
            }
            for (int d = 0; p.sigkill && !p.tree() && d < p.allocators; d++) {
                int before = k.steps;
                try {
                    k.sigkill(d, 0);
                } catch (IllegalStateException e) {
                    // it would have to wait for its target to enter the allocator
                }
                if (k.steps != before) {
                    return "the SIGKILL sender of " + p.allocatorName(d);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "an interrupted probe";
        }
        return null;
    }

    private static final int SWAP = 0;
    private static final int SYSCTL = 1;
    private static final int USER = 2;
    private static final int ALLOC = 3;
    private static final int KSWAPD = 4;

    /** Whether the actor took a step (false: it is done, or it would have to sleep). */
    private static boolean tries(ReserveTree k, int kind, int i) throws InterruptedException {
        try {
            switch (kind) {
                case SWAP:
                    return k.swapStep(i, 0);
                case SYSCTL:
                    return k.sysctlStep(0);
                case USER:
                    return k.userStep(i, 0);
                case ALLOC:
                    return k.allocStep(i, 0);
                default:
                    return k.kswapdStep(0);
            }
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The steps (and the way back) as label and actor codes. */
    private static int[] schedule(ReserveTreeParams p, List<String> steps, String loopStep) {
        int n = steps.size() + (loopStep == null ? 0 : 1);
        int[] s = new int[2 * n];
        for (int i = 0; i < n; i++) {
            String step = i < steps.size() ? steps.get(i) : loopStep;
            int paren = step.indexOf('(');
            String label = paren < 0 ? step : step.substring(0, paren);
            String task = paren < 0 ? null : step.substring(paren + 1, step.length() - 1);
            s[2 * i] = labelCode(label, i + 1);
            s[2 * i + 1] = actorCode(p, task, i + 1, step);
        }
        return s;
    }

    private static int labelCode(String label, int step) {
        for (int c = 0; c < ReserveTree.LABELS.length; c++) {
            if (ReserveTree.LABELS[c].equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("step " + step + ": no action " + label + " in the implementation");
    }

    private static int actorCode(ReserveTreeParams p, String task, int step, String text) {
        if (task == null || task.isEmpty()) {
            return ReserveTree.NO_TASK;
        }
        for (int f = 0; f < p.swapfileCount(); f++) {
            if (p.swapfileName(f).equals(task)) {
                return ReserveTree.SWAPFILE << 8 | f;
            }
        }
        for (int u = 0; u < p.reserveUsers; u++) {
            if (p.userName(u).equals(task)) {
                return ReserveTree.USER << 8 | u;
            }
        }
        for (int d = 0; d < p.allocators; d++) {
            if (p.allocatorName(d).equals(task)) {
                return ReserveTree.ALLOCATOR << 8 | d;
            }
        }
        throw new IllegalArgumentException("step " + step + " " + text + ": no task " + task + " in these parameters");
    }
}
