package reservecheck.properties;

import java.util.List;
import java.util.Optional;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Oracle;

/** The model's {@link Oracle} in the form the jqwik property uses. */
final class Findings {
    private Findings() {
    }

    static <S> Optional<String> of(Model<S> model, S state, List<String> invariants,
                                   List<String> properties, boolean deadlock) {
        return Optional.ofNullable(Oracle.finding(model, state, invariants, properties, deadlock));
    }
}
