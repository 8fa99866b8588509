package reservecheck.tlc;

import reservecheck.tla.TlaValue;
import reservecheck.tla.TlaValueParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a TLC {@code .cfg} asks to check. TLC 2.18 reports a violated temporal property only as
 * "Temporal properties were violated", and a {@code []P} listed under PROPERTY as an invariant, so the
 * verdict needs the cfg to name the property.
 *
 * @param invariants the operators under INVARIANT / INVARIANTS, in cfg order
 * @param properties the operators under PROPERTY / PROPERTIES, in cfg order
 */
public record TlcConfig(List<String> invariants, List<String> properties) {

    /** Every section keyword the cfg grammar knows: a name list ends at the next of these. */
    private static final Set<String> KEYWORDS = Set.of(
            "CONSTANT", "CONSTANTS", "INIT", "NEXT", "SPECIFICATION", "INVARIANT", "INVARIANTS",
            "PROPERTY", "PROPERTIES", "CONSTRAINT", "CONSTRAINTS", "ACTION_CONSTRAINT",
            "ACTION_CONSTRAINTS", "SYMMETRY", "VIEW", "TYPE", "TYPE_CONSTRAINT", "CHECK_DEADLOCK",
            "ALIAS", "POSTCONDITION");

    private static final Pattern BLOCK_COMMENT = Pattern.compile("\\(\\*.*?\\*\\)", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("\\\\\\*[^\\n]*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+|\\S");

    public TlcConfig {
        invariants = List.copyOf(invariants);
        properties = List.copyOf(properties);
    }

    public static TlcConfig read(Path cfg) throws IOException {
        return parse(Files.readString(cfg, StandardCharsets.UTF_8));
    }

    /** Lenient: a cfg TLC would reject still yields whatever names it lists. */
    public static TlcConfig parse(String text) {
        String clean = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll(" ")).replaceAll(" ");
        List<String> invariants = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        List<String> target = null;
        Matcher m = WORD.matcher(clean);
        while (m.find()) {
            String w = m.group();
            if (KEYWORDS.contains(w)) {
                target = switch (w) {
                    case "INVARIANT", "INVARIANTS" -> invariants;
                    case "PROPERTY", "PROPERTIES" -> properties;
                    default -> null;
                };
            } else if (target != null && TlaValueParser.isIdentifier(w)) {
                target.add(w);
            }
        }
        return new TlcConfig(invariants, properties);
    }
}
