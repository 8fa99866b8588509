package reservecheck.models.lts;

import java.util.List;

/** A spec's VARIABLES of a state as canonical TLA+ text (see {@link TlaText}). */
public interface VariableText<S> {
    /** The spec's variable names, in the spec's order. */
    List<String> names();

    /** The variable's value in s; a name the spec does not have throws IllegalArgumentException. */
    String variable(S s, String name);
}
