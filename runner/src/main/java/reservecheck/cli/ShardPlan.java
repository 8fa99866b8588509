package reservecheck.cli;

import reservecheck.catalog.Variant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code check --shard K/N}: which of the run's jobs (variant, checker) shard K of N runs, so
 * that N CI jobs together run every job exactly once and take about the same time.
 *
 * <p>A job's cost is estimated from the distinct-state count the catalog records for it: a
 * checker's start-up plus its time per state.  The catalog is the one place the suite records
 * what a job explores: its counts are committed, checked on every run (a stale count is a
 * mismatch) and the same on every machine, where a file of measured seconds would go stale with
 * every new entry and vary with the runner.  A job without a count of its own (conformance)
 * takes the variant's TLC or explorer count; a bug entry has none, since its search stops at the
 * counterexample, and costs its checker's start-up.  The two figures per checker
 * ({@link #costMillis}) are fitted to a full {@code check} on 2 cores: TLC takes 2.3 s to start
 * (a JVM, the parse) and 33 s for mempool_2001's 36616 states; conformance 2.2 s and 20 s; the
 * in-process explorer nothing and 1.3 s.
 *
 * <p>The split is greedy longest-first: jobs in decreasing cost (ties by variant, then
 * checker), each to the shard with the least cost so far (ties to the lowest shard).  It depends
 * only on the selected jobs and the catalog, so every shard computes the same split.
 */
final class ShardPlan {

    private static final Pattern FORM = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

    private final int index;
    private final int count;

    private ShardPlan(int index, int count) {
        this.index = index;
        this.count = count;
    }

    /** "K/N" with 1 ≤ K ≤ N; null when the option is absent (one shard: everything). */
    static ShardPlan parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new CliException(ExitCodes.USAGE, "--shard takes K/N (shard K of N, e.g. 2/3), not " + text);
        }
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || k < 1 || k > n) {
            throw new CliException(ExitCodes.USAGE, "--shard " + text + ": K must be between 1 and N");
        }
        return new ShardPlan(k, n);
    }

    /** A job of the run before the split: a variant and one of its checkers. */
    record Job(Variant variant, String checker) {
        String key() {
            return variant.name() + "\u0000" + checker;
        }
    }

    /** The estimated milliseconds of a job, as described above. */
    static long costMillis(Variant v, String checker) {
        long states = v.expectedDistinctStates(checker).orElse(-1);
        if (states < 0) {
            states = Math.max(v.expectedDistinctStates(CheckCommand.CHECKER).orElse(0),
                    v.expectedDistinctStates(CheckCommand.EXPLORER).orElse(0));
        }
        return switch (checker) {
            case CheckCommand.EXPLORER -> 5 + states * 35 / 1000;
            case CheckCommand.CONFORMANCE -> 2200 + states / 2;
            default -> 2300 + states * 83 / 100;
        };
    }

    /** The shard (0-based) of every job, in the order given. */
    int[] assign(List<Job> jobs) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            order.add(i);
        }
        Comparator<Integer> byCost = Comparator.comparingLong(i -> -costMillis(jobs.get(i).variant(), jobs.get(i).checker()));
        order.sort(byCost.thenComparing(i -> jobs.get(i).variant().name()).thenComparing(i -> jobs.get(i).checker()));
        long[] load = new long[count];
        int[] shard = new int[jobs.size()];
        for (int i : order) {
            int best = 0;
            for (int s = 1; s < count; s++) {
                if (load[s] < load[best]) {
                    best = s;
                }
            }
            shard[i] = best;
            load[best] += costMillis(jobs.get(i).variant(), jobs.get(i).checker());
        }
        return shard;
    }

    /**
     * Which (variant, checker) jobs of the run the shard {@code text} ("K/N", or null for the
     * whole run) runs; the run's jobs are the checkers with an expected verdict for a variant.
     */
    static BiPredicate<Variant, String> selector(String text, List<Variant> variants, List<String> checkers) {
        ShardPlan plan = parse(text);
        if (plan == null) {
            return (v, c) -> true;
        }
        List<Job> jobs = new ArrayList<>();
        for (Variant v : variants) {
            for (String c : checkers) {
                if (v.expectedVerdict(c).isPresent()) {
                    jobs.add(new Job(v, c));
                }
            }
        }
        int[] shard = plan.assign(jobs);
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (shard[i] == plan.index - 1) {
                mine.add(jobs.get(i).key());
            }
        }
        return (v, c) -> mine.contains(new Job(v, c).key());
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
