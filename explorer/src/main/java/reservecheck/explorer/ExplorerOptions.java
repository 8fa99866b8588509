package reservecheck.explorer;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import reservecheck.models.lts.Model;

/**
 * What to check and how far to search.
 *
 * @param invariants       invariant names, in the order they are evaluated (the first failing one
 *                         is reported, as TLC does with the cfg's INVARIANTS order)
 * @param properties       liveness property names, checked in this order after safety passed
 * @param checkDeadlock    report a reachable state without successors
 * @param symmetry         identify states by {@link Model#canonical}; refused with properties,
 *                         because symmetry reduction is unsound for liveness
 * @param stateLimit       stop with {@code inconclusive:state-limit} once more distinct states
 *                         than this are found; 0 means no limit
 * @param timeLimit        stop with {@code inconclusive:timeout} after this long; null means none
 * @param progress         called about every {@code progressInterval}; null means silent
 * @param progressInterval time between two progress calls
 * @param threads          threads that expand states (at least 1); the result is the same for
 *                         every number (see {@link Search}: batches expanded in parallel, merged
 *                         in queue order); more than 1 only speeds up the packed search
 */
public record ExplorerOptions(List<String> invariants, List<String> properties,
                              boolean checkDeadlock, boolean symmetry, long stateLimit,
                              Duration timeLimit, Consumer<Progress> progress,
                              Duration progressInterval, int threads) {

    public ExplorerOptions {
        invariants = invariants == null ? List.of() : List.copyOf(invariants);
        properties = properties == null ? List.of() : List.copyOf(properties);
        if (stateLimit < 0) {
            throw new IllegalArgumentException("stateLimit must be >= 0 (0: no limit)");
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("timeLimit must be positive (null: no limit)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (progressInterval == null) {
            progressInterval = Duration.ofSeconds(10);
        }
    }

    /** No invariants, no properties, deadlock checking on (TLC's default), no limits. */
    public static ExplorerOptions defaults() {
        return new ExplorerOptions(List.of(), List.of(), true, false, 0, null, null, null, 1);
    }

    /** Every invariant and property the model defines, deadlock on, no symmetry. */
    public static ExplorerOptions everything(Model<?> model) {
        return defaults().withInvariants(model.invariantNames()).withProperties(model.propertyNames());
    }

    public ExplorerOptions withInvariants(List<String> names) {
        return new ExplorerOptions(names, properties, checkDeadlock, symmetry, stateLimit, timeLimit,
                progress, progressInterval, threads);
    }

    public ExplorerOptions withInvariants(String... names) {
        return withInvariants(List.of(names));
    }

    public ExplorerOptions withProperties(List<String> names) {
        return new ExplorerOptions(invariants, names, checkDeadlock, symmetry, stateLimit, timeLimit,
                progress, progressInterval, threads);
    }

    public ExplorerOptions withProperties(String... names) {
        return withProperties(List.of(names));
    }

    public ExplorerOptions withDeadlock(boolean on) {
        return new ExplorerOptions(invariants, properties, on, symmetry, stateLimit, timeLimit,
                progress, progressInterval, threads);
    }

    public ExplorerOptions withSymmetry(boolean on) {
        return new ExplorerOptions(invariants, properties, checkDeadlock, on, stateLimit, timeLimit,
                progress, progressInterval, threads);
    }

    public ExplorerOptions withStateLimit(long limit) {
        return new ExplorerOptions(invariants, properties, checkDeadlock, symmetry, limit, timeLimit,
                progress, progressInterval, threads);
    }

    public ExplorerOptions withTimeLimit(Duration limit) {
        return new ExplorerOptions(invariants, properties, checkDeadlock, symmetry, stateLimit, limit,
                progress, progressInterval, threads);
    }

    public ExplorerOptions withProgress(Consumer<Progress> callback, Duration interval) {
        return new ExplorerOptions(invariants, properties, checkDeadlock, symmetry, stateLimit, timeLimit,
                callback, interval, threads);
    }

    public ExplorerOptions withThreads(int n) {
        return new ExplorerOptions(invariants, properties, checkDeadlock, symmetry, stateLimit, timeLimit,
                progress, progressInterval, n);
    }
}
