package reservecheck.models.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reservecheck.models.lts.Names;

/**
 * Reads a spec's CONSTANTS from the catalog's parameter values (Integer for int and tasks
 * counts, Boolean for bool, String for enum), one typed value at a time.  The constructor
 * rejects a missing constant before an unknown key, and each read rejects a value of the
 * wrong type, so a model never runs on values TLC would not accept.  The messages are part of
 * the CLI's output: they name the protocol, the spec and the constant exactly as the catalog
 * does.
 */
public final class ParamReader {
    private final String[] constants;
    private final Map<String, Object> params;

    /**
     * @param protocol the catalog protocol, e.g. "mempool" (in "mempool parameter missing: ...")
     * @param spec the spec's file name, e.g. "Mempool.tla" (in "not a constant of Mempool.tla: ...")
     * @param constants every CONSTANT of the spec, in the spec's order
     */
    public ParamReader(String protocol, String spec, String[] constants, Map<String, Object> params) {
        if (params == null) {
            throw new IllegalArgumentException(protocol + " parameters missing");
        }
        for (String c : constants) {
            if (!params.containsKey(c) || params.get(c) == null) {
                throw new IllegalArgumentException(protocol + " parameter missing: " + c);
            }
        }
        for (String k : params.keySet()) {
            if (!Names.contains(constants, k)) {
                throw new IllegalArgumentException("not a constant of " + spec + ": " + k);
            }
        }
        this.constants = constants;
        this.params = params;
    }

    /** The spec's constant names, in the spec's order. */
    public static List<String> constantNames(String[] constants) {
        return Names.list(constants);
    }

    /** The values read, in the spec's order, as a map nobody can change. */
    public Map<String, Object> values() {
        Map<String, Object> copy = new LinkedHashMap<String, Object>();
        for (String c : constants) {
            copy.put(c, params.get(c));
        }
        return Collections.unmodifiableMap(copy);
    }

    public String string(String k) {
        Object v = params.get(k);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException(k + " must be a string, not " + v);
        }
        return (String) v;
    }

    /** A count or bound: any integral type the catalog's YAML reader gives, in 0..Integer.MAX_VALUE. */
    public int natural(String k) {
        Object v = params.get(k);
        if (!(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)) {
            throw new IllegalArgumentException(k + " must be an integer, not " + v);
        }
        long n = ((Number) v).longValue();
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(k + " must be a natural number, not " + n);
        }
        return (int) n;
    }

    public boolean bool(String k) {
        Object v = params.get(k);
        if (!(v instanceof Boolean)) {
            throw new IllegalArgumentException(k + " must be a boolean, not " + v);
        }
        return ((Boolean) v).booleanValue();
    }
}
