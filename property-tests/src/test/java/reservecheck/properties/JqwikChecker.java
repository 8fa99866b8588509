package reservecheck.properties;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;

/**
 * Runs the jqwik property {@link ChainCheck} for one catalog variant through the JUnit
 * Platform launcher and reads what it found: "ok" when every try passed, otherwise the
 * verdict and the shrunk chain of the failure.
 */
final class JqwikChecker {
    /** Steps per chain: enough to reach every variant's bugs at the catalog's bounds. */
    static final int MAX_STEPS = 60;

    record Outcome(String verdict, List<String> steps, String message, double seconds) {
    }

    private JqwikChecker() {
    }

    /** The first finding along a chain of steps, as the regression tests replay it. */
    static Optional<String> replay(Model<Object> model, Variant v, List<String> steps) {
        Walk<Object> walk = new Walk<>(model);
        for (String step : steps) {
            Optional<String> f = Findings.of(model, walk.state, v.checks().invariants(),
                    v.checks().properties(), v.checks().deadlock());
            if (f.isPresent() || !walk.take(step)) {
                return f;
            }
        }
        return Findings.of(model, walk.state, v.checks().invariants(), v.checks().properties(),
                v.checks().deadlock());
    }

    @SuppressWarnings("unchecked")
    static synchronized Outcome run(Variant v) {
        Model<Object> model = (Model<Object>) Models.create(v.protocol(), Map.copyOf(v.parameters()));
        ChainCheck.target = new ChainCheck.Target(model, v.checks().invariants(), v.checks().properties(),
                v.checks().deadlock(), MAX_STEPS);
        List<Throwable> failures = new ArrayList<>();
        int[] finished = {0};
        long t0 = System.nanoTime();
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectMethod(ChainCheck.class, "everyStepKeepsTheProtocolsProperties",
                            "net.jqwik.api.state.ActionChain"))
                    .configurationParameter("jqwik.database", "target/jqwik-database-" + v.name())
                    .build();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (id.isTest()) {
                        finished[0]++;
                        result.getThrowable().ifPresent(failures::add);
                    }
                }
            });
        } finally {
            ChainCheck.target = null;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (finished[0] != 1) {
            return new Outcome("error:not-run", List.of(), "the jqwik property did not run", seconds);
        }
        if (failures.isEmpty()) {
            return new Outcome("ok", List.of(), "1000 chains, no finding", seconds);
        }
        Throwable f = failures.get(0);
        for (Throwable c = f; c != null; c = c.getCause()) {
            if (c instanceof ChainCheck.Violation viol) {
                // Shrinking keeps any failing chain, whatever it fails with: the verdict is
                // what the kept (shrunk) chain shows when it is replayed.
                String verdict = replay(model, v, viol.steps).orElse(viol.verdict);
                return new Outcome(verdict, viol.steps, verdict + " after " + viol.steps, seconds);
            }
        }
        return new Outcome("error:crash", List.of(), String.valueOf(f), seconds);
    }
}
