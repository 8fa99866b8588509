package reservecheck.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reservecheck.tla.TlaValue;

/** The generated JUnit tests compile, pass on a good trace and fail on an altered one. */
class TraceTestWriterTest {

    @TempDir
    Path tmp;

    @Test
    void namesComeFromVariantAndChecker() {
        ItfTrace t = Bugs.explorerTrace(Bugs.variant("free_stale_curr_nr"));
        assertEquals("FreeStaleCurrNrExplorerTraceTest", TraceTestWriter.className(t));
        String src = TraceTestWriter.source(t, "p.q", "/traces/explorer/free_stale_curr_nr.itf.json");
        assertTrue(src.startsWith("package p.q;\n"), src);
        assertTrue(src.contains("static final String TRACE = \"/traces/explorer/free_stale_curr_nr.itf.json\";"), src);
        assertTrue(src.contains("void replayReproducesInvariantConservation() throws Exception {"), src);
        assertFalse(src.contains("TRACE_JSON"), src);
    }

    @Test
    void anEmbeddedTraceTestCompilesAndPasses() throws Throwable {
        ItfTrace t = Bugs.explorerTrace(Bugs.variant("md_hold_and_wait"));
        run(TraceTestWriter.source(t, "gen", null), "gen." + TraceTestWriter.className(t));
    }

    @Test
    void anEmbeddedTraceTestFailsWhenTheTraceNoLongerReproduces() throws Exception {
        ItfTrace t = Bugs.explorerTrace(Bugs.variant("free_stale_curr_nr"));
        int last = t.states().size() - 1;
        ItfTrace.ItfState s = t.states().get(last);
        Map<String, TlaValue> values = new java.util.HashMap<>(s.values());
        values.put("curr_nr", TlaValue.of(5));
        List<ItfTrace.ItfState> states = new ArrayList<>(t.states());
        states.set(last, new ItfTrace.ItfState(last, s.action(), s.task(), false, values));
        ItfTrace altered = new ItfTrace(t.meta(), t.params(), t.vars(), states, null);
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> run(TraceTestWriter.source(altered, null, null), TraceTestWriter.className(altered)));
        assertTrue(e.getMessage().contains("does not reproduce: state " + last), e.getMessage());
    }

    /** Compiles the source against this test's classpath and runs its one test method. */
    private void run(String source, String className) throws Throwable {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Path src = tmp.resolve(simple + ".java");
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, "-d", classes.toString(), "-cp", classpath(), src.toString());
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8) + "\n" + source);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> c = loader.loadClass(className);
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            Object test = ctor.newInstance();
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class)) {
                    m.setAccessible(true);
                    try {
                        m.invoke(test);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }

    /** The classes this test runs with, as a javac classpath (surefire may hide them in a manifest jar). */
    private static String classpath() {
        List<String> parts = new ArrayList<>();
        for (ClassLoader l = TraceTestWriterTest.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    parts.add(url.getPath());
                }
            }
        }
        parts.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, parts);
    }
}
