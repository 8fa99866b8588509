package reservecheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every command the README shows runs here, with the exit code and the text it promises, so the
 * README cannot drift from the CLI.  The convention (README "Examples that run"): a fenced block
 * marked {@code sh} is run line by line from the repository root; after each {@code bin/reservecheck}
 * command (continued over lines ending in a backslash) comes {@code # exit N} and any number of
 * {@code # expect: TEXT} lines, each TEXT to be found in its output.  A block not marked {@code sh}
 * that shows a {@code bin/reservecheck} command must say {@code # not run: WHY}.
 *
 * <p>Results and work folders go to a temporary folder (the test adds {@code --results} and
 * {@code --work} to {@code check}, {@code --work} to {@code diff}), which is also the folder the
 * commands run in, so a later example reads the traces an earlier one wrote.
 */
class ReadmeExamplesTest {

    @TempDir
    Path tmp;

    /** One command of a sh block, with what the README promises about it. */
    record Example(int line, String command, Integer exit, List<String> expect) {
    }

    @Test
    void everyReadmeExampleRunsAsPromised() throws Exception {
        Path root = CliHarness.repositoryRoot();
        List<Example> examples = examples(Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(examples.size() >= 5, "the README's sh blocks hold " + examples.size() + " examples");
        Files.createDirectories(tmp.resolve("results"));
        for (Example e : examples) {
            List<String> args = words(e.command());
            assertEquals("bin/reservecheck", args.get(0), "README line " + e.line() + ": " + e.command());
            args = new ArrayList<>(args.subList(1, args.size()));
            redirectOutputs(args, e);
            long start = System.nanoTime();
            CliHarness.Run r = CliHarness.run(root, JobRunner.tlc(), tmp, args.toArray(String[]::new));
            String all = r.out() + r.err();
            assertEquals(e.exit(), r.code(), () -> "README line " + e.line() + ": " + e.command() + "\n" + all);
            for (String text : e.expect()) {
                assertTrue(all.contains(text), () -> "README line " + e.line() + ": " + e.command()
                        + " does not print \"" + text + "\":\n" + all);
            }
            System.out.printf("README line %d: exit %d in %.1f s: %s%n", e.line(), r.code(),
                    (System.nanoTime() - start) / 1e9, e.command());
        }
    }

    /** The convention is enforced: a command without its exit code, or shown unmarked, fails. */
    @Test
    void unmarkedCommandsAreRefused() {
        List<Example> ok = examples(List.of("```sh", "bin/reservecheck list \\", "  --protocol p", "# exit 3",
                "# expect: unknown protocol p", "```", "```", "# not run: why", "bin/reservecheck jpf", "```"));
        assertEquals(List.of(new Example(2, "bin/reservecheck list  --protocol p", 3, List.of("unknown protocol p"))), ok);
        assertThrows(AssertionError.class, () -> examples(List.of("```sh", "bin/reservecheck list", "```")));
        assertThrows(AssertionError.class, () -> examples(List.of("```", "bin/reservecheck list", "```")));
        assertEquals(List.of("a", "b c", "d"), words("a 'b c' \"d\""));
    }

    /** The README's convention itself: a block that is not run says why. */
    static List<Example> examples(List<String> readme) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            String fence = readme.get(i).strip();
            if (!fence.startsWith("```")) {
                continue;
            }
            String lang = fence.substring(3).strip();
            int end = i + 1;
            while (end < readme.size() && !readme.get(end).strip().equals("```")) {
                end++;
            }
            List<String> block = readme.subList(i + 1, end);
            if (lang.equals("sh")) {
                out.addAll(parseBlock(block, i + 2));
            } else if (block.stream().anyMatch(l -> l.strip().startsWith("bin/reservecheck "))
                    && block.stream().noneMatch(l -> l.strip().startsWith("# not run: "))) {
                fail("README line " + (i + 1) + ": a block showing bin/reservecheck is neither ```sh nor '# not run: why'");
            }
            i = end;
        }
        return out;
    }

    private static List<Example> parseBlock(List<String> block, int firstLine) {
        List<Example> out = new ArrayList<>();
        StringBuilder command = null;
        int commandLine = 0;
        Integer exit = null;
        List<String> expect = new ArrayList<>();
        for (int j = 0; j < block.size(); j++) {
            String l = block.get(j).strip();
            if (l.startsWith("# exit ")) {
                exit = Integer.parseInt(l.substring("# exit ".length()).strip());
            } else if (l.startsWith("# expect: ")) {
                expect.add(l.substring("# expect: ".length()));
            } else if (l.isEmpty() || l.startsWith("#")) {
                continue;
            } else {
                if (command != null) {
                    out.add(example(commandLine, command, exit, expect));
                    expect = new ArrayList<>();
                    exit = null;
                }
                commandLine = firstLine + j;
                command = new StringBuilder();
                while (l.endsWith("\\") && j + 1 < block.size()) {
                    command.append(l, 0, l.length() - 1).append(' ');
                    l = block.get(++j).strip();
                }
                command.append(l);
            }
        }
        if (command != null) {
            out.add(example(commandLine, command, exit, expect));
        }
        return out;
    }

    private static Example example(int line, StringBuilder command, Integer exit, List<String> expect) {
        if (exit == null) {
            fail("README line " + line + ": " + command + " has no '# exit N' after it");
        }
        return new Example(line, command.toString(), exit, List.copyOf(expect));
    }

    /** Shell words: blanks split, single and double quotes group (no expansion). */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                w = w == null ? new StringBuilder() : w;
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }

    /** Keeps the repository's results/ and target/ as they are: every run writes under tmp. */
    private void redirectOutputs(List<String> args, Example e) {
        String sub = args.isEmpty() ? "" : args.get(0);
        if (sub.equals("check") && !args.contains("--results")) {
            args.add("--results");
            args.add(tmp.resolve("results/results.json").toString());
        }
        if ((sub.equals("check") || sub.equals("diff")) && !args.contains("--work")) {
            args.add("--work");
            args.add(tmp.resolve("work-" + e.line()).toString());
        }
    }
}
