package org.sembridge.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// One `bin/sembridge` command of a Markdown document, as [DocCommands] extracted it.
///
/// @param document the Markdown file
/// @param line the 1-based line where the command starts
/// @param text the command as written (continuation lines joined)
/// @param plain the arguments after `bin/sembridge` without the optional `[...]` parts
/// @param withOptional the arguments with every optional part included; equal to `plain` when
///     the command has none
/// @param optionsOnly true when the command is only parsed, not run (see [DocCommands])
/// @param shownOutput the output the document shows for the plain command, if any
record DocCommand(Path document, int line, String text, List<String> plain, List<String> withOptional,
        boolean optionsOnly, Optional<List<String>> shownOutput) {

    DocCommand {
        plain = List.copyOf(plain);
        withOptional = List.copyOf(withOptional);
    }

    /// The subcommand, e.g. `encode`.
    String subcommand() {
        return plain.isEmpty() ? "" : plain.getFirst();
    }

    boolean hasOptionalParts() {
        return !plain.equals(withOptional);
    }

    DocCommand withShownOutput(List<String> output) {
        return new DocCommand(document, line, text, plain, withOptional, optionsOnly, Optional.of(output));
    }

    @Override
    public String toString() {
        return document.getFileName() + ":" + line + ": " + text;
    }
}
