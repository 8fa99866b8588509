package reservecheck.catalog;

import java.util.List;

/**
 * A declared protocol parameter: a CONSTANT of the spec with the same name.
 * Values are held as {@link Integer} (int, tasks), {@link Boolean} (bool) or {@link String} (enum).
 *
 * @param name   the parameter (and TLA+ constant) name
 * @param type   how values are parsed and written to the cfg
 * @param min    lower bound for int and tasks, else null
 * @param max    upper bound for int and tasks, else null
 * @param values the allowed strings for enum, else an empty list
 * @param prefix the model-value prefix for tasks (procs=3 with prefix p: {p1, p2, p3}), else null
 * @param doc    a line for people, may be null
 * @param affects the spec's actions through which the parameter's path shows (a declared action
 *                each, checked at load): when none of them is taken at the chosen bounds,
 *                {@code check --set} of the parameter warns that it may change nothing the checks
 *                see; empty when the catalog names none
 * @param policyAxis a rule of the policy ({@code policy_axis: true}, bool and enum only): {@code
 *               reservecheck policies} checks every combination of a protocol's axes
 */
public record ParameterDecl(String name, ParamType type, Integer min, Integer max, List<String> values,
                            String prefix, String doc, List<String> affects, boolean policyAxis) {

    public ParameterDecl {
        values = values == null ? List.of() : List.copyOf(values);
        affects = affects == null ? List.of() : List.copyOf(affects);
    }

    /** A declaration that names no actions it affects and is not a policy axis. */
    public ParameterDecl(String name, ParamType type, Integer min, Integer max, List<String> values,
                         String prefix, String doc) {
        this(name, type, min, max, values, prefix, doc, List.of(), false);
    }

    /** The range for people: {@code 0..6}, {@code true|false}, {@code "2001"|"modern"}. */
    public String range() {
        return switch (type) {
            case INT, TASKS -> (min == null ? "" : min) + ".." + (max == null ? "" : max);
            case BOOL -> "true|false";
            case ENUM -> String.join("|", values);
        };
    }

    /** The values a policy axis takes, in order: false then true, or the enum's values. */
    public List<Object> axisValues() {
        return switch (type) {
            case BOOL -> List.of(Boolean.FALSE, Boolean.TRUE);
            case ENUM -> List.copyOf(values);
            default -> throw new IllegalStateException(name + " is a " + type + ", not a policy axis");
        };
    }

    /**
     * Why {@code value} is not a value of this parameter, phrased to follow "VALUE is", or null when
     * it is one.
     */
    public String problem(Object value) {
        switch (type) {
            case INT, TASKS -> {
                if (!(value instanceof Integer i)) {
                    return type == ParamType.INT
                            ? "not an integer (" + name + " is an int)"
                            : "not a whole number of tasks (" + name + " is a count of tasks)";
                }
                if (min != null && i < min) {
                    return "below the minimum " + min + " of " + name;
                }
                if (max != null && i > max) {
                    return "above the maximum " + max + " of " + name;
                }
                return null;
            }
            case BOOL -> {
                return value instanceof Boolean ? null : "not true or false (" + name + " is a bool)";
            }
            case ENUM -> {
                return value instanceof String s && values.contains(s)
                        ? null
                        : "not one of " + String.join(", ", values) + " (the values of " + name + ")";
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }

    /**
     * Parses the text of a command-line value. Returns the typed value; a text that is not of the
     * type comes back as the text itself, so {@link #problem(Object)} reports it.
     */
    public Object parse(String text) {
        String t = text.trim();
        switch (type) {
            case INT, TASKS -> {
                try {
                    return Integer.valueOf(t);
                } catch (NumberFormatException e) {
                    return t;
                }
            }
            case BOOL -> {
                if (t.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (t.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                return t;
            }
            case ENUM -> {
                // "design=\"2001\"" and "design=2001" both mean the string 2001
                if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                    return t.substring(1, t.length() - 1);
                }
                return t;
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }
}
