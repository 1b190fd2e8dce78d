package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.progress.CancellationToken;
import picocli.CommandLine;

/// Executes the documentation: every `bin/sembridge` command of README.md and docs/**/*.md, in
/// document order, in-process through the CLI entry point, with the conventions of
/// [DocCommands] (optional `[...]` parts, options-only commands, shown outputs).
///
/// Paths are used as written, with two mappings so that nothing is written into the repository
/// or the home folder: `/tmp/...` becomes a folder of this test's scratch directory (shared by all
/// documents, so a later command sees what an earlier one wrote), and a relative path whose first
/// segment exists in the repository (`sample-models/...`, `assets/...`) resolves against the
/// repository root, as it does for `bin/sembridge` run from there. A command passes when it
/// exits 0, and, where the document shows output, when that output matches ([ShownOutput]).
class ReadmeCommandsTest {

    @TempDir
    static Path scratch;

    private static final Path REPO = SampleData.repoRoot().toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicNode> everyDocumentedCommandRunsAsWritten() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(REPO.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(REPO.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<DynamicNode> nodes = new ArrayList<>();
        Set<String> repoBefore = listing(REPO);
        Set<String> workingDirectoryBefore = listing(Path.of("").toAbsolutePath());
        for (Path document : documents) {
            List<DocCommand> commands = DocCommands.of(document);
            if (!commands.isEmpty()) {
                nodes.add(dynamicContainer(REPO.relativize(document).toString(),
                        commands.stream().map(ReadmeCommandsTest::check)));
            }
        }
        assertTrue(nodes.size() >= 2, "README.md and the docs hold commands: " + documents);
        nodes.add(dynamicTest("the commands wrote nothing into the repository or the working directory", () -> {
            assertEquals(repoBefore, listing(REPO));
            assertEquals(workingDirectoryBefore, listing(Path.of("").toAbsolutePath()));
        }));
        return nodes.stream();
    }

    private static DynamicTest check(DocCommand command) {
        String name = "line " + command.line() + ": " + command.text();
        return dynamicTest(name, () -> {
            Files.createDirectories(scratch.resolve("tmp"));
            List<List<String>> variants = command.hasOptionalParts()
                    ? List.of(command.plain(), command.withOptional()) : List.of(command.plain());
            for (List<String> variant : variants) {
                String[] args = variant.stream().map(ReadmeCommandsTest::mapped).toArray(String[]::new);
                if (command.optionsOnly()) {
                    parses(command, args);
                } else {
                    Run run = run(args);
                    assertEquals(0, run.exitCode(), command + "\nargs " + List.of(args) + "\nstderr: " + run.err());
                    if (variant == command.plain() && command.shownOutput().isPresent()) {
                        List<String> shown = command.shownOutput().get();
                        if (!ShownOutput.matches(shown, run.out().lines().toList())) {
                            fail(command + "\nthe document shows:\n" + String.join("\n", shown)
                                    + "\nthe command printed:\n" + run.out());
                        }
                    }
                }
            }
        });
    }

    private static void parses(DocCommand command, String[] args) {
        try {
            CommandLine.ParseResult result = SemBridgeCli.newCommandLine(CancellationToken.create()).parseArgs(args);
            assertFalse(result.subcommands().isEmpty(), command + ": no subcommand");
        } catch (CommandLine.ParameterException e) {
            fail(command + ": " + SemBridgeCli.usageErrorLine(e));
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SemBridgeCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /// `/tmp/x` -> scratch/tmp/x; `sample-models/x` -> REPO/sample-models/x; `--opt=value` maps
    /// the value; anything else is left as written.
    static String mapped(String word) {
        int equals = word.indexOf('=');
        if (word.startsWith("--") && equals > 0) {
            return word.substring(0, equals + 1) + mapped(word.substring(equals + 1));
        }
        if (word.startsWith("/tmp/")) {
            return scratch.resolve("tmp").resolve(word.substring("/tmp/".length())).toString();
        }
        if (word.startsWith("-") || word.isEmpty() || word.startsWith("/")) {
            return word;
        }
        int slash = word.indexOf('/');
        String first = slash < 0 ? word : word.substring(0, slash);
        if (slash > 0 && !first.equals(".") && !first.equals("..") && Files.exists(REPO.resolve(first))) {
            return REPO.resolve(word).toString();
        }
        return word;
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }
}
