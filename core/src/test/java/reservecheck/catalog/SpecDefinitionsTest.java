package reservecheck.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecDefinitionsTest {

    @TempDir
    Path tmp;

    private static final String MODULE = String.join("\n",
            "---- MODULE Pool ----",
            "EXTENDS Naturals, Helpers",
            "VARIABLES n, held",
            "vars == <<n, held>>",
            "",
            "(* Everything a task does once it has asked: weakly fair. *)",
            "Progress(t, k) ==",
            "    \\/ /\\ n > 0     \\* take one",
            "       /\\ n' = n - 1",
            "    \\/ LET Give == n + k IN n' = Give",
            "",
            "Next == \\E t \\in 1..2 : Progress(t, 1)",
            "Fairness == \\A t \\in 1..2 : WF_vars(Progress(t, 1))",
            "Spec == Init /\\ [][Next]_vars /\\ Fairness",
            "Bulleted ==",
            "    /\\ Init /\\ [][Next]_vars",
            "    /\\ WF_vars(Next)",
            "    /\\ \\A t \\in 1..2 :",
            "          SF_vars(Progress(t, 2))",
            "Unfair == Init /\\ [][Next]_vars",
            "",
            "\\* Conservation: elements are in the pool",
            "\\* or in users' hands.",
            "Conservation ==",
            "    n + held",
            "      >= 3",
            "",
            "\\* describes Give, not Conservation",
            "Give == n + 1",
            "Last == n = 0",
            "====");

    private Path spec() throws IOException {
        Path f = tmp.resolve("Pool.tla");
        Files.writeString(f, MODULE);
        Files.writeString(tmp.resolve("Helpers.tla"), "---- MODULE Helpers ----\nSum(f) ==\n  0\n====\n");
        return f;
    }

    @Test
    void aDefinitionOverSeveralLinesIsItsHeaderAndBodyWithTheCommentAboveIt() throws IOException {
        SpecDefinitions.Definition d = SpecDefinitions.definition(spec(), "Conservation").orElseThrow();
        assertEquals("Conservation ==\n    n + held\n      >= 3", d.text(),
                "the blank line and the next definition's comment are not part of it");
        assertEquals(24, d.line());
        assertEquals("\\* Conservation: elements are in the pool\n\\* or in users' hands.", d.comment());
        assertEquals(tmp.resolve("Pool.tla").toAbsolutePath().normalize(), d.file());
    }

    @Test
    void aDefinitionWithParametersKeepsItsCommentsAndEndsAtTheNextDefinition() throws IOException {
        SpecDefinitions.Definition d = SpecDefinitions.definition(spec(), "Progress").orElseThrow();
        assertEquals(String.join("\n", "Progress(t, k) ==", "    \\/ /\\ n > 0     \\* take one",
                "       /\\ n' = n - 1", "    \\/ LET Give == n + k IN n' = Give"), d.text());
        assertEquals("(* Everything a task does once it has asked: weakly fair. *)", d.comment());
        assertEquals(7, d.line());
    }

    @Test
    void theTopLevelDefinitionWinsOverALetOfTheSameName() throws IOException {
        SpecDefinitions.Definition d = SpecDefinitions.definition(spec(), "Give").orElseThrow();
        assertEquals("Give == n + 1", d.text());
        assertEquals("\\* describes Give, not Conservation", d.comment());
        assertEquals("Last == n = 0", SpecDefinitions.definition(spec(), "Last").orElseThrow().text(),
                "the module's end closes the last definition");
    }

    @Test
    void aDefinitionOfAnExtendedModuleIsFoundThereAndAnUnknownNameIsNot() throws IOException {
        SpecDefinitions.Definition d = SpecDefinitions.definition(spec(), "Sum").orElseThrow();
        assertEquals("Sum(f) ==\n  0", d.text());
        assertEquals(tmp.resolve("Helpers.tla").toAbsolutePath().normalize(), d.file());
        assertTrue(SpecDefinitions.definition(spec(), "NoSuchInvariant").isEmpty());
        assertTrue(SpecDefinitions.definition(spec(), "Conserv").isEmpty(), "a prefix is not the name");
    }

    @Test
    void fairnessIsTheWeakAndStrongFairnessConjunctsOfTheFormula() throws IOException {
        assertEquals(List.of("\\A t \\in 1..2 : WF_vars(Progress(t, 1))"), SpecDefinitions.fairness(spec(), "Spec"),
                "through the Fairness operator Spec names");
        assertEquals(List.of("WF_vars(Next)", "\\A t \\in 1..2 : SF_vars(Progress(t, 2))"),
                SpecDefinitions.fairness(spec(), "Bulleted"), "a bulleted list, a quantifier over two lines");
        assertEquals(List.of(), SpecDefinitions.fairness(spec(), "Unfair"));
        assertEquals(List.of(), SpecDefinitions.fairness(spec(), "NoSpec"));
    }

    @Test
    void theMempoolSpecsConservationAndFairness() throws IOException {
        Path mempool = RepositoryRoot.locate().resolve("specs/mempool/Mempool.tla");
        SpecDefinitions.Definition d = SpecDefinitions.definition(mempool, "Conservation").orElseThrow();
        assertEquals("Conservation == curr_nr + SumOver(held, Tasks) + SumOver(plugged, Tasks) >= PoolCapacity", d.text());
        assertTrue(d.comment().startsWith("\\* Conservation: the pool's elements"), d.comment());
        assertEquals(List.of("\\A t \\in Tasks : WF_vars(TaskProgress(t))"), SpecDefinitions.fairness(mempool, "Spec"));
        assertEquals(7, SpecDefinitions.fairness(RepositoryRoot.locate().resolve("specs/net_rx/NetRx.tla"), "Spec")
                .size(), "NetRx's bulleted Spec: seven fairness conjuncts");
    }
}
