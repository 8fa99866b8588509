package reservecheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;

import org.junit.jupiter.params.provider.MethodSource;

import reservecheck.models.lts.Model;
import reservecheck.models.lts.Transition;

/**
 * The parts of the Model interface every checker relies on, for every protocol the catalog
 * has: the protocol's name, the spec's variables, the names the catalog checks, the errors for
 * unknown names, fairness groups and symmetry.  What only one protocol's spec says is in that
 * protocol's own interface test.
 */
class ModelInterfaceTest {

    static Stream<String> protocols() {
        return TestCatalog.protocols().stream();
    }

    private static Model<?> firstDesign(String protocol) {
        TestCatalog catalog = TestCatalog.of(protocol);
        return Models.create(protocol, catalog.parameters(catalog.designNames().get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void registeredUnderTheCatalogsProtocolName(String protocol) {
        assertTrue(Models.protocols().contains(protocol));
        assertEquals(protocol, firstDesign(protocol).protocol());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void variablesAreTheSpecsInTheSpecsOrder(String protocol) throws IOException {
        Path spec = TestCatalog.of(protocol).specFile();
        assertEquals(specVariables(spec), firstDesign(protocol).variableNames(), spec.toString());
        variablesPrint(firstDesign(protocol));
    }

    private static <S> void variablesPrint(Model<S> model) {
        S init = model.initialStates().get(0);
        for (String v : model.variableNames()) {
            assertTrue(!model.variable(init, v).isEmpty(), v);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.variable(init, "no_such_variable"));
        assertTrue(e.getMessage().endsWith(": no_such_variable"), e.getMessage());
    }

    /** The names of the spec's VARIABLES block, comments left out (on the keyword's line or the next). */
    private static List<String> specVariables(Path spec) throws IOException {
        List<String> names = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(spec)) {
            String t = line.replaceAll("\\\\\\*.*$", "").trim();
            if (!in) {
                // the block may start on the keyword's own line (VARIABLES free, clean, ...)
                String keyword = t.startsWith("VARIABLES") ? "VARIABLES" : t.startsWith("VARIABLE") ? "VARIABLE" : null;
                in = keyword != null && (t.length() == keyword.length() || t.charAt(keyword.length()) == ' ');
                if (!in) {
                    continue;
                }
                t = t.substring(keyword.length()).trim();
            }
            for (String n : t.split(",")) {
                if (!n.isBlank()) {
                    names.add(n.trim());
                }
            }
            if (!names.isEmpty() && !t.isEmpty() && !t.endsWith(",")) {
                break;
            }
        }
        return names;
    }

    /** Unknown names are errors that name the spec, as the CLI shows them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void unknownInvariantsAndPropertiesAreRejected(String protocol) {
        unknownNames(firstDesign(protocol), TestCatalog.of(protocol).specFile().getFileName().toString());
    }

    private static <S> void unknownNames(Model<S> model, String spec) {
        S init = model.initialStates().get(0);
        IllegalArgumentException inv = assertThrows(IllegalArgumentException.class,
                () -> model.invariant("Safe", init));
        assertEquals("not an invariant of " + spec + ": Safe", inv.getMessage());
        IllegalArgumentException prop = assertThrows(IllegalArgumentException.class, () -> model.property("Returns"));
        assertEquals("not a property of " + spec + ": Returns", prop.getMessage());
    }

    /** Every invariant and property a catalog entry checks is one the model defines. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void theCatalogsChecksAreTheModels(String protocol) {
        TestCatalog catalog = TestCatalog.of(protocol);
        Model<?> model = firstDesign(protocol);
        for (String v : catalog.variantNames()) {
            assertTrue(model.invariantNames().containsAll(catalog.invariants(v)), v + ": " + catalog.invariants(v));
            assertTrue(model.propertyNames().containsAll(catalog.properties(v)), v + ": " + catalog.properties(v));
        }
        for (String p : model.propertyNames()) {
            assertTrue(!model.property(p).tasks().isEmpty(), p);
        }
    }

    /**
     * Over a design's whole graph: every fair step's group is one of fairnessGroups(), a step
     * that starts new work is never fair, and Terminated is a self-loop of no task.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("reservecheck.models.TestCatalog#designs")
    void stepsBelongToTheDeclaredFairnessGroups(String protocol, String design) {
        fairness(Models.create(protocol, TestCatalog.of(protocol).parameters(design)));
    }

    private static <S> void fairness(Model<S> model) {
        Set<String> groups = new HashSet<>(model.fairnessGroups());
        assertEquals(groups.size(), model.fairnessGroups().size(), "groups are distinct");
        Set<String> used = new HashSet<>();
        for (S s : new Bfs<>(model, List.of()).seen) {
            for (Transition<S> t : model.successors(s)) {
                String g = model.fairnessGroup(t);
                if (g != null) {
                    assertTrue(groups.contains(g), t + " in " + g);
                    used.add(g);
                }
                if (model.startsRequest(t)) {
                    assertNull(g, t + " starts work and is not fair");
                }
                if (t.label().equals("Terminated")) {
                    assertNull(t.task());
                    assertSame(s, t.target());
                }
            }
        }
        assertTrue(!used.isEmpty(), "some step is fair");
    }

    /**
     * canonical picks one state of each symmetry class: a reachable state, its own
     * representative, with the same invariants as every state it stands for.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("reservecheck.models.TestCatalog#designs")
    void canonicalIsARepresentativeOfTheSameInvariants(String protocol, String design) {
        symmetry(Models.create(protocol, TestCatalog.of(protocol).parameters(design)));
    }

    private static <S> void symmetry(Model<S> model) {
        Set<S> seen = new Bfs<>(model, List.of()).seen;
        Set<S> classes = new HashSet<>();
        for (S s : seen) {
            S c = model.canonical(s);
            classes.add(c);
            assertTrue(seen.contains(c), "the representative of a reachable state is reachable");
            assertEquals(c, model.canonical(c));
            for (String inv : model.invariantNames()) {
                assertEquals(model.invariant(inv, s), model.invariant(inv, c), inv);
            }
        }
        assertTrue(!classes.isEmpty() && classes.size() <= seen.size(), classes.size() + " classes of " + seen.size());
    }
}
