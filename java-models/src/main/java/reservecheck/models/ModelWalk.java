package reservecheck.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Oracle;
import reservecheck.models.lts.Transition;

/**
 * A walk through a catalog variant's model that chooses each step with
 * {@code java.util.Random.nextInt}.  On a plain JVM it is one random walk; under Java
 * PathFinder with {@code cg.enumerate_random=true} every nextInt is a choice point, so JPF
 * explores every walk, that is the model's whole reachable graph (JPF matches the repeated
 * states, so the cycles of timed waits end).  After every step the {@link Oracle} judges the
 * state; a finding is thrown as an AssertionError whose message is the verdict
 * ("invariant:Conservation", "deadlock", "liveness:AllocReturns"), which JPF reports as an
 * uncaught exception.
 *
 * <p>Arguments, all {@code key=value}: {@code protocol=mempool}, {@code invariants=A+B} (JPF splits target.args at commas and semicolons),
 * {@code properties=P+Q}, {@code deadlock=true|false}, {@code maxSteps=N} (0 = unbounded: under
 * JPF, where a counter would defeat state matching), and one {@code param.NAME=T:VALUE} per
 * model parameter with T = i (int), b (boolean) or s (string).
 */
public final class ModelWalk {
    private ModelWalk() {
    }

    public static void main(String[] args) {
        Map<String, String> opts = new HashMap<String, String>();
        Map<String, Object> params = new HashMap<String, Object>();
        for (int i = 0; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not key=value: " + args[i]);
            }
            String key = args[i].substring(0, eq);
            String value = args[i].substring(eq + 1);
            if (key.startsWith("param.")) {
                params.put(key.substring(6), typed(value));
            } else {
                opts.put(key, value);
            }
        }
        Model<Object> model = model(opts.get("protocol"), params);
        int maxSteps = Integer.parseInt(orDefault(opts.get("maxSteps"), "0"));
        String found = walk(model, list(opts.get("invariants")), list(opts.get("properties")),
                "true".equals(orDefault(opts.get("deadlock"), "true")), maxSteps, new Random());
        if (found != null) {
            throw new AssertionError(found);
        }
        System.out.println("walk ended without a finding");
    }

    @SuppressWarnings("unchecked")
    private static Model<Object> model(String protocol, Map<String, Object> params) {
        return (Model<Object>) Models.create(protocol, params);
    }

    /**
     * One walk: the verdict it ran into, or null when it reached a state where only
     * self-loops remain (every task done) or, with maxSteps > 0, after that many steps.
     */
    public static <S> String walk(Model<S> model, List<String> invariants, List<String> properties,
                                  boolean deadlock, int maxSteps, Random random) {
        S s = model.initialStates().get(0);
        for (int step = 0; maxSteps == 0 || step < maxSteps; step = maxSteps == 0 ? 0 : step + 1) {
            String f = Oracle.finding(model, s, invariants, properties, deadlock);
            if (f != null) {
                return f;
            }
            List<Transition<S>> moves = new ArrayList<Transition<S>>();
            List<Transition<S>> next = model.successors(s);
            for (int i = 0; i < next.size(); i++) {
                if (!next.get(i).target().equals(s)) {
                    moves.add(next.get(i));
                }
            }
            if (moves.isEmpty()) {
                return null;
            }
            s = moves.get(random.nextInt(moves.size())).target();
        }
        return null;
    }

    private static Object typed(String v) {
        if (v.startsWith("i:")) {
            return Integer.valueOf(v.substring(2));
        }
        if (v.startsWith("b:")) {
            return Boolean.valueOf(v.substring(2));
        }
        if (v.startsWith("s:")) {
            return v.substring(2);
        }
        throw new IllegalArgumentException("parameter value without type prefix i:, b: or s: " + v);
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<String>();
        if (csv == null || csv.isEmpty()) {
            return out;
        }
        String[] parts = csv.split("\\+");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                out.add(parts[i]);
            }
        }
        return out;
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }
}
