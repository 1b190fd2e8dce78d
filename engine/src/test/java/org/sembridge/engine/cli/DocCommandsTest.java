package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// How commands, optional parts, options-only blocks and shown outputs are read from Markdown.
class DocCommandsTest {

    @TempDir
    Path folder;

    private List<DocCommand> commandsOf(String markdown) throws IOException {
        Path page = folder.resolve("page.md");
        Files.writeString(page, markdown);
        return DocCommands.of(page);
    }

    @Test
    void continuedLinesJoinAndOptionalPartsGiveTwoVariants() throws IOException {
        List<DocCommand> commands = commandsOf("""
                ```bash
                bin/sembridge encode --model m \\
                                     --text "a b" [--json]   # a comment
                echo not a command
                ```
                """);
        assertEquals(1, commands.size());
        assertEquals(List.of("encode", "--model", "m", "--text", "a b"), commands.getFirst().plain());
        assertEquals(List.of("encode", "--model", "m", "--text", "a b", "--json"), commands.getFirst().withOptional());
        assertEquals(2, commands.getFirst().line());
        assertFalse(commands.getFirst().optionsOnly());
    }

    @Test
    void theOutputMarkerAttachesTheNextBlockToTheFirstMatchingCommand() throws IOException {
        List<DocCommand> commands = commandsOf("""
                ```bash
                bin/sembridge info --model m
                bin/sembridge encode --model m --text t
                ```

                <!-- doc-test: output of encode -->
                ```
                  1.0  word
                ```
                """);
        assertTrue(commands.get(0).shownOutput().isEmpty());
        assertEquals(List.of("  1.0  word"), commands.get(1).shownOutput().orElseThrow());
    }

    @Test
    void benchExperimentAndMarkedBlocksAreOptionsOnly() throws IOException {
        List<DocCommand> commands = commandsOf("""
                ```bash
                bin/sembridge bench search
                bin/sembridge experiment --config c.json
                ```
                <!-- doc-test: options-only -->
                ```bash
                bin/sembridge encode --device gpu --model ... --text ...
                ```
                """);
        assertEquals(3, commands.size());
        assertTrue(commands.stream().allMatch(DocCommand::optionsOnly));
    }

    @Test
    void anOutputMarkerThatMatchesNoCommandIsAnError() {
        assertThrows(IllegalStateException.class, () -> commandsOf("""
                ```bash
                bin/sembridge info --model m
                ```
                <!-- doc-test: output of search -->
                ```
                x
                ```
                """));
    }
}
