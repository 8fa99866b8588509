package reservecheck.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reservecheck.catalog.BadParameterException;
import reservecheck.catalog.ParameterDecl;
import reservecheck.catalog.ParamType;
import reservecheck.catalog.Variant;
import reservecheck.explorer.Explorer;
import reservecheck.explorer.ExplorerOptions;
import reservecheck.explorer.ExplorerResult;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;

/**
 * Whether a {@code check --set} of a parameter can matter at the chosen bounds.  A parameter's
 * catalog declaration names the actions its path goes through ({@code affects}); if the
 * explorer's reachable graph at the chosen bounds takes none of them, whatever value the parameter
 * has (both values of a bool, every value of an enum), the branch it decides is never reached and
 * the run checks the entry as if nothing were set: {@code --set first_round_full_mask=false} at
 * mempool_modern's own bounds, where no task ever finds the pool empty, passes without putting
 * the 2012 bug back.  The answer is measured (the explorer's edge counts per action), never a
 * list of known cases.
 */
final class OverrideCoverage {

    private OverrideCoverage() {
    }

    /**
     * One line per overridden parameter of {@code v} whose affected actions are never taken at
     * v's bounds; empty when every such parameter's path is reached or none names its actions.
     */
    static List<String> warnings(Variant v, long timeoutSeconds) {
        List<String> out = new ArrayList<>();
        if (!Models.protocols().contains(v.protocol())) {
            return out;
        }
        for (String name : v.overrides().keySet()) {
            ParameterDecl d = v.declarations().get(name);
            if (d == null || d.affects().isEmpty()) {
                continue;
            }
            String w = warning(v, d, timeoutSeconds);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    /** The warning for one parameter, or null when some value of it takes an affected action. */
    private static String warning(Variant v, ParameterDecl d, long timeoutSeconds) {
        List<String> values = new ArrayList<>();
        if (d.type() == ParamType.BOOL) {
            values.add("true");
            values.add("false");
        } else if (d.type() == ParamType.ENUM) {
            values.addAll(d.values());
        } else {
            values.add(v.overrides().get(d.name()));
        }
        List<String> measured = new ArrayList<>();
        for (String value : values) {
            Long states = statesWithoutAffected(v, d, value, timeoutSeconds);
            if (states == null) {
                return null;
            }
            if (states >= 0) {
                measured.add(d.name() + "=" + value + ": " + states + " states");
            }
        }
        if (measured.isEmpty()) {
            return null;
        }
        return "--set " + d.name() + "=" + v.overrides().get(d.name()) + " on " + v.name() + ": the explorer takes none of "
                + String.join(", ", d.affects()) + " (the actions " + d.name() + " affects) at these bounds ("
                + String.join("; ", measured) + "), so the override may change nothing the checks see";
    }

    /**
     * The distinct states of v's reachable graph with the parameter at {@code value} when that
     * graph takes none of the affected actions; null when it takes one (or the search did not
     * finish: no claim either way), -1 when the value is impossible at these bounds.
     */
    private static Long statesWithoutAffected(Variant v, ParameterDecl d, String value, long timeoutSeconds) {
        Model<?> model;
        try {
            Variant at = v.withOverrides(Map.of(d.name(), value));
            model = Models.create(at.protocol(), Map.copyOf(at.parameters()));
        } catch (BadParameterException | IllegalArgumentException e) {
            return -1L;
        }
        // the whole reachable graph: no check may stop the search before an action is taken
        ExplorerResult<?> r = Explorer.check(model, ExplorerOptions.defaults().withDeadlock(false)
                .withSymmetry(v.checks().useSymmetry()).withTimeLimit(Duration.ofSeconds(timeoutSeconds)));
        if (r.isInconclusive()) {
            return null;
        }
        for (String a : d.affects()) {
            if (r.coverage().getOrDefault(a, 0L) > 0) {
                return null;
            }
        }
        return r.distinctStates();
    }
}
