package reservecheck.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogLoaderTest {

    @TempDir
    Path tmp;

    private Path root() {
        return Fixtures.goodRoot(tmp);
    }

    private Path counter(Path root) {
        return root.resolve("catalog/counter.yaml");
    }

    /** Edits one line (checking it is the line meant) and returns the loader's message. */
    private String messageAfter(int line, String mustContain, String replacement) {
        Path root = root();
        Path f = counter(root);
        assertTrue(Fixtures.line(f, line).contains(mustContain),
                "fixture line " + line + " is no longer '" + mustContain + "': " + Fixtures.line(f, line));
        Fixtures.replaceLine(f, line, replacement);
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(root));
        assertOneLine(e.getMessage());
        return e.getMessage();
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n"), "not one line: " + message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void loadsTheFixtureCatalog() throws Exception {
        Catalog c = CatalogLoader.load(root());
        assertEquals(List.of("counter", "lock"), c.protocols().stream().map(Protocol::name).toList());
        Protocol p = c.protocol("counter").orElseThrow();
        assertEquals("counter (test fixture)", p.title());
        assertEquals("specs/counter/Counter.tla", p.spec());
        assertTrue(Files.isRegularFile(p.specFile()));
        assertEquals(Path.of("catalog/counter.yaml"), p.file());
        assertEquals(List.of("limit", "procs", "mode", "wrap"), List.copyOf(p.parameters().keySet()));
        assertEquals(ParamType.TASKS, p.parameters().get("procs").type());
        assertEquals("p", p.parameters().get("procs").prefix());
        assertEquals(Map.of("limit", 3, "procs", 2, "mode", "safe", "wrap", true), p.defaults());
        assertEquals(new Checks(List.of("TypeOK"), List.of(), true, "ProcSymmetry", null), p.checks());
        assertEquals(4, p.variants().size());
        assertEquals(5, c.variants().size());
    }

    @Test
    void resolvesVariantParametersChecksAndExpectations() throws Exception {
        Catalog c = CatalogLoader.load(root());
        Variant wrap = c.variant("counter_wrap").orElseThrow();
        assertEquals(Kind.DESIGN, wrap.kind());
        assertEquals("ok", wrap.expectedVerdict("tlc").orElseThrow());
        assertEquals(4, wrap.expectedDistinctStates("tlc").getAsLong());
        assertEquals(4, wrap.expectedDistinctStates("explorer").getAsLong());
        assertTrue(wrap.expectedVerdict("jpf").isEmpty());
        assertFalse(wrap.isOverridden());

        Variant overflow = c.variant("counter_overflow").orElseThrow();
        assertEquals(Kind.BUG, overflow.kind());
        assertEquals(Map.of("limit", 2, "procs", 2, "mode", "broken", "wrap", true), overflow.parameters());
        assertEquals("invariant:TypeOK", overflow.expectedVerdict("tlc").orElseThrow());
        assertTrue(overflow.expectedDistinctStates("tlc").isEmpty());

        Variant live = c.variant("counter_live").orElseThrow();
        assertEquals(new Checks(List.of("TypeOK"), List.of("ReachesLimit"), false, "ProcSymmetry", null),
                live.checks());
        assertFalse(live.checks().useSymmetry());
        assertEquals("fairness", live.notModelled());
        assertTrue(live.checksNote().startsWith("liveness"));

        assertEquals("counter", c.protocolOf(live).name());
        assertTrue(c.variant("no_such").isEmpty());
        // protocol checks left out of the file are TLC's defaults
        assertEquals(new Checks(List.of("Mutex"), List.of(), true, null, null),
                c.protocol("lock").orElseThrow().checks());
    }

    /** A Lincheck search of minutes runs in make lincheck-long: the job is read, with its note required. */
    @Test
    void aLincheckExpectationsLongJob() throws Exception {
        Path root = root();
        Path f = counter(root);
        assertTrue(Fixtures.line(f, 41).contains("tlc: {verdict: deadlock}"), Fixtures.line(f, 41));
        Fixtures.replaceLine(f, 41, "      tlc: {verdict: deadlock}\n      lincheck: {verdict: deadlock, job: long,"
                + " job_note: \"a search of minutes\"}");
        Variant stuck = CatalogLoader.load(root).variant("counter_stuck").orElseThrow();
        assertTrue(stuck.expectation("lincheck").orElseThrow().longJob());
        assertFalse(stuck.expectation("tlc").orElseThrow().longJob());
    }

    @Test
    void aJobNeedsItsNote() {
        String m = messageAfter(41, "tlc: {verdict: deadlock}",
                "      tlc: {verdict: deadlock}\n      lincheck: {verdict: deadlock, job: long}");
        assertTrue(m.contains("job_note"), m);
    }

    @Test
    void onlyALincheckExpectationHasAJob() {
        String m = messageAfter(41, "tlc: {verdict: deadlock}", "      tlc: {verdict: deadlock, job: long, job_note: \"x\"}");
        assertTrue(m.endsWith("expected.tlc.job: only a lincheck expectation has a job"), m);
    }

    @Test
    void anUnknownJob() {
        String m = messageAfter(41, "tlc: {verdict: deadlock}",
                "      tlc: {verdict: deadlock}\n      lincheck: {verdict: deadlock, job: slow, job_note: \"x\"}");
        assertTrue(m.contains("job"), m);
    }

    @Test
    void badKind() {
        assertEquals("catalog/counter.yaml:36: variants[1].kind: must be one of design, bug",
                messageAfter(36, "kind: bug", "    kind: bugg"));
    }

    @Test
    void missingRequiredKey() {
        assertEquals("catalog/counter.yaml:35: variants[1]: missing required key 'behaviour'",
                messageAfter(38, "behaviour:", null));
    }

    @Test
    void missingTopLevelKey() {
        assertEquals("catalog/counter.yaml:2: missing required key 'title'",
                messageAfter(3, "title:", null));
    }

    @Test
    void unknownKey() {
        assertEquals("catalog/counter.yaml:31: variants[0].colour: unknown key 'colour' (allowed: name, kind, "
                        + "provenance, behaviour, parameters, checks, checks_note, expected, not_modelled, uncovered, redundant)",
                messageAfter(30, "behaviour:", "    behaviour: \"counts\"\n    colour: red"));
    }

    /** A parameter affects only declared actions: check's coverage warning would count a misspelt one as never taken. */
    @Test
    void aParameterAffectingAnActionTheProtocolDoesNotDeclare() {
        String m = messageAfter(11, "wrap:", "  wrap:  {type: bool, doc: \"back to 0\", affects: [TypeOK]}");
        assertEquals("catalog/counter.yaml:11: parameters.wrap.affects: counter declares no action TypeOK"
                + " (the file has no actions list)", m);
    }

    @Test
    void aParameterAffectingAnActionTheSpecDoesNotDefine() {
        String m = messageAfter(11, "wrap:", "  wrap:  {type: bool, doc: \"back to 0\", affects: [Incr]}");
        assertTrue(m.startsWith("catalog/counter.yaml:11: parameters.wrap.affects[0]: parameter wrap affects action Incr,"
                + " but specs/counter/Counter.tla defines no Incr"), m);
    }

    /** An entry may leave out only actions its protocol declares: a misspelt one would excuse nothing. */
    @Test
    void anUncoveredActionTheProtocolDoesNotDeclare() {
        String m = messageAfter(30, "behaviour:",
                "    behaviour: \"counts\"\n    uncovered: {Incr: \"never at these bounds\"}");
        assertTrue(m.contains("variants[0].uncovered.Incr: counter declares no action Incr"), m);
    }

    @Test
    void unknownChecker() {
        assertEquals("catalog/counter.yaml:33: variants[0].expected.explore: unknown key 'explore' (allowed: tlc, "
                        + "explorer, jqwik, lincheck, jpf, jpf_model, conformance)",
                messageAfter(33, "explorer:", "      explore: {verdict: ok}"));
    }

    @Test
    void checkerBoundsNeedANote() {
        assertEquals("catalog/counter.yaml:33: variants[0].expected.explorer: parameters_note is required when parameters is present",
                messageAfter(33, "explorer:", "      explorer: {verdict: ok, parameters: {limit: 1}}"));
    }

    @Test
    void checkerBoundsNameDeclaredParameters() {
        assertEquals("catalog/counter.yaml:33: variants[0].expected.explorer.parameters.nope: counter has no "
                        + "parameter nope (declared: limit, procs, mode, wrap)",
                messageAfter(33, "explorer:", "      explorer: {verdict: ok, parameters: {nope: 1}, parameters_note: x}"));
    }

    @Test
    void unknownParameterInVariant() {
        assertEquals("catalog/counter.yaml:39: variants[1].parameters.wrapp: counter has no parameter wrapp "
                        + "(declared: limit, procs, mode, wrap)",
                messageAfter(39, "parameters:", "    parameters: {wrapp: false}"));
    }

    @Test
    void undeclaredDefault() {
        assertEquals("catalog/counter.yaml:18: defaults.extra: counter has no parameter extra "
                        + "(declared: limit, procs, mode, wrap)",
                messageAfter(17, "wrap: true", "  wrap: true\n  extra: 1"));
    }

    @Test
    void missingDefault() {
        assertEquals("catalog/counter.yaml:13: defaults: no value for parameter mode (every declared parameter "
                + "needs a default)", messageAfter(16, "mode:", null));
    }

    @Test
    void valueAboveMaximum() {
        assertEquals("catalog/counter.yaml:47: variants[2].parameters.limit: 9 is above the maximum 5 of limit",
                messageAfter(47, "limit: 2", "    parameters: {mode: \"broken\", limit: 9}"));
    }

    @Test
    void defaultBelowMinimum() {
        assertEquals("catalog/counter.yaml:14: defaults.limit: 0 is below the minimum 1 of limit",
                messageAfter(14, "limit: 3", "  limit: 0"));
    }

    @Test
    void valueOfWrongType() {
        assertEquals("catalog/counter.yaml:39: variants[1].parameters.wrap: \"no\" is not true or false "
                + "(wrap is a bool)", messageAfter(39, "wrap: false", "    parameters: {wrap: \"no\"}"));
    }

    @Test
    void enumValueNotDeclared() {
        assertEquals("catalog/counter.yaml:47: variants[2].parameters.mode: \"broke\" is not one of safe, broken, "
                        + "2001 (the values of mode)",
                messageAfter(47, "broken", "    parameters: {mode: \"broke\", limit: 2}"));
    }

    @Test
    void unquotedNumericEnumValueIsTheString() throws Exception {
        Path root = root();
        Fixtures.replaceLine(counter(root), 47, "    parameters: {mode: 2001}");
        Variant v = CatalogLoader.load(root).variant("counter_overflow").orElseThrow();
        assertEquals("2001", v.parameters().get("mode"));
    }

    @Test
    void minAboveMax() {
        assertEquals("catalog/counter.yaml:8: parameters.limit.min: min 6 is above max 5",
                messageAfter(8, "limit:", "  limit: {type: int, min: 6, max: 5}"));
    }

    @Test
    void parameterOfTypeIntWithValues() {
        assertEquals("catalog/counter.yaml:8: parameters.limit.values: unknown key 'values' (allowed: type, min, "
                        + "max, doc, affects)",
                messageAfter(8, "limit:", "  limit: {type: int, min: 1, max: 5, values: [\"a\"]}"));
    }

    @Test
    void unknownParameterType() {
        assertEquals("catalog/counter.yaml:11: parameters.wrap.type: must be one of int, bool, enum, tasks",
                messageAfter(11, "wrap:", "  wrap:  {type: boolean}"));
    }

    @Test
    void badVerdict() {
        assertEquals("catalog/counter.yaml:41: variants[1].expected.tlc.verdict: must be ok, deadlock, assert, "
                        + "invariant:<Name> or liveness:<Name> (found \"deadlocked\")",
                messageAfter(41, "deadlock", "      tlc: {verdict: deadlocked}"));
    }

    @Test
    void distinctStatesBelowOne() {
        assertEquals("catalog/counter.yaml:32: variants[0].expected.tlc.distinct_states: must be at least 1",
                messageAfter(32, "distinct_states", "      tlc: {verdict: ok, distinct_states: 0}"));
    }

    @Test
    void badVariantName() {
        assertEquals("catalog/counter.yaml:35: variants[1].name: must be lower-case letters, digits and _, "
                        + "starting with a letter (found \"Counter-Stuck\")",
                messageAfter(35, "counter_stuck", "  - name: Counter-Stuck"));
    }

    @Test
    void checksWithoutNote() {
        assertEquals("catalog/counter.yaml:55: variants[3]: checks_note is required when checks is present",
                messageAfter(56, "checks_note", null));
    }

    @Test
    void symmetryMustBeAnIdentifierOrNull() {
        assertEquals("catalog/counter.yaml:23: checks.symmetry: must be a TLA+ operator name, or null "
                + "(found \"Proc-Symmetry\")", messageAfter(23, "symmetry", "  symmetry: Proc-Symmetry"));
    }

    @Test
    void duplicateVariantNameInOneFile() {
        assertEquals("catalog/counter.yaml:43: variants[2].name: duplicate variant name counter_wrap "
                        + "(already defined at catalog/counter.yaml:27)",
                messageAfter(43, "counter_overflow", "  - name: counter_wrap"));
    }

    @Test
    void duplicateVariantNameAcrossFiles() {
        Path root = root();
        Path lock = root.resolve("catalog/lock.yaml");
        assertTrue(Fixtures.line(lock, 9).contains("lock_basic"));
        Fixtures.replaceLine(lock, 9, "  - name: counter_stuck");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(root));
        assertEquals("catalog/lock.yaml:9: variants[0].name: duplicate variant name counter_stuck "
                + "(already defined at catalog/counter.yaml:35)", e.getMessage());
    }

    @Test
    void expectedVerdictNamingAnInvariantTheSpecDoesNotDefine() {
        assertEquals("catalog/counter.yaml:49: variants[2].expected.tlc.verdict: variant counter_overflow expects "
                        + "invariant:NoSuchInvariant, but specs/counter/Counter.tla defines no NoSuchInvariant",
                messageAfter(49, "invariant:TypeOK", "      tlc: {verdict: \"invariant:NoSuchInvariant\"}"));
    }

    @Test
    void checkedInvariantTheSpecDoesNotDefine() {
        assertEquals("catalog/counter.yaml:20: checks.invariants[1]: the protocol checks invariant Typo, "
                        + "but specs/counter/Counter.tla defines no Typo",
                messageAfter(20, "invariants", "  invariants: [TypeOK, Typo]"));
    }

    @Test
    void variantPropertyTheSpecDoesNotDefineNorInAComment() {
        Path root = root();
        Path spec = root.resolve("specs/counter/Counter.tla");
        // a definition that is commented out is not one
        Fixtures.replaceLine(spec, 2, "(* ReachesLimt == <>TRUE *) \\* Reaches == TRUE");
        Fixtures.replaceLine(counter(root), 55, "    checks: {properties: [ReachesLimt], deadlock: false}");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(root));
        assertEquals("catalog/counter.yaml:55: variants[3].checks.properties[0]: variant counter_live checks "
                + "property ReachesLimt, but specs/counter/Counter.tla defines no ReachesLimt", e.getMessage());
    }

    @Test
    void protocolMustEqualFileName() {
        assertEquals("catalog/counter.yaml:2: protocol: 'counters' must equal the file name 'counter'",
                messageAfter(2, "protocol:", "protocol: counters"));
    }

    @Test
    void yamlSyntaxError() {
        assertEquals("catalog/counter.yaml:29: YAML syntax: mapping values are not allowed here",
                messageAfter(29, "provenance", "    provenance: fixture: here"));
    }

    @Test
    void duplicateYamlKey() {
        assertEquals("catalog/counter.yaml:30: duplicate key 'provenance'",
                messageAfter(30, "behaviour", "    provenance: \"again\""));
    }

    @Test
    void wrongTypeOfValue() {
        assertEquals("catalog/counter.yaml:20: checks.invariants: must be a list, not a string",
                messageAfter(20, "invariants", "  invariants: TypeOK"));
    }

    @Test
    void allProblemsAreKeptFirstOneIsTheMessage() {
        Path root = root();
        Fixtures.replaceLine(counter(root), 36, "    kind: bugg");
        Fixtures.replaceLine(counter(root), 28, "    kind: desing");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(root));
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().startsWith("catalog/counter.yaml:28: "), e.getMessage());
    }

    @Test
    void missingSpecIsItsOwnException() throws Exception {
        Path root = root();
        Files.delete(root.resolve("specs/counter/Counter.tla"));
        SpecMissingException e = assertThrows(SpecMissingException.class, () -> CatalogLoader.load(root));
        assertEquals("catalog/counter.yaml:5: spec: specs/counter/Counter.tla does not exist", e.getMessage());

        Catalog lenient = CatalogLoader.loadAllowingMissingSpecs(root);
        lenient.requireSpec(lenient.protocol("lock").orElseThrow());
        assertThrows(SpecMissingException.class, () -> lenient.requireSpec(lenient.protocol("counter").orElseThrow()));
    }

    @Test
    void missingSchemaOrCatalog() throws Exception {
        CatalogException noSchema = assertThrows(CatalogException.class, () -> CatalogLoader.load(tmp));
        assertTrue(noSchema.getMessage().startsWith("catalog/schema/catalog.schema.json: missing"));
        Path root = root();
        Files.delete(root.resolve("catalog/counter.yaml"));
        Files.delete(root.resolve("catalog/lock.yaml"));
        CatalogException none = assertThrows(CatalogException.class, () -> CatalogLoader.load(root));
        assertEquals("catalog/: no protocol files (catalog/*.yaml)", none.getMessage());
    }

    @Test
    void emptyFile() throws Exception {
        Path root = root();
        Files.writeString(counter(root), "# nothing yet\n");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(root));
        assertEquals("catalog/counter.yaml:1: empty file: expected a protocol (see docs/CATALOG.md)", e.getMessage());
    }

    @Test
    void prefixesThatCanClash() {
        assertEquals("catalog/counter.yaml:11: parameters.wrap.prefix: prefix p1 can give the same model value "
                        + "names as prefix p of procs",
                messageAfter(11, "wrap:", "  wrap:  {type: tasks, prefix: p1, min: 0, max: 1}"));
    }

    @Test
    void specificationExcludesInitAndNext() {
        assertEquals("catalog/counter.yaml:7: init: give either specification (which names its own init) or init "
                + "and next, not both", messageAfter(5, "spec:", "spec: specs/counter/Counter.tla\nspecification: "
                + "Spec\ninit: Init"));
    }

    @Test
    void realCatalogLoads() throws Exception {
        Path repo = Fixtures.repositoryRoot();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(repo.resolve("catalog/mempool.yaml")),
                "catalog/mempool.yaml is not written yet");
        Catalog c = CatalogLoader.loadAllowingMissingSpecs(repo);
        assertFalse(c.variants().isEmpty());
        for (Variant v : c.variants()) {
            String cfg = CfgWriter.write(v);
            SpecOperators ops = c.protocolOf(v).operators();
            assertTrue(cfg.contains(ops.usesSpecification() ? "\nSPECIFICATION " + ops.specification() + "\n"
                    : "\nINIT " + ops.init() + "\nNEXT " + ops.next() + "\n"), v.name());
            for (String inv : v.checks().invariants()) {
                assertTrue(cfg.contains("\nINVARIANT " + inv + "\n"), v.name() + ": " + inv);
            }
            assertNull(c.protocolOf(v).parameters().keySet().stream()
                    .filter(k -> !v.parameters().containsKey(k)).findFirst().orElse(null), v.name());
        }
    }
}
