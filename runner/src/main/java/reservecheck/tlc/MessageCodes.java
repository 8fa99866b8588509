package reservecheck.tlc;

import java.util.Set;

/**
 * The message codes (TLC 2.18, tlc2.output.EC) by which {@link ToolVerdict} tells the kinds of
 * error apart: parse (3002 and SANY's), assumption (2104), out of memory (1001-1003), a bad
 * command line (1101, 1102; ToolVerdict adds 3100-3199), cfg and evaluation errors.
 */
final class MessageCodes {
    static final Set<Integer> PARSE_CODES = Set.of(3002, 4000, 4001, 4002, 2171, 2245, 2119);
    static final Set<Integer> ASSUMPTION_CODES = Set.of(2104);
    static final Set<Integer> OOM_CODES = Set.of(1001, 1002, 1003);
    static final Set<Integer> CMDLINE_CODES = Set.of(1101, 1102);

    static boolean isConfigCode(int code) {
        // 2146: an INVARIANT that is not a state predicate, a wrong name in the cfg like the others
        return (code >= 2222 && code <= 2243) || code == 2146 || code == 2280 || code == 2281
                || (code >= 5001 && code <= 5006);
    }

    static boolean isEvaluationCode(int code) {
        return code == 2105 || code == 2106 || code == 2109 || code == 2111 || code == 2113 || code == 2118
                || code == 2120 || (code >= 2141 && code <= 2145) || code == 2147 || (code >= 2164 && code <= 2165)
                || (code >= 2169 && code <= 2170) || (code >= 2176 && code <= 2184) || code == 2246
                || code == 2247 || code == 2248 || (code >= 2250 && code <= 2253) || code == 2260
                || code == 2261 || code == 2265 || code == 2266 || code == 2283;
    }

    private MessageCodes() {
    }
}
