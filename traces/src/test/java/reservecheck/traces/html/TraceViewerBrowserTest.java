package reservecheck.traces.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import reservecheck.results.ResultRecord;
import reservecheck.results.ResultsFile;
import reservecheck.traces.CatalogTraces;
import reservecheck.catalog.Variant;
import reservecheck.traces.ItfJson;
import reservecheck.traces.ImplementationSamples;
import reservecheck.traces.ItfTrace;
import reservecheck.traces.TraceMeta;

/**
 * The viewer as a person uses it: Debian's headless Chromium opens the generated page from disk,
 * the test steps through a real mempool counterexample with the buttons, the keyboard and the
 * slider, and checks what the page shows at each step.  Screenshots are left in
 * target/screenshots for a person to look at.
 */
class TraceViewerBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target", "browser-test").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final Pattern URL = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);

    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        // A missing browser is a broken machine, not a reason to skip: CI installs both packages.
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the trace viewer's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run `apt-get install chromium chromium-driver` (ci/install-deps.sh does)");
        }
        // Named here so that Selenium never looks for (or downloads) a driver or a browser.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("reservecheck-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 1100));
        Files.createDirectories(OUT);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void stepsThroughALostWakeUp() throws IOException {
        ItfTrace trace = MempoolTraces.zeroMinLostWakeup();
        // Through the file form and TraceHtml.write(Path, Path), as `reservecheck trace html` does.
        Path itf = OUT.resolve("zero_min_lost_wakeup.itf.json");
        ItfJson.write(trace, itf);
        Path page = OUT.resolve("zero_min_lost_wakeup.html");
        TraceHtml.write(itf, page);
        String html = Files.readString(page);
        assertFalse(URL.matcher(html).find(), "the page names no http(s) address");

        driver.get(page.toUri().toString());
        assertEquals("mempool / zero_min_lost_wakeup \u2014 tlc: liveness:AllocReturns", driver.getTitle());
        assertEquals("liveness:AllocReturns", text("#violation"));

        expectStep(0, "Initial state", "", Set.of());
        assertTrue(el("#prev").getAttribute("disabled") != null, "no previous step at 0");
        assertEquals("The initial state: there is no step before it.", text("#diff-note"));

        click("#next");
        expectStep(1, "mempool_alloc", "p1", Set.of("pc[p1]"));
        expectDiff("pc", "p1", "\"idle\"", "\"alloc\"");
        assertTrue(el("#lanes tr[data-task=p1] td[data-step='1']").getAttribute("class").contains("acted"));
        assertFalse(el("#lanes tr[data-task=p2] td[data-step='1']").getAttribute("class").contains("acted"));
        assertEquals("alloc", el("#lanes tr[data-task=p1] td[data-step='1']").getAttribute("data-pc"));

        click("#next");
        expectStep(2, "pool_alloc", "p1", Set.of("free_pages", "held[p1]", "pc[p1]"));
        expectDiff("free_pages", null, "1", "0");
        expectDiff("held", "p1", "0", "1");
        assertTrue(el("#state tr[data-var=free_pages]").getAttribute("class").contains("changed"));
        assertFalse(el("#state tr[data-var=curr_nr]").getAttribute("class").contains("changed"));

        // The keyboard, from wherever the focus is (here: the Next button just clicked).
        keys(Keys.ARROW_RIGHT);
        expectStep(3, "mempool_alloc", "p2", Set.of("pc[p2]"));
        keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        expectStep(5, "remove_element", "p2", Set.of("full_mask[p2]", "pc[p2]"));
        expectDiff("full_mask", "p2", "FALSE", "TRUE");
        keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        expectStep(7, "remove_element", "p2", Set.of("waitq", "tstate[p2]", "pc[p2]"));
        // A wait queue is compared whole: its entries shift, a per-index diff would mislead.
        expectDiff("waitq", null, "<<>>", "<<p2>>");
        assertEquals("io_schedule", el("#lanes tr[data-task=p2] td[data-step='7']").getAttribute("data-pc"));
        // The plot mempool declares (catalog/plots/mempool.yaml): its cursor follows the step.
        assertEquals(el("#plot-pool .pt[data-step='7']").getAttribute("cx"), el("#plot-pool .plot-cursor").getAttribute("x1"));
        keys(Keys.ARROW_LEFT);
        expectStep(6, "pool_alloc", "p2", Set.of("pc[p2]"));

        keys(Keys.END);
        expectStep(8, "mempool_free", "p1", Set.of("free_pages", "held[p1]", "rounds_left[p1]", "pc[p1]"));
        expectDiff("pc", "p1", "\"hold\"", "\"done\"");
        assertTrue(text("#step-flags").contains("stutters forever"), text("#step-flags"));
        assertTrue(el("#next").getAttribute("disabled") != null, "no next step at the end");
        keys(Keys.ARROW_RIGHT);
        expectStep(8, "mempool_free", "p1", Set.of("free_pages", "held[p1]", "rounds_left[p1]", "pc[p1]"));

        // The task whose call never returns, the stuttering step, and the plotted integers.
        assertTrue(el("#lanes tr[data-task=p2]").getAttribute("class").contains("stuck"));
        assertTrue(el("#steps li[data-step='8']").getAttribute("class").contains("stuttering"));
        for (String series : List.of("curr_nr", "free_pages", "clean_pages", "held[p1]", "held[p2]",
                "rounds_left[p2]")) {
            assertEquals(1, all("#plot path[data-series='" + series + "']").size(), series);
        }
        assertEquals("8", el("#plot-cursor").getAttribute("data-step"));
        assertEquals(0L, ((Number) js("return performance.getEntriesByType('resource').length")).longValue(),
                "the page loads nothing");
        screenshot(SCREENSHOTS.resolve("trace-viewer.png"));

        keys(Keys.HOME);
        expectStep(0, "Initial state", "", Set.of());
        keys(Keys.ARROW_LEFT);
        expectStep(0, "Initial state", "", Set.of());

        // The slider: clicking it jumps, its own arrow keys move one step (not two).
        el("#slider").click();
        int jumped = Integer.parseInt(el("#slider").getAttribute("value"));
        assertTrue(jumped > 0 && jumped < 8, "a click on the slider's middle jumps there: " + jumped);
        assertEquals(String.valueOf(jumped), text("#step-index"));
        el("#slider").sendKeys(Keys.ARROW_RIGHT);
        assertEquals(String.valueOf(jumped + 1), text("#step-index"));
        assertEquals(String.valueOf(jumped + 1), el("#slider").getAttribute("value"));

        // Clicking a step in the list, and a cell of a lane.
        el("#steps li[data-step='4']").click();
        expectStep(4, "pool_alloc", "p2", Set.of("pc[p2]"));
        el("#lanes tr[data-task=p1] td[data-step='2']").click();
        expectStep(2, "pool_alloc", "p1", Set.of("free_pages", "held[p1]", "pc[p1]"));
    }

    @Test
    void marksTheLoopOfALasso() throws IOException {
        Path page = OUT.resolve("same_bioset_recursion.html");
        TraceHtml.write(MempoolTraces.sameBiosetLasso(), page);
        driver.get(page.toUri().toString());
        assertEquals(List.of("5", "6", "7"), all("#steps li.loop").stream().map(e -> e.getAttribute("data-step")).toList());
        assertTrue(text("#loop-back").contains("io_schedule_timeout"), text("#loop-back"));
        assertTrue(text("#loop-back").contains("back to step 5"), text("#loop-back"));
        assertEquals("5", el("#plot .loop-band").getAttribute("data-loop"));
        assertTrue(text("#shape").contains("loops back to step 5"), text("#shape"));
        keys(Keys.END);
        expectStep(7, "remove_element", "p1", Set.of("waitq", "tstate[p1]", "pc[p1]"));
        assertTrue(text("#step-flags").contains("back to 5"), text("#step-flags"));
        screenshot(SCREENSHOTS.resolve("trace-viewer-lasso.png"));
    }

    /**
     * A reserve-tree trace (the explorer's lost update of unlocked_reserve_adjust): the plot
     * has a line per node for the reserve's pages, limit and usage, and at the last step the
     * root's pages and var_free_kbytes disagree, which is the violation.
     */
    @Test
    void plotsTheReserveTreePerNode() throws IOException {
        CatalogTraces.Explored e = lostUpdate();
        Path page = OUT.resolve("unlocked_reserve_adjust.html");
        TraceHtml.write(e.trace(), page);
        driver.get(page.toUri().toString());
        for (String var : List.of("pages", "limit", "usage")) {
            for (String node : List.of("root", "net", "ipv4", "ipv6")) {
                String series = var + "[" + node + "]";
                assertEquals(1, all("#plot path[data-series='" + series + "']").size(), series);
            }
        }
        assertEquals(1, all("#plot path[data-series='var_free_kbytes']").size());
        keys(Keys.END);
        ItfTrace.ItfState last = e.trace().states().get(e.trace().states().size() - 1);
        assertEquals(last.action(), text("#action"));
        assertEquals("invariant:RootMatchesReserve", text("#violation"));
        screenshot(SCREENSHOTS.resolve("trace-viewer-reserve-tree.png"));
    }

    /**
     * A safety trace names its invariant with the spec's definition beside the steps, and every
     * step has an anchor: the link in that panel goes to the failing step, the list's step
     * numbers are links, and a page opened at {@code #step-N} shows step N.
     */
    @Test
    void showsTheInvariantsDefinitionAndLinksEachStep() throws IOException {
        ItfTrace trace = lostUpdate().trace();
        int last = trace.states().size() - 1;
        Path page = OUT.resolve("unlocked_reserve_adjust-links.html");
        TraceHtml.write(trace, page);
        driver.get(page.toUri().toString());
        assertEquals("RootMatchesReserve == NoAdjustInFlight => var_free_kbytes = pages[\"root\"]", text("#definition"));
        assertTrue(text("#violated").contains("The invariant RootMatchesReserve (specs/reserve_tree/ReserveTree.tla:"),
                text("#violated"));
        assertTrue(el("#definition").isDisplayed());

        // the panel's link: to the step where the invariant is false, which the list scrolls to
        el("#violated a.step-link").click();
        assertEquals(String.valueOf(last), text("#step-index"));
        assertEquals("step-" + last, js("return document.querySelector(':target').id"));
        assertTrue(el("#violated").getAttribute("class").contains("current"), "the panel marks its step as the current");
        assertTrue(onTop("step-" + last), "the failing step is scrolled into view, not under the controls");

        // a step number in the list is a link to that step
        // (scrolled to first, as a person would: the window is scrolled down to the failing step)
        js("document.getElementById('step-1').scrollIntoView({block: 'center'})");
        el("#step-1 a.n").click();
        assertEquals("1", text("#step-index"));
        assertEquals("#step-1", js("return location.hash"));
        assertTrue(onTop("step-1"), "step 1 is in view");
        assertFalse(el("#violated").getAttribute("class").contains("current"));

        // opened from a link (a fresh load at #step-2), the page shows step 2, not the first
        driver.get("about:blank");
        driver.get(page.toUri() + "#step-2");
        assertEquals("2", text("#step-index"));
        assertEquals("step-2", js("return document.querySelector(':target').id"));
        assertEquals(trace.states().get(2).action(), text("#action"));
        assertTrue(onTop("step-2"), "step 2 is in view");
        // a link past the last step opens the page at its first; a number written 02 is step 2
        driver.get("about:blank");
        driver.get(page.toUri() + "#step-999");
        assertEquals("0", text("#step-index"));
        driver.get(page.toUri() + "#step-02");
        assertEquals("2", text("#step-index"));
        screenshot(SCREENSHOTS.resolve("trace-viewer-definition.png"));
    }

    /** True if the element is what a person sees at its middle: in the window, under nothing else. */
    private static boolean onTop(String id) {
        return Boolean.TRUE.equals(js("var e = document.getElementById('" + id + "'); var r = e.getBoundingClientRect();"
                + " var at = document.elementFromPoint(r.left + 4, (r.top + r.bottom) / 2);"
                + " return at !== null && e.contains(at);"));
    }

    private static CatalogTraces.Explored lostUpdate;

    /** The explorer's lost update of unlocked_reserve_adjust, found once for the tests that draw it. */
    private static synchronized CatalogTraces.Explored lostUpdate() {
        if (lostUpdate == null) {
            Variant v = ImplementationSamples.variant("unlocked_reserve_adjust");
            lostUpdate = CatalogTraces.explore(v, null);
            assertNotNull(lostUpdate.trace(), "the explorer's counterexample");
        }
        return lostUpdate;
    }

    /**
     * Every implementation checker's trace of a mempool bug opens and steps to its end: JPF's
     * from recorded output, Lincheck's from the run logs java-models' tests left in results/
     * (all of them in make test).  The end is the implementation's last step; a hang that only
     * the unfair timeout could end stutters there with its stuck task marked.
     */
    @Test
    void opensEveryImplementationTrace() throws IOException {
        List<ItfTrace> traces = new ArrayList<>(ImplementationSamples.jpf());
        traces.addAll(ImplementationSamples.lincheck());
        assertFalse(traces.isEmpty());
        for (ItfTrace t : traces) {
            String checker = TraceMeta.string(t, TraceMeta.CHECKER);
            String variant = TraceMeta.string(t, TraceMeta.VARIANT);
            String violation = TraceMeta.string(t, TraceMeta.VIOLATION);
            String where = checker + " " + variant;
            Path page = OUT.resolve(checker).resolve(variant + ".html");
            Files.createDirectories(page.getParent());
            TraceHtml.write(t, page);
            driver.get(page.toUri().toString());
            assertEquals("mempool / " + variant + " \u2014 " + checker + ": " + violation, driver.getTitle(), where);
            assertEquals(violation, text("#violation"), where);
            assertEquals("0", text("#step-index"), where);
            click("#next");
            ItfTrace.ItfState first = t.states().get(1);
            assertEquals(first.action(), text("#action"), where);
            assertEquals(first.task(), text("#task"), where);
            keys(Keys.END);
            ItfTrace.ItfState last = t.states().get(t.states().size() - 1);
            assertEquals(String.valueOf(last.index()), text("#step-index"), where);
            assertEquals(last.action(), text("#action"), where);
            assertEquals(last.task(), text("#task"), where);
            assertEquals(t.states().size(), all("#steps li").size(), where);
            if (violation.startsWith("liveness:")) {
                assertTrue(text("#step-flags").contains("stutters forever"), where + ": " + text("#step-flags"));
                String stuck = TraceMeta.string(t, TraceMeta.TASK);
                assertTrue(el("#lanes tr[data-task=" + stuck + "]").getAttribute("class").contains("stuck"), where);
            }
            if (variant.equals("zero_min_lost_wakeup")) {
                screenshot(SCREENSHOTS.resolve("trace-viewer-" + checker + ".png"));
            }
        }
    }

    @Test
    void reportLinksEachCounterexample() throws IOException {
        Path results = OUT.resolve("results");
        if (Files.exists(results)) {
            try (Stream<Path> s = Files.walk(results)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path itf = results.resolve("traces/tlc/zero_min_lost_wakeup.itf.json");
        ItfJson.write(MempoolTraces.zeroMinLostWakeup(), itf);
        // the first record is of an earlier run than the others
        reservecheck.results.Run earlier = new reservecheck.results.Run("r1", java.time.Instant.parse("2026-12-03T09:00:00Z"));
        reservecheck.results.Run latest = new reservecheck.results.Run("r2", java.time.Instant.parse("2026-12-04T02:00:00Z"));
        new ResultsFile(results.resolve("results.json")).merge(List.of(
                new ResultRecord("mempool", "mempool_modern", "tlc", "ok", 14422L, "ok", true, 14422, 19, 3.2,
                        null, null, Map.of()).withRun(earlier),
                new ResultRecord("mempool", "zero_min_lost_wakeup", "tlc", "liveness:AllocReturns", null,
                        "liveness:AllocReturns", true, 40, 9, 1.4, "Temporal properties were violated",
                        "results/traces/tlc/zero_min_lost_wakeup.itf.json", Map.of()).withRun(latest),
                new ResultRecord("mempool", "free_stale_curr_nr", "jqwik", "invariant:Conservation", null, "ok",
                        false, -1, 12, 0.8, "no counterexample in 1000 tries", null, Map.of()).withRun(latest),
                new ResultRecord("mempool", "md_hold_and_wait", "tlc", "liveness:AllocReturns", null,
                        "inconclusive:timeout", false, 120000, 40, 600, "timed out", null, Map.of()).withRun(latest)));
        ReportWriter.Summary summary = ReportWriter.writeAll(results);
        assertEquals(List.of(results.resolve("traces/tlc/zero_min_lost_wakeup.html")), summary.pages());

        driver.get(summary.index().toUri().toString());
        assertEquals(4, all("#verdicts tbody tr").size());
        WebElement mismatch = el("#verdicts tr[data-variant=free_stale_curr_nr][data-checker=jqwik]");
        assertEquals("mismatch", mismatch.getAttribute("data-outcome"));
        assertEquals("rgba(253, 232, 232, 1)", mismatch.getCssValue("background-color"), "mismatches stand out");
        assertEquals("1 mismatch", text("#count-mismatch"));
        // the earlier run's row is tagged and faded; the latest run's rows are not
        WebElement old = el("#verdicts tr[data-variant=mempool_modern]");
        assertEquals("from an earlier run", old.findElement(By.cssSelector(".earlier-mark")).getText());
        assertEquals("0.62", old.findElement(By.cssSelector("td.variant")).getCssValue("opacity"));
        assertEquals("1", mismatch.findElement(By.cssSelector("td.variant")).getCssValue("opacity"));
        assertEquals("1 record from an earlier run", text("#earlier-count"));
        assertEquals("r2", text("#latest-run"));
        el("#only-problems").click();
        assertEquals(2, all("#verdicts tbody tr:not(.hidden)").size());
        el("#only-problems").click();
        screenshot(SCREENSHOTS.resolve("report.png"));

        el("#verdicts tr[data-variant=zero_min_lost_wakeup] a.trace-link").click();
        assertEquals("mempool / zero_min_lost_wakeup \u2014 tlc: liveness:AllocReturns", driver.getTitle());
        assertEquals("0", text("#step-index"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** What the page must show at a step: the number, the action, the task, the changed entries. */
    private static void expectStep(int step, String action, String task, Set<String> changed) {
        assertEquals(String.valueOf(step), text("#step-index"), "step number");
        assertEquals(String.valueOf(step), el("#slider").getAttribute("value"), "slider");
        assertEquals(action, text("#action"), "action at step " + step);
        assertEquals(task, text("#task"), "task at step " + step);
        Set<String> diff = all("#diff tbody tr").stream().map(tr -> tr.findElement(By.cssSelector("td.var")).getText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(changed), diff, "changed at step " + step);
        // The current column of the lanes is this step's, in every lane, and only there.
        List<WebElement> current = all("#lanes td.current");
        assertFalse(current.isEmpty());
        for (WebElement td : current) {
            assertEquals(String.valueOf(step), td.getAttribute("data-step"));
        }
        assertEquals(all("#lanes tbody tr").size(), current.size());
        assertEquals(String.valueOf(step), el("#steps li.current").getAttribute("data-step"));
        assertEquals(String.valueOf(step), el("#plot-cursor").getAttribute("data-step"));
    }

    private static void expectDiff(String var, String key, String before, String after) {
        String sel = "#diff tr[data-var='" + var + "']" + (key == null ? ":not([data-key])" : "[data-key='" + key + "']");
        WebElement tr = el(sel);
        assertEquals(before, tr.findElement(By.cssSelector("td.before")).getText(), sel);
        assertEquals(after, tr.findElement(By.cssSelector("td.after")).getText(), sel);
    }

    private static WebElement el(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    private static List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    private static String text(String css) {
        return el(css).getText();
    }

    private static void click(String css) {
        el(css).click();
    }

    private static void keys(CharSequence... keys) {
        Actions a = new Actions(driver);
        for (CharSequence k : keys) {
            a.sendKeys(k);
        }
        a.perform();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** The whole page, not just the window: a person reads the lanes and the plot below the fold. */
    private static void screenshot(Path file) throws IOException {
        Number w = (Number) js("return document.documentElement.scrollWidth");
        Number h = (Number) js("return document.documentElement.scrollHeight");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", w, "height", h, "scale", 1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        assertTrue(Files.size(file) > 10_000, "a screenshot was written: " + file);
        new File(file.toString()).setReadable(true, false);
    }
}
