package reservecheck.properties;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/**
 * The jqwik stateful property over a catalog variant's model: random chains of enabled
 * actions, every finding of {@link Findings} checked after every step, failures shrunk.
 * It is launched per variant by {@link JqwikChecker} (which sets {@link #target}); the class
 * name keeps Surefire from running it on its own.
 */
public class ChainCheck {

    /** The variant under check: its model and what to look for. Set by JqwikChecker. */
    static volatile Target target;

    record Target(Model<Object> model, List<String> invariants, List<String> properties,
                  boolean deadlock, int maxSteps) {
    }

    /** Thrown with the finding in the verdict vocabulary and the (shrunk) steps that lead to it. */
    static final class Violation extends AssertionError {
        final String verdict;
        final List<String> steps;

        Violation(String verdict, List<String> steps) {
            super(verdict + " after " + steps);
            this.verdict = verdict;
            this.steps = List.copyOf(steps);
        }
    }

    // A fixed seed: the same chains on every run, so a verdict never flickers between runs.
    @Property(tries = 1000, seed = "20011214", shrinking = ShrinkingMode.FULL)
    void everyStepKeepsTheProtocolsProperties(@ForAll("chains") ActionChain<Walk<Object>> chain) {
        Target t = target;
        chain.withInvariant("findings", walk -> {
            Optional<String> found = Findings.of(t.model(), walk.state, t.invariants(), t.properties(), t.deadlock());
            if (found.isPresent()) {
                throw new Violation(found.get(), walk.steps);
            }
        }).run();
    }

    @Provide
    Arbitrary<ActionChain<Walk<Object>>> chains() {
        Target t = target;
        return ActionChain.<Walk<Object>>startWith(() -> new Walk<>(t.model()))
                .withAction(new Step())
                .withMaxTransformations(t.maxSteps());
    }

    /** One step: any action enabled in the current state, named by label and task. */
    static final class Step implements Action.Dependent<Walk<Object>> {
        @Override
        public boolean precondition(Walk<Object> walk) {
            return !walk.enabled().isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Walk<Object>>> transformer(Walk<Object> walk) {
            List<String> names = walk.enabled().stream().map(Transition::toString).distinct().toList();
            return Arbitraries.of(names).map(step -> Transformer.mutate(step, w -> w.take(step)));
        }
    }
}
